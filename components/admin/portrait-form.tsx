"use client";

import { useActionState, useState } from "react";
import { idle, type ActionState } from "@/lib/actions/state";
import { PORTRAIT_MAX_MEGABYTES, portraitConsents } from "@/lib/validation/portrait";
import { describedBy, errorsOf, FieldError, fieldId, FormStatus, labelClass, Select, TextField, valueOf, valuesOf } from "./fields";

type Uploaded = { id: string; state: string; width: number; height: number };
type UploadState = ActionState<Uploaded>;

const consentLabel: Record<(typeof portraitConsents)[number], string> = {
  SUBJECT: "The person shown",
  FAMILY: "The person's family",
  PUBLIC_DOMAIN_OR_LICENSED: "Public domain, or published under a licence",
};

/**
 * Portrait upload. The size is checked in the browser first, so a too-large photo is refused
 * before it is sent; the server checks it again, and checks everything else itself.
 */
export function PortraitForm({ action, prisonerId }: { action: (state: UploadState, form: FormData) => Promise<UploadState>; prisonerId: string }) {
  const [state, formAction, pending] = useActionState<UploadState, FormData>(action, idle);
  const [tooLarge, setTooLarge] = useState(false);
  const serverErrors = errorsOf(state);
  const errors = tooLarge ? { ...serverErrors, image: [`The image is larger than ${PORTRAIT_MAX_MEGABYTES} MB`] } : serverErrors;
  const values = valuesOf(state);
  const value = (name: string) => valueOf(values, name);
  return (
    <form
      action={formAction}
      noValidate
      className="space-y-5"
      onSubmit={(event) => {
        if (tooLarge) event.preventDefault();
      }}
    >
      {state.status === "ok" ? (
        <p role="status" className="rounded border border-green-800 bg-green-50 p-3 font-medium">
          {state.message} ({state.result.width}×{state.result.height})
        </p>
      ) : (
        <FormStatus state={state} />
      )}
      <input type="hidden" name="prisonerId" value={prisonerId} />
      <div>
        <label htmlFor={fieldId("image")} className={labelClass}>
          Image
        </label>
        <p id={`${fieldId("image")}-hint`} className="text-sm text-muted">
          JPEG, PNG or WebP, at most {PORTRAIT_MAX_MEGABYTES} MB. Location and camera data are removed.
        </p>
        <input
          id={fieldId("image")}
          name="image"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          onChange={(event) => setTooLarge((event.target.files?.[0]?.size ?? 0) > PORTRAIT_MAX_MEGABYTES * 1024 * 1024)}
          className="mt-1 block w-full"
          {...describedBy("image", errors, `${fieldId("image")}-hint`)}
        />
        <FieldError name="image" errors={errors} />
      </div>
      <TextField name="credit" label="Credit" value={value("credit")} errors={errors} maxLength={300} />
      <TextField name="licence" label="Licence or permission" value={value("licence")} errors={errors} maxLength={200} />
      <Select name="consent" label="Consent to publish given by" options={portraitConsents} labels={consentLabel}
        value={value("consent")} errors={errors} blank="Choose…" />
      <TextField name="consentNote" label="Note on consent (optional)" value={value("consentNote")} errors={errors} maxLength={1000} />
      <TextField name="altText" label="Description for people who cannot see the image (optional)" value={value("altText")}
        errors={errors} maxLength={500} />
      <button type="submit" disabled={pending} className="w-full rounded bg-accent px-4 py-3 font-semibold text-white disabled:opacity-60">
        {pending ? "Uploading…" : "Upload portrait"}
      </button>
    </form>
  );
}
