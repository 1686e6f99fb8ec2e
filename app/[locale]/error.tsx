"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

/**
 * What a public page shows when it cannot be rendered (the database unreachable, most often):
 * a plain explanation in the page's language, a way to retry, and the error's digest so that a
 * report can be matched with the server's log. Never the error's message or stack.
 * The header and its count come from the layout, which renders without the database.
 */
export default function PublicError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <div className="space-y-4" role="alert">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="max-w-prose">{t("body")}</p>
      <p className="flex flex-wrap gap-4">
        <button type="button" onClick={reset} className="rounded bg-accent px-4 py-2 font-semibold text-white">
          {t("retry")}
        </button>
        <Link href="/" className="self-center underline underline-offset-2">
          {t("home")}
        </Link>
      </p>
      {error.digest ? <p className="text-sm text-muted">{t("reference", { digest: error.digest })}</p> : null}
    </div>
  );
}
