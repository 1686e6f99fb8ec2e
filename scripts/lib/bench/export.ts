import type { DirectoryParams } from "../../../lib/validation/directory";
import { exportStream, type ExportFormat } from "../../../lib/export/stream";

/**
 * The export of every published person, read to the end in this process as a client would
 * download it: rows and bytes per second, and the process's peak memory while it ran. The peak
 * of the JavaScript heap should not grow with the number of rows (one batch at a time): compare
 * a filtered export with the whole one.
 */

export type ExportMeasurement = {
  format: ExportFormat;
  rows: number;
  bytes: number;
  seconds: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  heapBeforeMb: number;
  heapPeakMb: number;
};

const mb = (bytes: number) => bytes / 1024 / 1024;

export async function measureExport(format: ExportFormat, params: Partial<DirectoryParams> = {}): Promise<ExportMeasurement> {
  const before = process.memoryUsage();
  let rssPeak = before.rss;
  let heapPeak = before.heapUsed;
  let rows = 0;
  let bytes = 0;
  const started = performance.now();
  const stream = exportStream(format, params, { baseUrl: new URL("http://localhost"), onBatch: (count) => (rows += count) });
  const reader = stream.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    const now = process.memoryUsage();
    rssPeak = Math.max(rssPeak, now.rss);
    heapPeak = Math.max(heapPeak, now.heapUsed);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    format,
    rows,
    bytes,
    seconds,
    rssBeforeMb: mb(before.rss),
    rssPeakMb: mb(rssPeak),
    heapBeforeMb: mb(before.heapUsed),
    heapPeakMb: mb(heapPeak),
  };
}
