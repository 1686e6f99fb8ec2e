/**
 * The public address of the site, for absolute links in link previews (og:url, og:image).
 *
 * HABEAS_PUBLIC_URL, when set, is the answer: behind a proxy the request's own Host header is
 * not to be trusted. Without it (a local or single-machine install) the address the request came
 * to is used, provided the host looks like a host name.
 */
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

export function publicBaseUrl(
  configured: string | undefined,
  request: { host: string | null; forwardedHost: string | null; forwardedProto: string | null },
): URL {
  if (configured) {
    try {
      const url = new URL(configured);
      if (url.protocol === "https:" || url.protocol === "http:") return new URL(url.origin);
    } catch {
      // An unparseable setting falls through to the request's own address.
    }
  }
  const host = [request.forwardedHost?.split(",")[0]?.trim(), request.host].find(
    (candidate): candidate is string => !!candidate && HOST.test(candidate),
  );
  const proto = request.forwardedProto?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return new URL(`${proto}://${host ?? "localhost"}`);
}
