/**
 * Does a PDF page need OCR? Yes when it has no text layer but shows something, when its text layer is garbage
 * (private-use or unmapped glyphs), when its text does not cover what is visible, or when the page is one
 * image whose content the text layer does not account for. Born-digital pages answer no without being drawn.
 */
import type { Box } from '../model.ts';
import type { PageContent } from '../pdf/types.ts';
import { binarize, type GreyImage } from './raster.ts';
import type { PageDrawing, PdfRaster } from './render.ts';

export interface OcrVerdict {
  needed: boolean;
  /** Why, in a few words (for warnings and logs). */
  reason: string;
  /** Resolution of the scan when the page is mostly one image: render at this, not above (upsampling only costs). */
  scanDpi?: number;
}

/** DPI of the quick check render: enough to see text strokes, cheap to draw. */
const CHECK_DPI = 48;

/** Private use, replacement, controls and unassigned-looking glyphs: what unmapped fonts produce. */
function isGarbage(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0xe000 && c <= 0xf8ff) || c >= 0xf0000 || c === 0xfffd || c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0;
}

/** Share of glyphs that cannot be real text. */
export function garbageRatio(glyphs: readonly { ch: string }[]): number {
  if (glyphs.length === 0) return 0;
  return glyphs.filter((g) => isGarbage(g.ch)).length / glyphs.length;
}

/** Ink of the page image (share of pixels) and the share of that ink outside every box (boxes in points). */
export function inkOutside(
  image: GreyImage,
  dpi: number,
  boxes: readonly Box[],
  pad = 1.5,
): { ink: number; outside: number } {
  // A fixed threshold: Otsu on a blank page would split paper noise into "ink".
  const mask = binarize(image, 160);
  const covered = new Uint8Array(mask.length);
  const k = dpi / 72;
  for (const b of boxes) {
    const x0 = Math.max(0, Math.floor((b.x0 - pad) * k));
    const x1 = Math.min(image.width, Math.ceil((b.x1 + pad) * k));
    const y0 = Math.max(0, Math.floor((b.top - pad) * k));
    const y1 = Math.min(image.height, Math.ceil((b.bottom + pad) * k));
    for (let y = y0; y < y1; y += 1) covered.fill(1, y * image.width + x0, y * image.width + x1);
  }
  let ink = 0;
  let outside = 0;
  for (let i = 0; i < mask.length; i += 1) {
    if (!mask[i]) continue;
    ink += 1;
    if (!covered[i]) outside += 1;
  }
  return { ink: ink / mask.length, outside: ink === 0 ? 0 : outside / ink };
}

/** The decision from measured facts; pure. `ink` is absent when the page was not drawn. */
export function decideOcr(
  content: Pick<PageContent, 'glyphs'>,
  drawing: PageDrawing,
  ink?: { ink: number; outside: number },
): OcrVerdict {
  const glyphs = content.glyphs.length;
  const garbage = garbageRatio(content.glyphs);
  if (glyphs > 0 && garbage >= 0.3)
    return { needed: true, reason: `text layer is ${Math.round(garbage * 100)}% unmapped glyphs` };
  if (!ink) return { needed: false, reason: 'born-digital text' };
  if (ink.ink < 0.002) return { needed: false, reason: glyphs === 0 ? 'blank page' : 'born-digital text' };
  // No text, and what is drawn is the page's own ruling lines (the empty last row of a table run over): nothing to read.
  if (glyphs === 0 && ink.outside < 0.1) return { needed: false, reason: 'only ruling lines' };
  if (glyphs === 0) return { needed: true, reason: 'no text layer' };
  if (ink.outside < 0.5) return { needed: false, reason: 'born-digital text' };
  // Most ink is not text. That means a scan only when an image fills the page (or the text was drawn as
  // outlines); a map, chart or photo on a page with a text layer is not a reason to OCR the page.
  const covered = `${Math.round((1 - ink.outside) * 100)}%`;
  if (drawing.largestImage >= 0.85) return { needed: true, reason: `page is one image (text covers ${covered})` };
  if (glyphs < 20 && drawing.paths > 150) return { needed: true, reason: 'text drawn as outlines' };
  return { needed: false, reason: 'born-digital text' };
}

/** Pages worth drawing for the check: images, no text, or outlines instead of text. */
function worthDrawing(content: Pick<PageContent, 'glyphs'>, drawing: PageDrawing): boolean {
  return drawing.images > 0 || content.glyphs.length === 0 || (content.glyphs.length < 20 && drawing.paths > 150);
}

/** Decide for one page of an open PDF, drawing it at low resolution only when the text layer might not be all. */
export async function pageNeedsOcr(content: PageContent, raster: PdfRaster): Promise<OcrVerdict> {
  const drawing = await raster.drawing(content.page);
  if (garbageRatio(content.glyphs) >= 0.3 || !worthDrawing(content, drawing)) return decideOcr(content, drawing);
  // A page that is one image and no text is a scan: drawing it to measure its ink would tell nothing new.
  if (content.glyphs.length === 0 && drawing.largestImage >= 0.85) {
    return { needed: true, reason: 'no text layer', ...(drawing.imageDpi ? { scanDpi: drawing.imageDpi } : {}) };
  }
  const image = await raster.render(content.page, CHECK_DPI);
  const boxes: Box[] = [...content.glyphs, ...content.segments];
  const verdict = decideOcr(content, drawing, inkOutside(image, CHECK_DPI, boxes));
  return drawing.largestImage >= 0.5 && drawing.imageDpi ? { ...verdict, scanDpi: drawing.imageDpi } : verdict;
}
