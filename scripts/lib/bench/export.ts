import v8 from "node:v8";
import vm from "node:vm";
import { exportStream, type ExportFormat } from "../../../lib/export/stream";
import type { DirectoryParams } from "../../../lib/validation/directory";

// A full collection on demand, so that the heap measured is what is still held, not garbage
// V8 has not got round to collecting.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/** Chunks between two measurements of the heap (each costs a full collection). */
const SAMPLE_EVERY = 5;

/**
 * The export of every published person, read to the end in this process as a client would
 * download it: rows and bytes per second, and memory while it ran. The heap still in use after a
 * full collection should not grow with the number of rows (one batch at a time): compare a
 * filtered export with the whole one. RSS is shown too, garbage included.
 */

export type ExportMeasurement = {
  format: ExportFormat;
  rows: number;
  bytes: number;
  seconds: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  /** The heap in use after a full collection, before the export and at its largest during it. */
  heapBeforeMb: number;
  heapPeakMb: number;
};

const mb = (bytes: number) => bytes / 1024 / 1024;

export async function measureExport(format: ExportFormat, params: Partial<DirectoryParams> = {}): Promise<ExportMeasurement> {
  collectGarbage();
  const before = process.memoryUsage();
  let rssPeak = before.rss;
  let heapPeak = before.heapUsed;
  let chunks = 0;
  let rows = 0;
  let bytes = 0;
  const started = performance.now();
  const stream = exportStream(format, params, { baseUrl: new URL("http://localhost"), onBatch: (count) => (rows += count) });
  const reader = stream.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    chunks += 1;
    if (chunks % SAMPLE_EVERY === 0) {
      collectGarbage();
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
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
