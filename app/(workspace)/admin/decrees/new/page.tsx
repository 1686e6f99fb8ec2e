import type { Metadata } from "next";
import { DecreeForm } from "@/components/admin/decree-form";
import { requireUser } from "@/lib/auth/session";
import { listOpenCustodyForDecree } from "@/lib/data/decrees";
import { recordDecree } from "./actions";

export const metadata: Metadata = { title: "Record a pardon or amnesty", robots: { index: false } };

/** A pardon or amnesty decree and everyone it freed, released in one save. */
export default async function NewDecreePage() {
  await requireUser("/admin/decrees/new", "publish");
  const people = await listOpenCustodyForDecree();
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-2 text-2xl font-bold">Record a pardon or amnesty</h1>
      <p className="mb-6 text-muted">
        Saving releases everyone you tick, as of the release day, with the decree as the reason. If anyone cannot be
        released, nothing is saved and the form says who.
      </p>
      <DecreeForm action={recordDecree} people={people} />
    </div>
  );
}
