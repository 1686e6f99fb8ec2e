import { exportHandler, exportHeadHandler } from "@/lib/api/export-route";
import { readOnly } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

/** Published people as JSON, streamed; the columns are described at /data. */
export const GET = exportHandler("json");
export const HEAD = exportHeadHandler("json");

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
