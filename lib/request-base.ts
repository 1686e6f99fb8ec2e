import "server-only";
import { headers } from "next/headers";
import { publicBaseUrl } from "./site-url";

/** The site's public origin for the request being rendered (see lib/site-url.ts). */
export async function requestBaseUrl(): Promise<URL> {
  const requestHeaders = await headers();
  return publicBaseUrl(process.env.HABEAS_PUBLIC_URL, {
    host: requestHeaders.get("host"),
    forwardedHost: requestHeaders.get("x-forwarded-host"),
    forwardedProto: requestHeaders.get("x-forwarded-proto"),
  });
}
