import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { directoryQuery, type DirectoryParams } from "@/lib/validation/directory";

/**
 * Downloads of what the directory shows: the same search and filters (every result, not only
 * this page), as CSV or JSON. Plain links, so they work without JavaScript and can be copied
 * into a script. The data dictionary and the API description are in English, in any language.
 */
export function ExportLinks({ params }: { params: DirectoryParams }) {
  const query = new URLSearchParams(directoryQuery({ ...params, page: 1 })).toString();
  const href = (format: "csv" | "json") => `/api/v1/export/prisoners.${format}${query ? `?${query}` : ""}`;
  const linkClass = "underline underline-offset-4";
  const t = useTranslations("exports");
  return (
    <section aria-labelledby="export-heading" className="rounded-lg border border-stone-300 p-4">
      <h2 id="export-heading" className="font-semibold">
        {query ? t("headingFiltered") : t("headingAll")}
      </h2>
      <p className="mt-1 text-muted">{t("intro")}</p>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <a href={href("csv")} download className={linkClass}>
            {t("csv")}
          </a>
        </li>
        <li>
          <a href={href("json")} download className={linkClass}>
            {t("json")}
          </a>
        </li>
        <li>
          <Link href="/data" className={linkClass}>
            {t("columns")}
          </Link>
        </li>
        <li>
          <Link href="/developers" className={linkClass}>
            {t("api")}
          </Link>
        </li>
      </ul>
    </section>
  );
}
