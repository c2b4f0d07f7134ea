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
    // Nested plain data is copied all the way down: changing the sender's objects later changes nothing.
    const nested = { callbackId: 2, data: { view: [0, 0, 595, 842], ref: { num: 3, gen: 0 }, missing: undefined } };
    const nestedCopy = copyMessage(nested) as typeof nested;
    nested.data.view[2] = 1;
    nested.data.ref.num = 9;
    expect(nestedCopy).toEqual({ callbackId: 2, data: { view: [0, 0, 595, 842], ref: { num: 3, gen: 0 } } });
    expect('missing' in nestedCopy.data).toBe(true);
  });

  it('structured-clones messages that hold more than plain data, or carry a transfer list', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const withBytes = { action: 'GetDocRequest', data: { data: bytes, map: new Map([['a', 1]]) } };
    const copy = copyMessage(withBytes) as typeof withBytes;
    expect(copy.data.data).toBeInstanceOf(Uint8Array);
    expect([...copy.data.data]).toEqual([1, 2, 3]);
    expect(copy.data.data).not.toBe(bytes);
    expect(copy.data.map.get('a')).toBe(1);
    const error = copyMessage({ reason: new RangeError('bad page') }) as { reason: Error };
    expect(error.reason).toBeInstanceOf(RangeError);
    expect(error.reason.message).toBe('bad page');
    // A transferred buffer moves to the copy, as with a real port.
    const buffer = new ArrayBuffer(8);
    const moved = copyMessage({ buffer }, [buffer]) as { buffer: ArrayBuffer };
    expect(moved.buffer.byteLength).toBe(8);
    expect(buffer.byteLength).toBe(0);
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
