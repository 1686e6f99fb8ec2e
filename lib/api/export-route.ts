import "server-only";
import { todayUtc, type IsoDay } from "../dates";
import { exportFileName, openExportStream, type ExportFormat } from "../export/stream";
import { publicBaseUrl } from "../site-url";
import { exportQuery } from "../validation/api";
import { clientAddress } from "../auth/client-address";
import { exportSlots, givingBackAtEnd } from "./export-slots";
import { answer, cachePolicies, corsHeaders, parseQuery, problemResponse } from "./respond";

const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
};

/** GET for /api/v1/export/prisoners.<format>: the directory's filters, streamed, a dated name. */
export function exportHandler(format: ExportFormat) {
  return async function GET(request: Request): Promise<Response> {
    return answer(async () => {
      const params = parseQuery(request, exportQuery);
      const on = todayUtc();
      const baseUrl = publicBaseUrl(process.env.HABEAS_PUBLIC_URL, {
        host: request.headers.get("host"),
        forwardedHost: request.headers.get("x-forwarded-host"),
        forwardedProto: request.headers.get("x-forwarded-proto"),
      });
      const giveBack = exportSlots().take(clientAddress(Object.fromEntries(request.headers)));
      if (!giveBack) {
        return problemResponse(
          { status: 429, title: "Too many exports at once", detail: "Other exports are being prepared; try again in a few seconds." },
          { "Retry-After": "10" },
        );
      }
      let body: ReadableStream<Uint8Array>;
      try {
        // Read the first rows before answering: a database that is down gets 503, not a cut-off 200.
        body = givingBackAtEnd(await openExportStream(format, params, { baseUrl, on }), giveBack, { signal: request.signal });
      } catch (error) {
        giveBack();
        throw error;
      }
      return new Response(body, { headers: exportHeaders(format, on) });
    });
  };
}

function exportHeaders(format: ExportFormat, on: IsoDay): Record<string, string> {
  return {
    ...corsHeaders,
    "Content-Type": contentTypes[format],
    "Content-Disposition": `attachment; filename="${exportFileName(format, on)}"`,
    "Cache-Control": cachePolicies.long,
    "X-Content-Type-Options": "nosniff",
  };
}

/**
 * HEAD for the same address: the headers a GET would send, after the same validation, without
 * taking an export slot or reading the database. Left to Next.js, HEAD would run the whole GET
 * and keep a slot for a body nobody reads. It answers 200 even when a GET would be refused
 * (429, no slot free; 503, the database down): it says what a GET would send, not whether now.
 */
export function exportHeadHandler(format: ExportFormat) {
  return async function HEAD(request: Request): Promise<Response> {
    return answer(async () => {
      parseQuery(request, exportQuery);
      return new Response(null, { headers: exportHeaders(format, todayUtc()) });
    });
  };
}
