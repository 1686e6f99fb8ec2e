import { openApiDocument } from "@/lib/api/openapi";
import { cachePolicies, corsHeaders, readOnly } from "@/lib/api/respond";

/** The OpenAPI 3.1 description of /api/v1, generated from the schemas the handlers use. */
export function GET(): Response {
  return new Response(JSON.stringify(openApiDocument(), null, 2), {
    headers: {
      ...corsHeaders,
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": cachePolicies.long,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
