/**
 * OCR output → the PDF pipeline's PageContent, so scanned pages go through the same table builder as
 * born-digital ones: words are split into per-character glyphs (in points) and pixel rulings into segments.
 */
import type { Ruling } from '../model.ts';
import { isCjk } from '../pdf/lines.ts';
import type { Glyph, PageContent, Segment } from '../pdf/types.ts';
import type { OcrWord } from './engine.ts';

/** Characters of one word: each with its own box when the engine gave one, else the word's width shared out. */
function wordGlyphs(word: OcrWord, scale: number, spaceBefore: boolean, baseline: number): Glyph[] {
  const chars = [...word.text];
  const width = (word.box.x1 - word.box.x0) / chars.length;
  const own = word.chars?.length === chars.length ? word.chars : undefined;
  const top = word.box.top * scale;
  const bottom = word.box.bottom * scale;
  return chars.map((ch, i) => ({
    ch,
    x0: (own ? own[i]!.x0 : word.box.x0 + i * width) * scale,
    x1: (own ? own[i]!.x1 : word.box.x0 + (i + 1) * width) * scale,
    top,
    bottom,
    size: bottom - top,
    font: 'ocr',
    spaceBefore: i === 0 && spaceBefore,
    baseline: baseline * scale,
    upright: true,
  }));
}

/** Build a PageContent (points, top-left origin) from OCR words and rulings measured at `dpi`. */
export function ocrPageContent(
  page: number,
  image: { width: number; height: number },
  dpi: number,
  words: readonly OcrWord[],
  rulings: readonly Ruling[],
): PageContent {
  const scale = 72 / dpi;
  // One baseline per recognised line (the median word bottom), so a tall or short word stays on its line.
  const bottoms = new Map<number, number[]>();
  for (const w of words) bottoms.set(w.line, [...(bottoms.get(w.line) ?? []), w.box.bottom]);
  const baselines = new Map([...bottoms].map(([line, b]) => [line, b.sort((x, y) => x - y)[b.length >> 1]!]));
  const glyphs: Glyph[] = [];
  words.forEach((word, i) => {
    const prev = words[i - 1];
    const sameLine = prev !== undefined && prev.line === word.line;
    const latin = !isCjk(word.text[0] ?? '') && !(prev && isCjk(prev.text.at(-1) ?? ''));
    glyphs.push(...wordGlyphs(word, scale, sameLine && latin, baselines.get(word.line) ?? word.box.bottom));
  });
  const segments: Segment[] = rulings.map((r) => ({
    x0: r.x0 * scale,
    x1: r.x1 * scale,
    top: r.top * scale,
    bottom: r.bottom * scale,
    orientation: r.orientation,
  }));
  return { page, width: image.width * scale, height: image.height * scale, rotation: 0, glyphs, segments };
}
