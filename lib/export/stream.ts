import "server-only";
import { exportBatches, type ExportRow } from "../data/export";
import { todayUtc, type IsoDay } from "../dates";
import type { DirectoryParams } from "../validation/directory";
import { exportColumns, type ExportContext } from "./columns";
import { UTF8_BOM, csvLine } from "./csv";

/**
 * The exports as byte streams. The stream pulls one batch from the database when the reader is
 * ready for more, so memory holds one batch whatever the size of the export, and a client that
 * stops reading stops the queries.
 */

export type ExportFormat = "csv" | "json";

export type ExportOptions = {
  baseUrl: URL;
  on?: IsoDay;
  batchSize?: number;
  /** Told of every batch read from the database, as it is read. */
  onBatch?: (rows: number) => void;
};

type Reading = { on: IsoDay; batchSize?: number; onBatch?: (rows: number) => void };

async function* batchesOf(params: Partial<DirectoryParams>, reading: Reading) {
  for await (const batch of exportBatches(params, { on: reading.on, batchSize: reading.batchSize })) {
    reading.onBatch?.(batch.length);
    yield batch;
  }
}

/** habeas-prisoners-2026-11-27.csv: the day the statuses are as of. */
export function exportFileName(format: ExportFormat, on: IsoDay): string {
  return `habeas-prisoners-${on}.${format}`;
}

/** `readAhead`: chunks already taken from `chunks`, sent first. */
function fromChunks(chunks: AsyncGenerator<string>, readAhead: string[] = []): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pending = [...readAhead];
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const first = pending.shift();
        if (first !== undefined) return controller.enqueue(encoder.encode(first));
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

function valuesOf(row: ExportRow, context: ExportContext) {
  return exportColumns.map((column) => column.value(row, context));
}

async function* csvChunks(params: Partial<DirectoryParams>, context: ExportContext, reading: Reading) {
  yield UTF8_BOM + csvLine(exportColumns.map((column) => column.name));
  for await (const batch of batchesOf(params, reading)) {
    yield batch.map((row) => csvLine(valuesOf(row, context))).join("");
  }
}

async function* jsonChunks(params: Partial<DirectoryParams>, context: ExportContext, reading: Reading) {
  const head = { generatedOn: context.on, columns: exportColumns.map((column) => column.name) };
  yield `${JSON.stringify(head).slice(0, -1)},"data":[`;
  let first = true;
  for await (const batch of batchesOf(params, reading)) {
    const objects = batch.map((row) =>
      JSON.stringify(Object.fromEntries(exportColumns.map((column) => [column.name, column.value(row, context)]))),
    );
    yield `${first ? "\n" : ",\n"}${objects.join(",\n")}`;
    first = false;
  }
  yield "\n]}\n";
}

/**
 * The same stream with its first rows already read: a database that cannot be reached fails
 * here, before the response's status is sent, so the caller can answer 503 instead of cutting a
 * 200 off after its header line.
 */
export async function openExportStream(
  format: ExportFormat,
  params: Partial<DirectoryParams>,
  options: ExportOptions,
): Promise<ReadableStream<Uint8Array>> {
  const context: ExportContext = { baseUrl: options.baseUrl, on: options.on ?? todayUtc() };
  const reading: Reading = { on: context.on, batchSize: options.batchSize, onBatch: options.onBatch };
  const chunks = format === "csv" ? csvChunks(params, context, reading) : jsonChunks(params, context, reading);
  // The header, then the first batch (or the end): the first query has run.
  const read: string[] = [];
  for (let index = 0; index < 2; index += 1) {
    const next = await chunks.next();
    if (next.done) break;
    read.push(next.value);
  }
  return fromChunks(chunks, read);
}

export function exportStream(
  format: ExportFormat,
  params: Partial<DirectoryParams>,
  options: ExportOptions,
): ReadableStream<Uint8Array> {
  const context: ExportContext = { baseUrl: options.baseUrl, on: options.on ?? todayUtc() };
  const reading: Reading = { on: context.on, batchSize: options.batchSize, onBatch: options.onBatch };
  return fromChunks(format === "csv" ? csvChunks(params, context, reading) : jsonChunks(params, context, reading));
}
