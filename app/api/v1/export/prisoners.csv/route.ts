import { exportHandler, exportHeadHandler } from "@/lib/api/export-route";
import { readOnly } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

/** Published people as CSV, streamed; the columns are described at /data. */
export const GET = exportHandler("csv");
export const HEAD = exportHeadHandler("csv");

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
