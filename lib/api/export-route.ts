import "server-only";
import { todayUtc } from "../dates";
import { exportFileName, openExportStream, type ExportFormat } from "../export/stream";
import { publicBaseUrl } from "../site-url";
import { exportQuery } from "../validation/api";
import { answer, cachePolicies, corsHeaders, parseQuery } from "./respond";

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
      // Read the first rows before answering: a database that is down gets 503, not a cut-off 200.
      const body = await openExportStream(format, params, { baseUrl, on });
      return new Response(body, {
        headers: {
          ...corsHeaders,
          "Content-Type": contentTypes[format],
          "Content-Disposition": `attachment; filename="${exportFileName(format, on)}"`,
          "Cache-Control": cachePolicies.long,
          "X-Content-Type-Options": "nosniff",
        },
      });
    });
  };
}
