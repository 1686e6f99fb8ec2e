import type { MetadataRoute } from "next";
import { requestBaseUrl } from "@/lib/request-base";

/**
 * /robots.txt: the public record may be indexed, the advocates' workspace may not; and where the
 * sitemap is, as the absolute address crawlers require (HABEAS_PUBLIC_URL, else the request's
 * own host, as the sitemap itself builds its links).
 */
export const dynamic = "force-dynamic";

export default async function robots(): Promise<MetadataRoute.Robots> {
  const base = await requestBaseUrl();
  return {
    rules: { userAgent: "*", disallow: ["/admin", "/sign-in", "/set-password/", "/api/admin/"] },
    sitemap: new URL("/sitemap.xml", base).href,
  };
}
