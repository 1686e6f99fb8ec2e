import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export default async function ProfileNotFound() {
  const t = await getTranslations("profile");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{t("notFoundTitle")}</h1>
      <p className="max-w-prose">{t("notFoundBody")}</p>
      <p>
        <Link href="/" className="underline underline-offset-2">
          {t("backHome")}
        </Link>
      </p>
    </div>
  );
}
