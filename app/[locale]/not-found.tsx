import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="max-w-prose">{t("body")}</p>
      <p>
        <Link href="/" className="underline underline-offset-2">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
