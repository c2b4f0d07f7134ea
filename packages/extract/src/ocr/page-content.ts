/**
 * OCR output → the PDF pipeline's PageContent, so scanned pages go through the same table builder as
 * born-digital ones: words are split into per-character glyphs (in points) and pixel rulings into segments.
 */
import type { Ruling } from '../model.ts';
import { groupLines, isCjk } from '../pdf/lines.ts';
import type { Glyph, PageContent, Segment } from '../pdf/types.ts';
import type { OcrWord } from './engine.ts';

/**
 * Characters of one word: each at its own left edge when the engine gave per-character boxes, else the word's
 * width shared out. A character reaches to the next one's left edge, so no gap inside a word reads as a space.
 */
function wordGlyphs(word: OcrWord, scale: number, spaceBefore: boolean, baseline: number, height: number): Glyph[] {
  const chars = [...word.text];
  const width = (word.box.x1 - word.box.x0) / chars.length;
  const own = word.chars?.length === chars.length ? word.chars : undefined;
  const lefts = chars.map((_, i) => (i === 0 ? word.box.x0 : own ? own[i]!.x0 : word.box.x0 + i * width));
  // Flat characters (一, -, .) have flat ink boxes: size them by their line, as a font size would.
  const top = Math.min(word.box.top, baseline - height) * scale;
  const bottom = Math.max(word.box.bottom, baseline) * scale;
  return chars.map((ch, i) => ({
    ch,
    x0: lefts[i]! * scale,
    x1: Math.max(lefts[i]!, lefts[i + 1] ?? word.box.x1) * scale,
    top,
    bottom,
    size: bottom - top,
    font: 'ocr',
    spaceBefore: i === 0 && spaceBefore,
    baseline: baseline * scale,
    upright: true,
  }));
}

/**
 * Keep the recognizer's reading order within a line: overlapping word boxes must not reorder characters.
 */
function monotonic(glyphs: Glyph[]): void {
  for (let i = 1; i < glyphs.length; i += 1) {
    const prev = glyphs[i - 1]!;
    const g = glyphs[i]!;
    if (g.x0 <= prev.x0) {
      g.x0 = prev.x0 + 0.01;
      g.x1 = Math.max(g.x1, g.x0 + 0.01);
    }
  }
}

/** Close gaps under 0.8 em between CJK characters on one visual line, whichever OCR line they came from. */
function closeCjkGaps(glyphs: Glyph[]): void {
  for (const line of groupLines(glyphs)) {
    for (let i = 1; i < line.glyphs.length; i += 1) {
      const prev = line.glyphs[i - 1]!;
      const g = line.glyphs[i]!;
      const gap = g.x0 - prev.x1;
      if (gap > 0 && gap < 0.8 * Math.min(prev.size, g.size) && isCjk(prev.ch) && isCjk(g.ch)) prev.x1 = g.x0;
    }
  }
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
  const heightsOf = new Map<number, number[]>();
  for (const w of words) heightsOf.set(w.line, [...(heightsOf.get(w.line) ?? []), w.box.bottom - w.box.top]);
  const heights = new Map([...heightsOf].map(([line, h]) => [line, h.sort((x, y) => x - y)[h.length >> 1]!]));
  const glyphs: Glyph[] = [];
  let line: Glyph[] = [];
  words.forEach((word, i) => {
    const prev = words[i - 1];
    const sameLine = prev !== undefined && prev.line === word.line;
    if (!sameLine) {
      monotonic(line);
      line = [];
    }
    const latin = !isCjk(word.text[0] ?? '') && !(prev && isCjk(prev.text.at(-1) ?? ''));
    const baseline = baselines.get(word.line) ?? word.box.bottom;
    const made = wordGlyphs(word, scale, sameLine && latin, baseline, heights.get(word.line) ?? 0);
    line.push(...made);
    glyphs.push(...made);
  });
  monotonic(line);
  closeCjkGaps(glyphs);
  const segments: Segment[] = rulings.map((r) => ({
    x0: r.x0 * scale,
    x1: r.x1 * scale,
    top: r.top * scale,
    bottom: r.bottom * scale,
    orientation: r.orientation,
  }));
  return { page, width: image.width * scale, height: image.height * scale, rotation: 0, glyphs, segments };
}
