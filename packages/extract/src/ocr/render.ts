/**
 * The pdf.js edge for OCR: open a PDF the way pdf/document.ts does (local CMaps, fonts and wasm, never a URL),
 * render pages to grey pixels through the @napi-rs/canvas that pdf.js picks up itself, and report how much of a
 * page its images cover. Failures become DocumentError with one-line reasons.
 */
import { DocumentError } from '../model.ts';
import { documentParams, loadPdfJs } from '../pdf/document.ts';
import { type GraphicsState, type StateOpCodes, stepGraphicsState } from '../pdf/graphics.ts';
import { type GreyImage, greyFromRgba } from './raster.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** How a page draws: for deciding whether its text layer tells the whole story. */
export interface PageDrawing {
  /** Share of the page area covered by its largest image (0–1). */
  largestImage: number;
  /** Number of image paints. */
  images: number;
  /** Number of path constructions (vector outlines, rulings). */
  paths: number;
  /** Pixels per inch of the largest image as drawn (a scan's resolution), when the page has images. */
  imageDpi?: number;
}

/** An open PDF that can be drawn: page count, rasteriser, drawing summary and closer. */
export interface PdfRaster {
  pages: number;
  /** The page as displayed (its /Rotate applied), as grey pixels at `dpi`. */
  render(pageNo: number, dpi: number): Promise<GreyImage>;
  drawing(pageNo: number): Promise<PageDrawing>;
  /** Free what drawing() or render() decoded for a page (render keeps it for another render of that page). */
  release(pageNo: number): Promise<void>;
  close(): Promise<void>;
}

interface Canvas2d {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
interface CanvasFactory {
  create(w: number, h: number): { canvas: unknown; context: Canvas2d };
  destroy(entry: { canvas: unknown; context: Canvas2d }): void;
}

/** Summarise a page's operator list: image coverage by the current transform of each paint, path count. */
export function summariseDrawing(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  ops: StateOpCodes & Record<string, number>,
  pageArea: number,
): PageDrawing {
  const imageOps = new Set(
    [
      'paintImageXObject',
      'paintInlineImageXObject',
      'paintImageMaskXObject',
      'paintImageXObjectRepeat',
      'paintInlineImageXObjectGroup',
      'paintImageMaskXObjectGroup',
    ].map((name) => ops[name]),
  );
  // The same transform stack as the ruling reader: pdf.js passes a form XObject's matrix as a typed array.
  const stack: GraphicsState[] = [];
  let state: GraphicsState = { ctm: [1, 0, 0, 1, 0, 0] };
  const summary: PageDrawing = { largestImage: 0, images: 0, paths: 0 };
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[] | null;
    const next = stepGraphicsState(fn, args, ops, state, stack);
    if (next) state = next;
    else if (fn === ops.constructPath) summary.paths += 1;
    else if (imageOps.has(fn)) {
      const { ctm } = state;
      summary.images += 1;
      // Images are painted into the unit square, so the transform's determinant is their area.
      const area = Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
      const share = Math.min(1, area / pageArea);
      const pixels = typeof args?.[1] === 'number' ? args[1] : undefined;
      if (share >= summary.largestImage) {
        summary.largestImage = share;
        const inches = Math.hypot(ctm[0], ctm[1]) / 72;
        if (pixels && inches > 0) summary.imageDpi = Math.round(pixels / inches);
      }
    }
  });
  return summary;
}

/** A one-line DocumentError for what went wrong on page `pageNo` of `file`. */
function pageError(file: string, pageNo: number, error: unknown): DocumentError {
  return new DocumentError(file, `page ${pageNo}: ${String((error as Error)?.message ?? error).split('\n')[0]}`, {
    cause: error,
  });
}

/** A document opened with pdf.js; DocumentError(file, "cannot read PDF (…)") when pdf.js refuses the bytes. */
async function openDocument(file: string, params: Parameters<PdfJs['getDocument']>[0]) {
  const pdfjs: PdfJs = await loadPdfJs();
  const task = pdfjs.getDocument(params);
  try {
    return { pdfjs, task, doc: await task.promise };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const message = String((error as Error)?.message ?? error).split('\n')[0];
    throw new DocumentError(file, `cannot read PDF (${message})`, { cause: error });
  }
}

/** The drawing summary of one page and the page's area (pt²). */
async function summarisePage(pdfjs: PdfJs, doc: PdfDocument, pageNo: number) {
  const page = await doc.getPage(pageNo);
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const list = await page.getOperatorList();
  const ops = pdfjs.OPS as unknown as StateOpCodes & Record<string, number>;
  const area = Math.abs((x1 - x0) * (y1 - y0)) || 1;
  return { page, drawing: summariseDrawing(list.fnArray, list.argsArray, ops, area), area };
}

/** Page drawings without their images, and each page's area (pt²). */
export interface PathSummaries {
  drawing(pageNo: number): Promise<{ drawing: PageDrawing; area: number }>;
  close(): Promise<void>;
}

/**
 * Drawing summaries that leave images undecoded, and so uncounted (pdf.js drops images above `maxImageSize`
 * before decoding them): for when the images' sizes come from elsewhere (pdfimages, native-render.ts). Decoding a
 * 300 DPI scan's JPEG in JavaScript only to learn its size cost about 0.7 CPU s a page.
 */
export async function openPathSummaries(file: string, bytes: Uint8Array): Promise<PathSummaries> {
  const { pdfjs, task, doc } = await openDocument(file, { ...documentParams(bytes), maxImageSize: 1 });
  return {
    async drawing(pageNo) {
      try {
        const { page, drawing, area } = await summarisePage(pdfjs, doc, pageNo);
        page.cleanup();
        return { drawing, area };
      } catch (error) {
        throw pageError(file, pageNo, error);
      }
    },
    close: () => task.destroy(),
  };
}

/** Open PDF bytes for rendering; throws DocumentError(file, reason) when pdf.js refuses them. */
export async function openPdfRaster(file: string, bytes: Uint8Array): Promise<PdfRaster> {
  const { pdfjs, task, doc } = await openDocument(file, documentParams(bytes));
  const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  return {
    pages: doc.numPages,
    async render(pageNo, dpi) {
      try {
        const page = await doc.getPage(pageNo);
        const viewport = page.getViewport({ scale: dpi / 72 });
        const width = Math.ceil(viewport.width);
        const height = Math.ceil(viewport.height);
        const entry = factory.create(width, height);
        entry.context.fillStyle = '#fff'; // canvases start transparent
        entry.context.fillRect(0, 0, width, height);
        await page.render({ canvas: entry.canvas, canvasContext: entry.context, viewport } as never).promise;
        const image = greyFromRgba(entry.context.getImageData(0, 0, width, height).data, width, height);
        factory.destroy(entry);
        return image;
      } catch (error) {
        throw pageError(file, pageNo, error);
      }
    },
    async drawing(pageNo) {
      try {
        return (await summarisePage(pdfjs, doc, pageNo)).drawing;
      } catch (error) {
        throw pageError(file, pageNo, error);
      }
    },
    async release(pageNo) {
      (await doc.getPage(pageNo)).cleanup();
    },
    async close() {
      await task.destroy();
    },
  };
}
