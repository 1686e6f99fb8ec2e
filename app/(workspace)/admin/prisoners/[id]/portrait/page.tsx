import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortraitForm } from "@/components/admin/portrait-form";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { portraitForEditor } from "@/lib/data/portraits";
import { uploadPortrait } from "./actions";

export const metadata: Metadata = { title: "Portrait", robots: { index: false } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Upload or replace a person's portrait, with its credit, licence and consent. */
export default async function PortraitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/admin/prisoners/${UUID.test(id) ? id : ""}/portrait`, "write:draft");
  const prisoner = UUID.test(id) ? await portraitForEditor(id) : null;
  if (!prisoner) notFound();
  // A published (or archived) portrait is replaced only by someone who may publish.
  const mayReplace = !prisoner.portrait || prisoner.portrait.state === "DRAFT" || can(user.role, "publish");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-2 text-2xl font-bold">Portrait of {prisoner.fullName}</h1>
      {prisoner.portrait ? (
        <p className="mb-4 text-muted">
          Now: {prisoner.portrait.width}×{prisoner.portrait.height}, credit “{prisoner.portrait.credit}”, licence “
          {prisoner.portrait.licence}”, {prisoner.portrait.state.toLowerCase()}.{" "}
          {mayReplace ? "Uploading replaces it." : "Only an editor can replace it."}
        </p>
      ) : (
        <p className="mb-4 text-muted">No portrait yet.</p>
      )}
      {mayReplace ? <PortraitForm action={uploadPortrait} prisonerId={prisoner.id} /> : null}
    </div>
  );
}
