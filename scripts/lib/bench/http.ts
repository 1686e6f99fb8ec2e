import http from "node:http";
import autocannon from "autocannon";
import { summarize, type Summary } from "./stats";

/**
 * One endpoint under load with autocannon: a warm-up run whose figures are dropped, then a
 * measured run of fixed duration and concurrency. Latency percentiles come from every
 * response's own time (autocannon's histogram has no p95).
 */

export type LoadSettings = { connections: number; duration: number; warmup: number };

export type EndpointResult =
  | { available: false; status: number; note: string }
  | {
      available: true;
      /** One request on an idle server, before the load. */
      aloneMs: number;
      requestsPerSecond: number;
      latency: Summary;
      bytesPerResponse: number;
      non2xx: number;
      errors: number;
      timeouts: number;
    };

/** Gives each request its own path (a new search term, another person): every request a cache miss. */
export type PathPerRequest = () => string;

async function load(
  url: string,
  connections: number,
  duration: number,
  onResponse?: (time: number) => void,
  nextPath?: PathPerRequest,
  headers?: Record<string, string>,
) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const requests = nextPath ? [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: nextPath() }) }] : undefined;
    const instance = autocannon({ url, connections, duration, timeout: 30, requests, headers }, (error, result) => {
      if (error) reject(error);
      else resolve(result);
    });
    if (onResponse) instance.on("response", (_client, _status, _bytes, responseTime) => onResponse(responseTime));
  });
}

/** The body's size as sent, without decoding it (fetch decodes a compressed body). */
async function sentBodyBytes(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.byteLength));
        response.on("end", () => resolve(bytes));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/**
 * between() runs after the warm-up, so that the measured run starts on an idle server. Without
 * headers, requests carry no Accept-Encoding (autocannon's default), so every response is sent
 * uncompressed; with headers, the bytes reported are the body as sent (compressed, if the
 * headers ask for it), from a second request after the probe.
 */
export async function measureEndpoint(
  url: string,
  settings: LoadSettings,
  between: () => Promise<unknown>,
  nextPath?: PathPerRequest,
  headers?: Record<string, string>,
): Promise<EndpointResult> {
  const started = performance.now();
  const probe = await fetch(url, { redirect: "manual", headers });
  const body = await probe.arrayBuffer();
  const aloneMs = performance.now() - started;
  if (!probe.ok) {
    return {
      available: false,
      status: probe.status,
      note: probe.status === 404 ? "not available (404)" : `answered ${probe.status}`,
    };
  }
  const bytesPerResponse = headers ? await sentBodyBytes(url, headers) : body.byteLength;
  if (settings.warmup > 0) {
    await load(url, settings.connections, settings.warmup, undefined, nextPath, headers);
    await between();
  }
  const times: number[] = [];
  const result = await load(url, settings.connections, settings.duration, (time) => times.push(time), nextPath, headers);
  return {
    available: true,
    aloneMs,
    requestsPerSecond: result.requests.total / result.duration,
    latency: summarize(times),
    bytesPerResponse,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Waits until the server answers a light page quickly again: requests cut off at the end of a
 * run may still be rendering, and would slow the next endpoint's measurement.
 */
export async function settle(url: string, thresholdMs: number, timeoutMs = 180_000): Promise<number> {
  const started = performance.now();
  let quick = 0;
  while (quick < 3) {
    if (performance.now() - started > timeoutMs) {
      console.warn(`[bench] the server still answers ${url} slowly after ${timeoutMs / 1000} s; going on`);
      break;
    }
    const before = performance.now();
    await (await fetch(url)).arrayBuffer();
    quick = performance.now() - before < thresholdMs ? quick + 1 : 0;
    if (quick === 0) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return performance.now() - started;
}
