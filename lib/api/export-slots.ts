/**
 * How many exports one instance streams at once, in all and to one address. An export of the
 * whole directory reads every published person (100,000 at the scale benchmark's size, seconds
 * of database and CPU each): without a bound, a few clients asking again and again could keep
 * the database busy for everyone else. A refused export gets 429 and when to try again.
 *
 * Per instance, in memory: a bound on this process's own work, not a quota across instances.
 * A slot is given back when its stream ends, fails or is cancelled, when the client hangs up or
 * stops reading (givingBackAtEnd), and in any case after SLOT_MAX_MS, a last resort.
 */

const SLOT_MAX_MS = 15 * 60_000;

export class ExportSlots {
  private running = 0;
  private readonly byAddress = new Map<string, number>();

  constructor(
    readonly total: number,
    readonly perAddress: number,
  ) {}

  /** A slot for this address, as the function that gives it back (idempotent), or null when none is free. */
  take(address: string): (() => void) | null {
    const mine = this.byAddress.get(address) ?? 0;
    if (this.running >= this.total || mine >= this.perAddress) return null;
    this.running += 1;
    this.byAddress.set(address, mine + 1);
    let given = false;
    const giveBack = () => {
      if (given) return;
      given = true;
      clearTimeout(timer);
      this.running -= 1;
      const left = (this.byAddress.get(address) ?? 1) - 1;
      if (left > 0) this.byAddress.set(address, left);
      else this.byAddress.delete(address);
    };
    const timer = setTimeout(giveBack, SLOT_MAX_MS);
    timer.unref?.();
    return giveBack;
  }

  get inUse(): number {
    return this.running;
  }
}

function positiveInteger(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const globalForSlots = globalThis as unknown as { [key: symbol]: ExportSlots | undefined };
const SLOTS_KEY = Symbol.for("habeas.exportSlots");

/** This process's slots: HABEAS_EXPORTS_AT_ONCE (4) in all, HABEAS_EXPORTS_PER_ADDRESS (2) to one address. */
export function exportSlots(): ExportSlots {
  return (globalForSlots[SLOTS_KEY] ??= new ExportSlots(
    positiveInteger(process.env.HABEAS_EXPORTS_AT_ONCE, 4),
    positiveInteger(process.env.HABEAS_EXPORTS_PER_ADDRESS, 2),
  ));
}

/** How long a download may go without the client taking more before it is cut off. */
export const EXPORT_IDLE_MS = 120_000;

export class ExportStalled extends Error {
  constructor(idleMs: number) {
    super(`The client took nothing for ${idleMs} ms; the export was stopped.`);
    this.name = "ExportStalled";
  }
}

/**
 * The stream, giving its slot back when it ends, fails or is cancelled, when the request is
 * aborted (the client hung up, perhaps before the response began), or when the client takes
 * nothing for `idleMs`. A stalled download is ended as a failure, never as if it were complete,
 * so that nobody mistakes a cut-off file for the whole export.
 */
export function givingBackAtEnd(
  stream: ReadableStream<Uint8Array>,
  giveBack: () => void,
  { signal, idleMs = EXPORT_IDLE_MS }: { signal?: AbortSignal; idleMs?: number } = {},
): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  let outer: ReadableStreamDefaultController<Uint8Array> | null = null;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let ended = false;

  const end = (reason: unknown, failure: unknown = null) => {
    clearTimeout(idle);
    signal?.removeEventListener("abort", onAbort);
    if (ended) return;
    ended = true;
    giveBack();
    if (failure !== null) {
      try {
        outer?.error(failure);
      } catch {
        // Already closed or errored.
      }
    }
    reader.cancel(reason).catch(() => undefined);
  };
  const onAbort = () => end(signal?.reason, signal?.reason ?? new Error("aborted"));
  const waitForClient = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      const stalled = new ExportStalled(idleMs);
      end(stalled, stalled);
    }, idleMs);
    idle.unref?.();
  };

  if (signal?.aborted) {
    end(signal.reason);
  } else {
    signal?.addEventListener("abort", onAbort, { once: true });
    waitForClient();
  }

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        outer = controller;
        if (ended) controller.error(signal?.reason ?? new Error("aborted"));
      },
      async pull(controller) {
        clearTimeout(idle);
        try {
          const { done, value } = await reader.read();
          if (ended) return;
          if (done) {
            end(undefined);
            controller.close();
          } else {
            controller.enqueue(value);
            waitForClient();
          }
        } catch (error) {
          if (ended) return;
          end(error);
          controller.error(error);
        }
      },
      cancel(reason) {
        end(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
