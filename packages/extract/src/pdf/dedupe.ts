/**
 * Fake-bold removal at glyph level: a character drawn again at (almost) the same place is one character.
 * Real repeated characters (常常, 11) sit side by side and overlap little, so they survive.
 */
import { overlap } from './geometry.ts';
import type { Glyph } from './types.ts';

/** Most of the narrower glyph's width must be covered by the other copy. */
const MIN_OVERLAP = 0.6;

/** Glyphs with overprinted duplicates (same character, same line, overlapping most of its width) removed. */
export function dedupeGlyphs(glyphs: readonly Glyph[]): Glyph[] {
  // Buckets by character and coarse baseline keep this linear on pages full of the same digits.
  const buckets = new Map<string, Glyph[]>();
  const kept: Glyph[] = [];
  for (const g of glyphs) {
    const band = Math.round(g.baseline / 4);
    const near = [band - 1, band, band + 1].flatMap((b) => buckets.get(`${g.ch}|${b}`) ?? []);
    const dup = near.some((k) => {
      const tolY = Math.max(1, 0.2 * Math.min(k.size, g.size));
      if (Math.abs(k.baseline - g.baseline) > tolY) return false;
      const minWidth = Math.min(k.x1 - k.x0, g.x1 - g.x0);
      return minWidth > 0 && overlap(k.x0, k.x1, g.x0, g.x1) >= MIN_OVERLAP * minWidth;
    });
    if (dup) continue;
    kept.push(g);
    const key = `${g.ch}|${band}`;
    const list = buckets.get(key);
    if (list) list.push(g);
    else buckets.set(key, [g]);
  }
  return kept;
}
