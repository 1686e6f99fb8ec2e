import type { Metadata } from "next";
import { HearingLogForm } from "@/components/admin/hearing-log-form";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { findPrisonerForForm, hearingFormSuggestions } from "@/lib/data/admin-lookup";
import { todayUtc } from "@/lib/dates";
import { logHearing } from "./actions";

export const metadata: Metadata = { title: "Log a hearing", robots: { index: false } };

/**
 * Log a hearing: one form for the person and case, court, date, judge, lawyers present, the
 * motions with their rulings, and the result. `?prisoner=<slug>` starts with that person.
 */
export default async function NewHearingPage({ searchParams }: { searchParams: Promise<{ prisoner?: string | string[] }> }) {
  const user = await requireUser("/admin/hearings/new", "write:draft");
  const { prisoner } = await searchParams;
  const [initialPrisoner, suggestions] = await Promise.all([
    typeof prisoner === "string" && prisoner.length <= 120 ? findPrisonerForForm(prisoner) : null,
    hearingFormSuggestions(),
  ]);
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-2 text-2xl font-bold">Log a hearing</h1>
      <p className="mb-6 text-muted">
        {can(user.role, "publish")
          ? "What you save is published at once on the person's public timeline."
          : "What you save is kept as a draft until an editor publishes it."}
      </p>
      <HearingLogForm action={logHearing} canPublish={can(user.role, "publish")} today={todayUtc()} initialPrisoner={initialPrisoner} suggestions={suggestions} />
    </div>
  );
}
