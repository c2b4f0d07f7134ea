/** Options shared by the OCR entry points, and the engine they name. */
import { availableParallelism } from 'node:os';
import { createTesseractCliEngine, createTesseractJsEngine, type OcrEngine } from './engine.ts';

/** Progress of a document's OCR: pages done out of pages to OCR. */
export interface OcrProgress {
  done: number;
  total: number;
  page: number;
}

export interface OcrOptions {
  /** An engine to share across documents, or which engine to start: tesseract.js (default) or the native CLI. */
  engine?: OcrEngine | 'tesseract.js' | 'cli';
  /** Parallel recognizers when this call starts the engine; defaults to the number of cores. */
  workers?: number;
  /** Language data folder (else LEDGERLIFT_TESSDATA, TESSDATA_PREFIX, system folders). */
  tessdata?: string;
  /** Resolution PDF pages are rendered at for OCR. */
  dpi?: number;
  /** OCR every page, even born-digital ones (benchmarks, comparisons). */
  force?: boolean;
  /**
   * Second look at amount cells, one text line each with a digit whitelist: 'unproven' (default) re-reads the
   * cells the table's arithmetic could not prove, 'all' every amount cell, 'none' keeps the page reading.
   */
  reread?: 'unproven' | 'all' | 'none';
  onProgress?: (progress: OcrProgress) => void;
}

/** Pages rendered at 300 DPI: 9 pt digits are ~37 px high, where tesseract's LSTM reads best. */
export const DEFAULT_DPI = 300;

/**
 * Scanned pages are drawn at 200 DPI whatever they were scanned at: 9 pt digits are then ~25 px high, below which
 * strokes get lost, and more pixels add recognition time but no accuracy (bench/ocr.ts: the same amounts exact
 * from 250–300 DPI scans read at 200, with 20% less CPU per page). `--dpi` overrides it for smaller print.
 */
export const SCAN_DPI = 200;

/** The engine to use and whether this call owns (and must close) it. */
export async function engineFor(options: OcrOptions): Promise<{ engine: OcrEngine; owned: boolean }> {
  const choice = options.engine ?? 'tesseract.js';
  if (typeof choice !== 'string') return { engine: choice, owned: false };
  const settings = { workers: options.workers ?? availableParallelism(), tessdata: options.tessdata };
  const engine = choice === 'cli' ? createTesseractCliEngine(settings) : await createTesseractJsEngine(settings);
  return { engine, owned: true };
}

/** An engine started on first use and closed (if this session started it) at the end. */
export interface OcrSession {
  engine(): Promise<OcrEngine>;
  close(): Promise<void>;
}

/** A lazily started engine for one document (or a shared one passed in the options). */
export function ocrSession(options: OcrOptions): OcrSession {
  let started: Promise<{ engine: OcrEngine; owned: boolean }> | undefined;
  return {
    async engine() {
      started ??= engineFor(options);
      return (await started).engine;
    },
    async close() {
      if (!started) return;
      const { engine, owned } = await started;
      if (owned) await engine.close();
    },
  };
}

/** Run `fn` over items with at most `limit` in flight, results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}
