/** Ruling segments cleaned up: collinear pieces merged, and grouped into connected line networks. */
import type { Segment } from './types.ts';

/** Lines closer than this (pt) are the same line (double borders, fake-bold strokes). */
export const SNAP = 2;
/** Pieces of a line with gaps up to this (pt) are one line (dashes, cell-by-cell strokes). */
const JOIN = 3;

function positionOf(s: Segment): number {
  return s.orientation === 'h' ? (s.top + s.bottom) / 2 : (s.x0 + s.x1) / 2;
}

/** Merge collinear and overlapping segments of one orientation. */
function mergeOne(segments: readonly Segment[], orientation: 'h' | 'v'): Segment[] {
  // Each position computed once, not twice per comparison.
  const list = segments
    .filter((s) => s.orientation === orientation)
    .map((s) => ({ s, pos: positionOf(s) }))
    .sort((a, b) => a.pos - b.pos);
  const bands: Segment[][] = [];
  let bandPos = 0;
  for (const { s, pos } of list) {
    const band = bands[bands.length - 1];
    if (band && pos - bandPos <= SNAP) band.push(s);
    else {
      bands.push([s]);
      bandPos = pos;
    }
  }
  const out: Segment[] = [];
  for (const band of bands) {
    const pos = band.reduce((a, s) => a + positionOf(s), 0) / band.length;
    const spans = band
      .map((s) => (orientation === 'h' ? [s.x0, s.x1] : [s.top, s.bottom]) as [number, number])
      .sort((a, b) => a[0] - b[0]);
    let [from, to] = spans[0]!;
    const emit = () =>
      out.push(
        orientation === 'h'
          ? { x0: from, x1: to, top: pos, bottom: pos, orientation }
          : { x0: pos, x1: pos, top: from, bottom: to, orientation },
      );
    for (const [a, b] of spans.slice(1)) {
      if (a <= to + JOIN) to = Math.max(to, b);
      else {
        emit();
        from = a;
        to = b;
      }
    }
    emit();
  }
  return out;
}

/** Horizontal and vertical segments with collinear pieces merged. */
export function mergeSegments(segments: readonly Segment[]): { h: Segment[]; v: Segment[] } {
  return { h: mergeOne(segments, 'h'), v: mergeOne(segments, 'v') };
}

/** True when a horizontal and a vertical segment touch (within SNAP). */
function touches(h: Segment, v: Segment): boolean {
  return v.x0 >= h.x0 - SNAP && v.x0 <= h.x1 + SNAP && h.top >= v.top - SNAP && h.top <= v.bottom + SNAP;
}

/** Connected networks of touching horizontal and vertical lines. */
export function networks(h: readonly Segment[], v: readonly Segment[]): { h: Segment[]; v: Segment[] }[] {
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  h.forEach((hs, i) => {
    v.forEach((vs, j) => {
      if (touches(hs, vs)) parent[find(i)] = find(h.length + j);
    });
  });
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let g = groups.get(root);
    if (!g) {
      g = { h: [], v: [] };
      groups.set(root, g);
    }
    if (i < h.length) g.h.push(h[i]!);
    else g.v.push(v[i - h.length]!);
  }
  return [...groups.values()];
}
