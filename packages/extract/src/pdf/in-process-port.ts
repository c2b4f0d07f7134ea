/**
 * The message port between pdf.js's two halves when both run on this thread. pdf.js's own (LoopbackPort)
 * structured-clones every message; for operator lists, the bulk of what a page sends, that clone was about a
 * tenth of ledgerlift's CPU time. Here an operator-list chunk is passed on with its two arrays copied (pdf.js
 * empties them right after sending and never touches their items again). Other messages are small control
 * messages of plain objects, arrays and primitives: those are deep-copied by hand (structuredClone costs about
 * 20 µs a call, ten messages a page); anything else, or anything with a transfer list, is structured-cloned as
 * pdf.js would clone it.
 */

type Listener = (event: { data: unknown }) => void;

interface OperatorListChunk {
  fnArray: unknown[];
  argsArray: unknown[];
}

function isOperatorListChunk(chunk: unknown): chunk is OperatorListChunk {
  const c = chunk as Partial<OperatorListChunk> | null | undefined;
  return Array.isArray(c?.fnArray) && Array.isArray(c?.argsArray);
}

/** Stands for "not plain data" while copying. */
const NOT_PLAIN = Symbol('not plain');

/** A deep copy of plain objects, arrays and primitives; NOT_PLAIN when `value` holds anything else. */
function plainCopy(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? NOT_PLAIN : value;
  if (depth > 32) return NOT_PLAIN;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = plainCopy(value[i], depth + 1);
      if (v === NOT_PLAIN) return NOT_PLAIN;
      out[i] = v;
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = plainCopy((value as Record<string, unknown>)[key], depth + 1);
    if (v === NOT_PLAIN) return NOT_PLAIN;
    out[key] = v;
  }
  return out;
}

/** What the receiving half gets for `message`. */
export function copyMessage(message: unknown, transfer?: unknown[]): unknown {
  const chunk = (message as { chunk?: unknown } | null)?.chunk;
  if (isOperatorListChunk(chunk)) {
    return {
      ...(message as object),
      chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() },
    };
  }
  if (transfer?.length) return structuredClone(message, { transfer: transfer as never });
  const copy = plainCopy(message);
  return copy === NOT_PLAIN ? structuredClone(message) : copy;
}

/** One port shared by pdf.js's main-thread and worker message handlers (each ignores messages not meant for it). */
export class InProcessPort {
  readonly #listeners = new Set<Listener>();

  /** Deliver a message to every listener after the current task, as a real port would. */
  postMessage(message: unknown, transfer?: unknown[]): void {
    const event = { data: copyMessage(message, transfer) };
    queueMicrotask(() => {
      for (const listener of this.#listeners) listener.call(this, event);
    });
  }

  /** Listen for messages; pdf.js removes its listeners through `options.signal`. */
  addEventListener(type: string, listener: Listener, options?: { signal?: AbortSignal }): void {
    if (type !== 'message' || options?.signal?.aborted) return;
    this.#listeners.add(listener);
    options?.signal?.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  /** Stop listening. */
  removeEventListener(type: string, listener: Listener): void {
    if (type === 'message') this.#listeners.delete(listener);
  }

  /** Drop every listener. */
  terminate(): void {
    this.#listeners.clear();
  }
}
