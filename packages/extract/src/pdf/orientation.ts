/**
 * Turning a page upright: the dominant text direction (after /Rotate) decides a quarter turn that is
 * applied to every glyph and segment, so tables printed sideways come out as if printed normally.
 */
import type { RawGlyph } from './glyphs.ts';
import type { Glyph, PageContent, Segment } from './types.ts';

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

/** Size of the page after `turns` quarter turns. */
function turnedSize(turns: number, width: number, height: number): { w: number; h: number } {
  return turns % 2 === 1 ? { w: height, h: width } : { w: width, h: height };
}

/**
 * Rotation by `turns` quarter turns inside a width × height page, written into `out` (x at `at`, y at
 * `at + 1`): hot for every glyph corner, so no tuple is allocated per point.
 */
function turnInto(turns: number, width: number, height: number, x: number, y: number, out: number[], at: number): void {
  switch (turns) {
    case 1:
      out[at] = y;
      out[at + 1] = width - x;
      return;
    case 2:
      out[at] = width - x;
      out[at + 1] = height - y;
      return;
    case 3:
      out[at] = height - y;
      out[at + 1] = x;
      return;
    default:
      out[at] = x;
      out[at + 1] = y;
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
  const { w, h } = turnedSize(turns, width, height);
  // Corners (0, up), (advance, up), (0, down), (advance, down) and the origin, as x/y pairs.
  const pts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const glyphs: Glyph[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const g = raw[i]!;
    const [dx, dy] = g.dir;
    const [ux, uy] = g.up;
    const up = g.ascent * g.size;
    const down = g.descent * g.size;
    const ax = g.x + dx * g.advance;
    const ay = g.y + dy * g.advance;
    turnInto(turns, width, height, g.x + ux * up, g.y + uy * up, pts, 0);
    turnInto(turns, width, height, ax + ux * up, ay + uy * up, pts, 2);
    turnInto(turns, width, height, g.x + ux * down, g.y + uy * down, pts, 4);
    turnInto(turns, width, height, ax + ux * down, ay + uy * down, pts, 6);
    turnInto(turns, width, height, g.x, g.y, pts, 8);
    let x0 = Number.POSITIVE_INFINITY;
    let top = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let bottom = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < 8; k += 2) {
      x0 = Math.min(x0, pts[k]!);
      x1 = Math.max(x1, pts[k]!);
      top = Math.min(top, pts[k + 1]!);
      bottom = Math.max(bottom, pts[k + 1]!);
    }
    const upright = turnsFor(dx, dy) === turns;
    glyphs[i] = {
      x0,
      top,
      x1,
      bottom,
      ch: g.ch,
      size: g.size,
      font: g.font,
      spaceBefore: g.spaceBefore,
      baseline: upright ? pts[9]! : (top + bottom) / 2,
      upright,
    };
  }
  const corner = [0, 0, 0, 0];
  const turned: Segment[] = segments.map((s) => {
    turnInto(turns, width, height, s.x0, s.top, corner, 0);
    turnInto(turns, width, height, s.x1, s.bottom, corner, 2);
    const orientation = turns % 2 === 1 ? (s.orientation === 'h' ? 'v' : 'h') : s.orientation;
    return {
      x0: Math.min(corner[0]!, corner[2]!),
      top: Math.min(corner[1]!, corner[3]!),
      x1: Math.max(corner[0]!, corner[2]!),
      bottom: Math.max(corner[1]!, corner[3]!),
      orientation,
    };
  });
  return { page, width: w, height: h, rotation: (pageRotation + turns * 90) % 360, glyphs, segments: turned };
}
