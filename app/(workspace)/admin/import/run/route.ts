import { applyImportAction, withImportProgress } from "@/lib/actions/import";
import { performAction } from "@/lib/actions/perform";
import { can } from "@/lib/auth/permissions";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { currentUser } from "@/lib/auth/session";
import { maxImportBytes } from "@/lib/validation/import";

/**
 * Imports an uploaded CSV file and streams its progress: one JSON object per line,
 * {"progress": {done, total}} after each batch, then {"state": ActionState}. The import goes
 * through the same door as every action (performAction: user, permission, input).
 */
export async function POST(request: Request): Promise<Response> {
  const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (!isSameOrigin(request)) return new Response("Cross-site request refused.", { status: 403, headers });
  if (Number(request.headers.get("content-length") ?? 0) > maxImportBytes + 64 * 1024) {
    return new Response("The file is larger than 5 MB: split it into several files.", { status: 413, headers });
  }
  const user = await currentUser();
  // The upload is read only for someone allowed to import; performAction refuses the others.
  let raw: Record<string, string> = {};
  if (user && can(user.role, applyImportAction.permission)) {
    const form = await request.formData();
    const file = form.get("file");
    raw = { csv: file instanceof File ? await file.text() : "", publish: form.get("publish") === "on" ? "on" : "" };
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      const state = await withImportProgress(
        (done, total) => send({ progress: { done, total } }),
        () => performAction(applyImportAction, user, raw),
      );
      // The form already has the file; echoing 5 MB back would be waste.
      send({ state: state.status === "error" ? { ...state, values: {} } : state });
      controller.close();
    },
  });
  return new Response(stream, { headers: { ...headers, "content-type": "application/x-ndjson; charset=utf-8" } });
}
