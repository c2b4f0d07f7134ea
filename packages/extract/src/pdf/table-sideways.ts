/**
 * Cell text for sideways writing (vertical column headers): a box says nothing about which way the text
 * runs, so the characters are read in the order the page printed them, which is their reading order whether
 * the text was turned up (read bottom to top) or down.
 */
import { blockText } from './lines.ts';
import type { Glyph } from './types.ts';

/** Text of a cell's glyphs; `order` gives each glyph's place in the page's content (printing order). */
export function cellText(glyphs: readonly Glyph[], order: ReadonlyMap<Glyph, number>): string {
  // Mostly upright text keeps the line-by-line reading (the same test as blockText's).
  const upright = glyphs.filter((g) => g.upright).length;
  if (upright * 2 >= glyphs.length || !glyphs.every((g) => order.has(g))) return blockText(glyphs);
  const sorted = [...glyphs].sort((a, b) => order.get(a)! - order.get(b)!);
  return sorted
    .map((g, i) => (i > 0 && g.spaceBefore ? ` ${g.ch}` : g.ch))
    .join('')
    .trim();
}
