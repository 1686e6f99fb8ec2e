"use client";

import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { useLocale } from "next-intl";
import { usePathname } from "@/i18n/navigation";
import { LANGUAGE_NAMES, routing } from "@/i18n/routing";
import { localizedPath } from "@/lib/i18n/alternates";

function LanguageLinks({ search }: { search: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
      {routing.locales.map((each) => (
        <li key={each}>
          {/* A full page load: the whole document changes language, <html lang> included. */}
          <a
            href={`${localizedPath(each, pathname)}${search}`}
            hrefLang={each}
            lang={each}
            aria-current={each === locale ? "page" : undefined}
            className="underline-offset-4 hover:underline aria-[current=page]:font-bold aria-[current=page]:underline"
          >
            {LANGUAGE_NAMES[each]}
          </a>
        </li>
      ))}
    </ul>
  );
}

function WithQuery() {
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  return <LanguageLinks search={query ? `?${query}` : ""} />;
}

/**
 * Plain links to the same page in each language, keeping the search and filters. They are in
 * the server's HTML, so switching works without JavaScript; each language is named in itself.
 * A page rendered ahead of any request has no query to keep: the fallback links omit it.
 */
export function LanguageSwitcher() {
  return (
    <Suspense fallback={<LanguageLinks search="" />}>
      <WithQuery />
    </Suspense>
  );
}
