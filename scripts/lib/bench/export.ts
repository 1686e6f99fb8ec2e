import { exportStream, type ExportFormat } from "../../../lib/export/stream";

/**
 * The export of every published person, read to the end in this process as a client would
 * download it: rows and bytes per second, and the process's peak resident memory while it
 * ran. Memory should stay near its starting level whatever the number of rows (one batch at a
 * time); the numbers show whether it does at the scale data set's size.
 */

export type ExportMeasurement = {
  format: ExportFormat;
  rows: number;
  bytes: number;
  seconds: number;
  rssBeforeMb: number;
  rssPeakMb: number;
};

const mb = (bytes: number) => bytes / 1024 / 1024;

export async function measureExport(format: ExportFormat): Promise<ExportMeasurement> {
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  let rows = 0;
  let bytes = 0;
  const started = performance.now();
  const stream = exportStream(format, {}, { baseUrl: new URL("http://localhost"), onBatch: (count) => (rows += count) });
  const reader = stream.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - started) / 1000;
  return { format, rows, bytes, seconds, rssBeforeMb: mb(rssBefore), rssPeakMb: mb(rssPeak) };
}
