/**
 * Parallel page reading gives the same document as the sequential loop: worker threads read pages beside the
 * main thread, and the PageContent they send back must be exactly what the main thread would have read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../src/model.ts';
import { tablesFromContents } from '../src/pdf/build-tables.ts';
import { openPdf } from '../src/pdf/document.ts';
import { extractPdf } from '../src/pdf/index.ts';
import { packPage, unpackPage } from '../src/pdf/parallel-pack.ts';
import { MIN_PARALLEL_PAGES, readAllPages, readAndBuild, threadsFor } from '../src/pdf/parallel-pages.ts';
import type { PageContent } from '../src/pdf/types.ts';
import { renderPdf } from './fixtures/pdf/generate.ts';
import { budgetPages } from './fixtures/pdf/specs.ts';

const source = (bytes: Uint8Array) => ({
  path: 'fixtures/budget-x4.pdf',
  name: 'budget-x4.pdf',
  sha256: '0'.repeat(64),
  bytes: bytes.byteLength,
  mediaType: 'application/pdf' as const,
  pages: 0,
});

// Four copies of the five fixture pages: long enough that the default reads it on several threads.
let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await renderPdf([...budgetPages, ...budgetPages, ...budgetPages, ...budgetPages]);
});

describe('threadsFor', () => {
  it('keeps short documents on the main thread and never uses more threads than pages', () => {
    expect(threadsFor(1)).toBe(1);
    expect(threadsFor(MIN_PARALLEL_PAGES - 1)).toBe(1);
    expect(threadsFor(3, 8)).toBe(3);
    expect(threadsFor(20, 2)).toBe(2);
    expect(threadsFor(20, 0)).toBe(1);
  });
});

describe('parallel page reading', () => {
  it('reads every page exactly as the sequential loop does', async () => {
    const pdf = await openPdf('fixtures/budget-x4.pdf', bytes);
    try {
      const sequential: PageContent[] = [];
      for (let p = 1; p <= pdf.pages; p++) sequential.push(await pdf.readPage(p));
      const mixed = await readAllPages(pdf, 'fixtures/budget-x4.pdf', bytes, 3, { workerStartMs: 0 });
      const alone = await readAllPages(pdf, 'fixtures/budget-x4.pdf', bytes, 3, { workerStartMs: 1e9 });
      // Two workers and no main-thread reading: every page below crossed from a worker thread.
      const stats = { workerPages: 0, workers: 0 };
      const parallel = await readAllPages(pdf, 'fixtures/budget-x4.pdf', bytes, 2, { mainThreadReads: false, stats });
      expect(stats).toEqual({ workerPages: 20, workers: 2 });
      expect(pdf.pages).toBe(20);
      expect(mixed).toEqual(sequential);
      expect(alone).toEqual(sequential);
      expect(parallel.map((c) => c.page)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(parallel).toEqual(sequential);
    } finally {
      await pdf.close();
    }
  });

  it('when the workers fail, the main thread reads the pages and builds again, with the same result', async () => {
    const pdf = await openPdf('fixtures/budget-x4.pdf', bytes);
    try {
      // The workers get bytes they cannot open, so every page they were to read comes from the main thread.
      const notPdf = new TextEncoder().encode('%PDF-1.4\nnot really a PDF');
      const stats = { workerPages: 0, workers: 0 };
      const pagesSeen: number[] = [];
      const { contents, built } = await readAndBuild(
        pdf,
        'fixtures/budget-x4.pdf',
        notPdf,
        2,
        (cs) => {
          pagesSeen.length = 0;
          for (const c of cs) pagesSeen.push(c.page);
          return cs.length;
        },
        { mainThreadReads: false, stats },
      );
      expect(stats.workerPages).toBe(0);
      expect(built).toBe(20);
      expect(pagesSeen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const sequential: PageContent[] = [];
      for (let p = 1; p <= pdf.pages; p++) sequential.push(await pdf.readPage(p));
      expect(contents).toEqual(sequential);
    } finally {
      await pdf.close();
    }
  });

  it('an error thrown by the build reaches the caller', async () => {
    const pdf = await openPdf('fixtures/budget-x4.pdf', bytes);
    try {
      const failing = readAndBuild(pdf, 'fixtures/budget-x4.pdf', bytes, 2, () => {
        throw new Error('build failed');
      });
      await expect(failing).rejects.toThrow('build failed');
    } finally {
      await pdf.close();
    }
  });

  it('tables built while workers read equal tables built after a sequential read', async () => {
    const pdf = await openPdf('fixtures/budget-x4.pdf', bytes);
    try {
      const sequential: PageContent[] = [];
      for (let p = 1; p <= pdf.pages; p++) sequential.push(await pdf.readPage(p));
      const stats = { workerPages: 0, workers: 0 };
      const { built } = await readAndBuild(pdf, 'fixtures/budget-x4.pdf', bytes, 2, tablesFromContents, {
        workerStartMs: 0,
        stats,
      });
      expect(stats.workers).toBe(2);
      expect(JSON.stringify(built)).toBe(JSON.stringify(tablesFromContents(sequential)));
    } finally {
      await pdf.close();
    }
  });

  it('extractPdf gives the same ExtractedDocument on one thread and on several', async () => {
    const one: ExtractedDocument = await extractPdf(source(bytes), bytes, { threads: 1 });
    const two = await extractPdf(source(bytes), bytes, { threads: 2 });
    const auto = await extractPdf(source(bytes), bytes);
    expect(one.source.pages).toBe(20);
    // Four tables per copy of the fixture pages.
    expect(one.tables).toHaveLength(16);
    expect(two).toEqual(one);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(auto)).toBe(JSON.stringify(one));
  });

  it('a corrupt document fails with the same error whatever the thread count', async () => {
    const broken = new Uint8Array([...new TextEncoder().encode('%PDF-1.4\n'), ...new Uint8Array(64)]);
    const sequential = await extractPdf(source(broken), broken, { threads: 1 }).catch((e: Error) => e);
    const parallel = await extractPdf(source(broken), broken, { threads: 2 }).catch((e: Error) => e);
    expect(sequential).toBeInstanceOf(Error);
    expect(String(parallel)).toBe(String(sequential));
  });
});

describe('packed pages', () => {
  it('unpack gives back exactly what was packed, keys in the same order', async () => {
    const pdf = await openPdf('fixtures/budget-x4.pdf', bytes);
    try {
      for (const p of [1, 2, 5]) {
        const content = await pdf.readPage(p);
        const back = unpackPage(structuredClone(packPage(content)));
        expect(back).toEqual(content);
        expect(JSON.stringify(back)).toBe(JSON.stringify(content));
      }
    } finally {
      await pdf.close();
    }
  });

  it('keeps characters of two code units, fonts, flags and -0 apart', () => {
    const glyph = (ch: string, font: string, x0: number, spaceBefore: boolean, upright: boolean) => ({
      x0,
      top: 1.25,
      x1: x0 + 10,
      bottom: 11.5,
      ch,
      size: 10,
      font,
      spaceBefore,
      baseline: 9.75,
      upright,
    });
    const content: PageContent = {
      page: 3,
      width: 595.3,
      height: 841.9,
      rotation: 90,
      glyphs: [glyph('𠀀', 'g_d0_f1', -0, true, false), glyph('a', 'g_d0_f2', 0.1 + 0.2, false, true)],
      segments: [{ x0: 1, top: 2, x1: 3, bottom: 2, orientation: 'h' }],
    };
    const back = unpackPage(structuredClone(packPage(content)));
    expect(back).toEqual(content);
    expect(Object.is(back.glyphs[0]!.x0, -0)).toBe(true);
    expect(back.glyphs.map((g) => g.ch)).toEqual(['𠀀', 'a']);
  });
});
