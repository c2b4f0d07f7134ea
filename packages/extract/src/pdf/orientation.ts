/**
 * Turning a page upright: the dominant text direction (after /Rotate) decides a quarter turn that is
 * applied to every glyph and segment, so tables printed sideways come out as if printed normally.
 */
import { boxOf } from './geometry.ts';
import type { RawGlyph } from './glyphs.ts';
import type { Glyph, PageContent, Segment } from './types.ts';

type Point = [number, number];

/** Quarter turns (0..3, clockwise) that make direction (dx, dy) point right. */
function turnsFor(dx: number, dy: number): number {
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 0 : 2;
  return dy >= 0 ? 1 : 3;
}

/** The dominant reading direction of the glyphs, as quarter turns to undo. */
export function dominantTurns(glyphs: readonly RawGlyph[]): number {
  const votes = [0, 0, 0, 0];
  for (const g of glyphs) votes[turnsFor(g.dir[0], g.dir[1])]! += 1;
  let best = 0;
  for (let t = 1; t < 4; t++) if (votes[t]! > votes[best]!) best = t;
  return best;
}

/** Rotation by `turns` quarter turns inside a width × height page; returns the mapping and new size. */
function turner(turns: number, width: number, height: number): { map: (p: Point) => Point; w: number; h: number } {
  switch (turns) {
    case 1:
      return { map: ([x, y]) => [y, width - x], w: height, h: width };
    case 2:
      return { map: ([x, y]) => [width - x, height - y], w: width, h: height };
    case 3:
      return { map: ([x, y]) => [height - y, x], w: height, h: width };
    default:
      return { map: (p) => p, w: width, h: height };
  }
}

/** Glyphs and segments turned upright, with glyph boxes from their advance, ascent and descent. */
export function uprightPage(
  page: number,
  width: number,
  height: number,
  pageRotation: number,
  raw: readonly RawGlyph[],
  segments: readonly Segment[],
): PageContent {
  const turns = dominantTurns(raw);
  const { map, w, h } = turner(turns, width, height);
  const glyphs: Glyph[] = raw.map((g) => {
    const at = (along: number, upward: number): Point =>
      map([g.x + g.dir[0] * along + g.up[0] * upward, g.y + g.dir[1] * along + g.up[1] * upward]);
    const up = g.ascent * g.size;
    const down = g.descent * g.size;
    const box = boxOf([at(0, up), at(g.advance, up), at(0, down), at(g.advance, down)]);
    const origin = at(0, 0);
    const upright = turnsFor(g.dir[0], g.dir[1]) === turns;
    return {
      ...box,
      ch: g.ch,
      size: g.size,
      font: g.font,
      spaceBefore: g.spaceBefore,
      baseline: upright ? origin[1] : (box.top + box.bottom) / 2,
      upright,
    };
  });
  const turned: Segment[] = segments.map((s) => {
    const b = boxOf([map([s.x0, s.top]), map([s.x1, s.bottom])]);
    const orientation = turns % 2 === 1 ? (s.orientation === 'h' ? 'v' : 'h') : s.orientation;
    return { ...b, orientation };
  });
  return { page, width: w, height: h, rotation: (pageRotation + turns * 90) % 360, glyphs, segments: turned };
}
