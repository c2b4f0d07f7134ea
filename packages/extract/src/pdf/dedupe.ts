/**
 * Fake-bold removal at glyph level: a character drawn again at (almost) the same place is one character.
 * Real repeated characters (常常, 11) sit side by side and overlap little, so they survive.
 */
import { overlap } from './geometry.ts';
import type { Glyph } from './types.ts';

/** Most of the narrower glyph's width must be covered by the other copy. */
const MIN_OVERLAP = 0.6;

/** True when `k` is an overprinted copy of `g`: same baseline within tolerance, most of the width covered. */
function isCopy(k: Glyph, g: Glyph): boolean {
  const tolY = Math.max(1, 0.2 * Math.min(k.size, g.size));
  if (Math.abs(k.baseline - g.baseline) > tolY) return false;
  const minWidth = Math.min(k.x1 - k.x0, g.x1 - g.x0);
  return minWidth > 0 && overlap(k.x0, k.x1, g.x0, g.x1) >= MIN_OVERLAP * minWidth;
}

/** Glyphs with overprinted duplicates (same character, same line, overlapping most of its width) removed. */
export function dedupeGlyphs(glyphs: readonly Glyph[]): Glyph[] {
  // Buckets by character, then coarse baseline, keep this linear on pages full of the same digits; nested
  // maps avoid building a string key for every glyph and neighbouring band.
  const buckets = new Map<string, Map<number, Glyph[]>>();
  const kept: Glyph[] = [];
  for (const g of glyphs) {
    const band = Math.round(g.baseline / 4);
    let byBand = buckets.get(g.ch);
    if (!byBand) {
      byBand = new Map();
      buckets.set(g.ch, byBand);
    }
    let dup = false;
    for (let b = band - 1; b <= band + 1 && !dup; b++) {
      const near = byBand.get(b);
      if (near) dup = near.some((k) => isCopy(k, g));
    }
    if (dup) continue;
    kept.push(g);
    const list = byBand.get(band);
    if (list) list.push(g);
    else byBand.set(band, [g]);
  }
  return kept;
}
