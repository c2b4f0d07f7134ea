/**
 * One page image → the PDF pipeline's PageContent: straighten the scan, find the table rulings in its pixels,
 * erase them (borders read as `|` and `1` otherwise), recognise the rest, and hand words plus rulings over in
 * points. Optionally re-reads amount cells line by line with a digit whitelist (see rereadAmounts).
 */
import type { Box, Ruling } from '../model.ts';
import type { PageContent } from '../pdf/types.ts';
import { estimateSkew } from './deskew.ts';
import type { OcrEngine } from './engine.ts';
import { ocrPageContent } from './page-content.ts';
import { binarize, type GreyImage, rotate } from './raster.ts';
import { detectRulings, eraseRulings } from './rulings.ts';

/** A recognised word in page points, for giving cells their OCR confidence. */
export interface ScoredBox {
  box: Box;
  confidence: number;
}

/** How a page image was turned into what the recognizer saw, so cells can be cut from it again later. */
export interface PageGeometry {
  dpi: number;
  /** Degrees the scan was turned to straighten it. */
  skew: number;
  /** Rulings found in the straightened image (pixels). */
  rulings: Ruling[];
}

export interface OcrPage extends PageGeometry {
  content: PageContent;
  words: ScoredBox[];
  /** The image as the recognizer saw it (straightened, rulings erased), for re-reading cells. */
  prepared: GreyImage;
}

/** Straighten, find rulings, erase them and recognise one page image scanned at `dpi`. */
export async function ocrImage(page: number, image: GreyImage, dpi: number, engine: OcrEngine): Promise<OcrPage> {
  const skew = estimateSkew(image);
  const straight = Math.abs(skew) >= 0.05 ? rotate(image, skew) : image;
  const rulings = detectRulings(straight, binarize(straight));
  const clean = eraseRulings(straight, rulings);
  const words = await engine.recognize(clean, { psm: 3, dpi });
  const content = ocrPageContent(page, straight, dpi, words, rulings);
  const k = 72 / dpi;
  return {
    content,
    words: words.map((w) => ({
      box: { x0: w.box.x0 * k, top: w.box.top * k, x1: w.box.x1 * k, bottom: w.box.bottom * k },
      confidence: w.confidence,
    })),
    skew,
    rulings,
    dpi,
    prepared: clean,
  };
}

/** The image as the recognizer saw it (straightened, rulings erased), rebuilt from the original and its geometry. */
export function preparedImage(image: GreyImage, geometry: PageGeometry): GreyImage {
  const straight = Math.abs(geometry.skew) >= 0.05 ? rotate(image, geometry.skew) : image;
  return eraseRulings(straight, geometry.rulings);
}

/** The pixels of `box` (points) from an image at `dpi`, with a small white margin the recognizer likes. */
export function cropCell(image: GreyImage, dpi: number, box: Box, inset = 0.8): GreyImage {
  const k = dpi / 72;
  const x0 = Math.max(0, Math.round((box.x0 + inset) * k));
  const x1 = Math.min(image.width, Math.round((box.x1 - inset) * k));
  const y0 = Math.max(0, Math.round((box.top + inset) * k));
  const y1 = Math.min(image.height, Math.round((box.bottom - inset) * k));
  const margin = Math.round(6 * (dpi / 72));
  const width = Math.max(1, x1 - x0) + 2 * margin;
  const height = Math.max(1, y1 - y0) + 2 * margin;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = y0; y < y1; y += 1) {
    data.set(image.data.subarray(y * image.width + x0, y * image.width + x1), (y - y0 + margin) * width + margin);
  }
  return { width, height, data };
}
