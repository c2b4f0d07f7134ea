/**
 * pdf.js itself: loading the legacy build, document parameters (CMaps, standard fonts and wasm from the
 * installed package, never a URL), and reading one page's glyphs and ruling segments. Errors are pdf.js's
 * own; document.ts turns them into DocumentError. Kept free of the model (and zod) so a read worker thread
 * starts quickly.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Matrix } from './geometry.ts';
import { type FontMetrics, type RawGlyph, runsToGlyphs, type TextRun } from './glyphs.ts';
import { type OpCodes, operatorsToSegments } from './graphics.ts';
import { InProcessPort } from './in-process-port.ts';
import { uprightPage } from './orientation.ts';
import { type OpFont, type TextOpCodes, textOpsToGlyphs } from './text-ops.ts';
import type { PageContent } from './types.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfJsWorker = typeof import('pdfjs-dist/legacy/build/pdf.worker.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

// The legacy build's core-js polyfills replace these natives process-wide with slower JavaScript versions
// (push fails core-js's non-writable-length probe on Node 20); pdf.js works the same on the natives, and every
// hot loop of ours and of the table builders pushes, so they are put back once pdf.js is loaded.
const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

/** Put back the natives pdf.js's polyfills replaced. */
export function restoreNatives(): void {
  if (Array.prototype.push !== natives.push) Array.prototype.push = natives.push;
  if (JSON.parse !== natives.parse) JSON.parse = natives.parse;
  if (JSON.stringify !== natives.stringify) JSON.stringify = natives.stringify;
}

/** Import pdf.js and its worker bundle with source maps off (see loadPdfJs). */
async function importPdfJs(): Promise<{ pdfjs: PdfJs; worker: PdfJsWorker }> {
  const maps = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  try {
    const [pdfjs, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    // pdf.js runs its "worker" on this thread and would import the bundle itself; this is the copy it takes.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return { pdfjs, worker };
  } finally {
    process.setSourceMapsEnabled(maps);
  }
}

let pdfjsPromise: Promise<{ pdfjs: PdfJs; worker: PdfJsWorker }> | undefined;
/**
 * The pdf.js legacy build, loaded once, with the natives its polyfills replaced put back. Source maps are off
 * while it loads: under a TypeScript loader they are on, and Node would read and parse pdf.js's 8 MB of maps.
 */
export function loadPdfJs(): Promise<PdfJs> {
  return loadBoth().then(({ pdfjs }) => pdfjs);
}

function loadBoth(): Promise<{ pdfjs: PdfJs; worker: PdfJsWorker }> {
  pdfjsPromise ??= importPdfJs().then((both) => {
    restoreNatives();
    return both;
  });
  return pdfjsPromise;
}

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** pdf.js document parameters: CMaps, standard fonts and wasm from the installed package, never a URL. */
export function documentParams(bytes: Uint8Array) {
  return {
    // pdf.js transfers the buffer it is given; copy so the caller's bytes stay usable.
    data: new Uint8Array(bytes),
    cMapUrl: `${path.join(pdfjsDir, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(pdfjsDir, 'standard_fonts')}/`,
    wasmUrl: `${path.join(pdfjsDir, 'wasm')}/`,
    verbosity: 0,
    isEvalSupported: false,
    stopAtErrors: false,
  };
}

type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** Characters of a page from pdf.js's text content (for fonts textOpsToGlyphs does not model). */
async function textContentGlyphs(page: PdfPage, transform: Matrix): Promise<RawGlyph[]> {
  const content = await page.getTextContent();
  const metrics: FontMetrics = {};
  for (const [name, style] of Object.entries(content.styles)) {
    metrics[name] = { ascent: style.ascent, descent: style.descent };
  }
  const runs = content.items.filter((i): i is TextRun & (typeof content.items)[number] => 'str' in i);
  return runsToGlyphs(runs, transform, metrics);
}

/** A document opened with pdf.js for reading text and rulings; its methods throw pdf.js's errors. */
export interface PdfPages {
  pages: number;
  readPage(pageNo: number): Promise<PageContent>;
  close(): Promise<void>;
}

/** Open PDF bytes with pdf.js (no checks of our own; pdf.js's error when it refuses them). */
export async function openPdfPages(bytes: Uint8Array): Promise<PdfPages> {
  const { pdfjs, worker: workerBundle } = await loadBoth();
  // pdf.js's two halves talk through a port that does not clone operator lists (in-process-port.ts).
  const port = new InProcessPort();
  workerBundle.WorkerMessageHandler.initializeFromPort(port);
  const worker = new pdfjs.PDFWorker({ port: port as never });
  const task = pdfjs.getDocument({
    ...documentParams(bytes),
    worker,
    // Nothing is rendered here: skip turning embedded fonts into font faces (saves time per page).
    disableFontFace: true,
    // Nor are images read (text and rulings only): pdf.js would otherwise decode every image in JavaScript while
    // building the operator list, a second or more per scanned page. Larger images are dropped unread.
    maxImageSize: 1,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
    // The fake worker's own bundle (loaded by the first getDocument) brings the same polyfills.
    restoreNatives();
  } catch (error) {
    await task.destroy().catch(() => undefined);
    worker.destroy();
    port.terminate();
    throw error;
  }
  const ops = pdfjs.OPS as unknown as OpCodes & TextOpCodes;
  const normalize = pdfjs.normalizeUnicode;
  return {
    pages: doc.numPages,
    async readPage(pageNo) {
      const page = await doc.getPage(pageNo);
      const viewport = page.getViewport({ scale: 1 });
      const transform = viewport.transform as unknown as Matrix;
      const opList = await page.getOperatorList();
      const fontOf = (name: string) => (page.commonObjs.has(name) ? (page.commonObjs.get(name) as OpFont) : undefined);
      // The text comes from the operator list too, saving a second parse of the page; getTextContent only for
      // fonts that path does not model.
      const fromOps = textOpsToGlyphs(opList.fnArray, opList.argsArray, ops, transform, viewport, fontOf, normalize);
      const raw = fromOps ?? (await textContentGlyphs(page, transform));
      const segments = operatorsToSegments(opList.fnArray, opList.argsArray, ops, transform);
      const result = uprightPage(pageNo, viewport.width, viewport.height, page.rotate, raw, segments);
      page.cleanup();
      return result;
    },
    async close() {
      await task.destroy();
      worker.destroy();
      port.terminate();
    },
  };
}
