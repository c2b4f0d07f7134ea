import { describe, expect, it } from 'vitest';
import { copyMessage, InProcessPort } from '../src/pdf/in-process-port.ts';

describe('in-process port between pdf.js halves', () => {
  it('passes an operator-list chunk with its own two arrays, so emptying the sender arrays loses nothing', () => {
    const args = [1, 2];
    const message = { stream: 3, streamId: 7, chunk: { fnArray: [44], argsArray: [args], length: 1, lastChunk: true } };
    const copy = copyMessage(message) as typeof message;
    // pdf.js's OperatorList.flush does exactly this right after sending.
    message.chunk.fnArray.length = 0;
    message.chunk.argsArray.length = 0;
    expect(copy).toEqual({
      stream: 3,
      streamId: 7,
      chunk: { fnArray: [44], argsArray: [[1, 2]], length: 1, lastChunk: true },
    });
    // The operator arguments themselves are handed over, not cloned.
    expect(copy.chunk.argsArray[0]).toBe(args);
  });

  it('clones every other message as a real port would', () => {
    const message = { action: 'commonobj', data: ['g_d0_f1', 'Font', { ascent: 0.9 }] };
    const copy = copyMessage(message) as typeof message;
    expect(copy).toEqual(message);
    expect(copy.data).not.toBe(message.data);
    expect(copyMessage({ chunk: { items: [{ str: 'a' }] } })).toEqual({ chunk: { items: [{ str: 'a' }] } });
  });

  it('delivers after the current task to every listener until its signal aborts', async () => {
    const port = new InProcessPort();
    const seen: unknown[] = [];
    const stop = new AbortController();
    port.addEventListener('message', (event) => seen.push(event.data), { signal: stop.signal });
    port.postMessage({ n: 1 });
    expect(seen).toEqual([]);
    await Promise.resolve();
    expect(seen).toEqual([{ n: 1 }]);
    stop.abort();
    port.postMessage({ n: 2 });
    await Promise.resolve();
    expect(seen).toEqual([{ n: 1 }]);
  });
});
