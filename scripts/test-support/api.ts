/**
 * Calling /api/v1 route handlers as Next.js calls them: a Request, and for dynamic segments a
 * promise of the params. Route modules are imported by the test; this only builds requests.
 */

export const API_ORIGIN = "http://localhost";

type Handler<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response> | Response;

export function call<Params extends Record<string, string>>(
  handler: Handler<Params>,
  path: string,
  options: { params?: Params; method?: string; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Response> {
  const request = new Request(`${API_ORIGIN}/api/v1${path}`, {
    method: options.method ?? "GET",
    headers: options.headers,
    signal: options.signal,
  });
  return Promise.resolve(handler(request, { params: Promise.resolve(options.params ?? ({} as Params)) }));
}

/** `path` with `query` appended, leaving out undefined values. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
