import type { NextRequest } from "next/server";
import { cachedPublicPage } from "@/lib/cache/proxy";

/**
 * Public pages are served from the page cache when they can be (lib/cache/proxy.ts,
 * docs/decisions/0012-public-page-cache.md); everything else goes on untouched. Locale routing
 * calls cachedPublicPage the same way, once it knows the request is not one it redirects.
 */
export async function proxy(request: NextRequest) {
  return (await cachedPublicPage(request)) ?? undefined;
}

export const config = {
  // Pages only: not Next's assets, not the API, not the admin pages, not files with an extension.
  matcher: ["/((?!_next/|api/|admin|.*\\.[a-z0-9]+$).*)"],
};
