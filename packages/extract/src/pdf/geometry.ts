/** Plain 2-D geometry for page content: affine matrices (PDF order [a,b,c,d,e,f]) and boxes. */
import type { Box } from '../model.ts';

export type Matrix = readonly [number, number, number, number, number, number];

/** m1 applied after m2 (same convention as pdf.js Util.transform(m1, m2)). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

/** Apply matrix m to the point (x, y). */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Axis-aligned box around points. */
export function boxOf(points: readonly (readonly [number, number])[]): Box {
  let x0 = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  }
  return { x0, top, x1, bottom };
}

/** Smallest box containing all boxes (undefined for none). */
export function unionBoxes(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  let x0 = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    if (b.x0 < x0) x0 = b.x0;
    if (b.top < top) top = b.top;
    if (b.x1 > x1) x1 = b.x1;
    if (b.bottom > bottom) bottom = b.bottom;
  }
  return { x0, top, x1, bottom };
}

/**
 * Glyphs (or any boxes) with the box around them. Built field by field: on Node 20, an object spread followed
 * by new keys (`{ ...box, glyphs }`) takes about 2 µs, a hundred times a plain literal, and lines and chunks are
 * made by the hundred thousand.
 */
export function boxed<G extends Box>(glyphs: G[]): Box & { glyphs: G[] } {
  const b = unionBoxes(glyphs)!;
  return { x0: b.x0, top: b.top, x1: b.x1, bottom: b.bottom, glyphs };
}

/** True when the point lies inside the box grown by `pad`. */
export function contains(b: Box, x: number, y: number, pad = 0): boolean {
  return x >= b.x0 - pad && x <= b.x1 + pad && y >= b.top - pad && y <= b.bottom + pad;
}

/** Length of the overlap of [a0,a1] and [b0,b1] (0 when disjoint). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Box rounded to 0.1 pt, for stable provenance. */
export function roundBox(b: Box): Box {
  const r = (v: number) => Math.round(v * 10) / 10;
  return { x0: r(b.x0), top: r(b.top), x1: r(b.x1), bottom: r(b.bottom) };
}
