/**
 * Ruling lines found in pixels: long dark runs along rows (horizontal) and columns (vertical), merged across
 * the line's thickness, trimmed and checked for straightness (a seal's ring is not a border), and kept only where
 * they cross lines of the other direction — so underlines and `────` cells are not taken for table borders.
 */
import type { Ruling } from '../model.ts';
import { binarize, type GreyImage } from './raster.ts';

interface Run {
  a: number;
  b: number;
  at: number;
}

function runsAlong(mask: Uint8Array, width: number, height: number, horizontal: boolean, minLength: number): Run[] {
  const outer = horizontal ? height : width;
  const inner = horizontal ? width : height;
  const gap = 3;
  const out: Run[] = [];
  for (let o = 0; o < outer; o += 1) {
    let start = -1;
    let lastInk = -1;
    for (let i = 0; i <= inner; i += 1) {
      const ink = i < inner && mask[horizontal ? o * width + i : i * width + o] === 1;
      if (ink) {
        if (start < 0) start = i;
        lastInk = i;
      } else if (start >= 0 && i - lastInk > gap) {
        if (lastInk - start + 1 >= minLength) out.push({ a: start, b: lastInk, at: o });
        start = -1;
      }
    }
  }
  return out;
}

interface Line {
  a: number;
  b: number;
  from: number;
  to: number;
}

/** Merge runs on adjacent rows (columns) that overlap into one line with a thickness. */
function mergeRuns(runs: Run[]): Line[] {
  const lines: Line[] = [];
  for (const run of runs) {
    const line = lines.find(
      (l) => run.at - l.to <= 2 && run.at >= l.from && Math.min(l.b, run.b) - Math.max(l.a, run.a) > 0,
    );
    if (line) {
      line.a = Math.min(line.a, run.a);
      line.b = Math.max(line.b, run.b);
      line.to = run.at;
    } else {
      lines.push({ a: run.a, b: run.b, from: run.at, to: run.at });
    }
  }
  return joinFragments(lines);
}

/**
 * Fold together lines that are pieces of one ruling: a ruling broken on its first row (noise, a faded seal over
 * it) starts as two lines and only one grows, leaving a parallel sliver. Left apart, the sliver is a second
 * "crossing" for any short stroke touching the ruling — seal text, a tall glyph — which then passes for a border.
 */
function joinFragments(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of [...lines].sort((p, q) => p.from - q.from || p.a - q.a)) {
    const host = out.find(
      (l) => line.from <= l.to + 2 && l.from <= line.to + 2 && Math.min(l.b, line.b) - Math.max(l.a, line.a) >= -3,
    );
    if (host) {
      host.a = Math.min(host.a, line.a);
      host.b = Math.max(host.b, line.b);
      host.from = Math.min(host.from, line.from);
      host.to = Math.max(host.to, line.to);
    } else {
      out.push({ ...line });
    }
  }
  return out;
}

/**
 * The line as a ruling, or undefined when it is not one. Edge rows (columns) holding under half the ink of the
 * fullest one are trimmed first: a seal's ring touching a border thickens it with rows of short chords. What is
 * left must be thin and straight: the centre of its ink, taken in blocks along it, stays within 2 px of a fitted
 * line — a ring (a grey scan keeps the seal dark) has straight-looking runs only near its tangent, where the centre
 * bends away by several pixels.
 */
function asRuling(line: Line, mask: Uint8Array, width: number, horizontal: boolean): Line | undefined {
  const ink = (o: number, i: number) => mask[horizontal ? o * width + i : i * width + o]!;
  const cover = (o: number) => {
    let n = 0;
    for (let i = line.a; i <= line.b; i += 1) n += ink(o, i);
    return n;
  };
  const covers = new Map<number, number>();
  for (let o = line.from; o <= line.to; o += 1) covers.set(o, cover(o));
  const fullest = Math.max(...covers.values());
  let { from, to } = line;
  while (from < to && covers.get(from)! < fullest / 2) from += 1;
  while (to > from && covers.get(to)! < fullest / 2) to -= 1;
  if (to - from > 12) return undefined;
  const block = Math.max(4, Math.round((line.b - line.a + 1) / 40));
  // Look a thickness beyond the line: an arc leaving the band would otherwise be cut off where it bends.
  const reach = to - from + 1;
  const outer = horizontal ? mask.length / width : width;
  const points: { t: number; c: number }[] = [];
  for (let start = line.a; start + block <= line.b + 1; start += block) {
    let n = 0;
    let sum = 0;
    for (let i = start; i < start + block; i += 1) {
      for (let o = Math.max(0, from - reach); o <= Math.min(outer - 1, to + reach); o += 1) {
        n += ink(o, i);
        sum += ink(o, i) * o;
      }
    }
    // Blocks barely inked (breaks, faded spots) say nothing about where the line runs.
    if (n >= block) points.push({ t: start + block / 2, c: sum / n });
  }
  return points.length < 3 || bendOf(points) <= 2 ? { ...line, from, to } : undefined;
}

/** How far (10th to 90th percentile, px) the points stray from their least-squares line. */
function bendOf(points: readonly { t: number; c: number }[]): number {
  const n = points.length;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const mc = points.reduce((s, p) => s + p.c, 0) / n;
  let stt = 0;
  let stc = 0;
  for (const p of points) {
    stt += (p.t - mt) ** 2;
    stc += (p.t - mt) * (p.c - mc);
  }
  const slope = stt === 0 ? 0 : stc / stt;
  const residuals = points.map((p) => p.c - mc - slope * (p.t - mt)).sort((x, y) => x - y);
  return residuals[Math.floor(0.9 * (n - 1))]! - residuals[Math.ceil(0.1 * (n - 1))]!;
}

function crosses(h: Ruling, v: Ruling, tolerance: number): boolean {
  return (
    v.x0 - tolerance <= h.x1 &&
    v.x1 + tolerance >= h.x0 &&
    h.top - tolerance <= v.bottom &&
    h.bottom + tolerance >= v.top
  );
}

/** Table rulings in an image, in pixel coordinates. */
export function detectRulings(image: GreyImage, mask: Uint8Array = binarize(image)): Ruling[] {
  const minH = Math.max(40, Math.round(image.width * 0.03));
  const minV = Math.max(30, Math.round(image.height * 0.012));
  const lines = (horizontal: boolean, min: number) =>
    mergeRuns(runsAlong(mask, image.width, image.height, horizontal, min)).flatMap(
      (l) => asRuling(l, mask, image.width, horizontal) ?? [],
    );
  const h: Ruling[] = lines(true, minH).map((l) => ({
    x0: l.a,
    x1: l.b + 1,
    top: l.from,
    bottom: l.to + 1,
    orientation: 'h',
  }));
  const v: Ruling[] = lines(false, minV).map((l) => ({
    x0: l.from,
    x1: l.to + 1,
    top: l.a,
    bottom: l.b + 1,
    orientation: 'v',
  }));
  const tolerance = 4;
  const keepH = h.filter((line) => v.filter((o) => crosses(line, o, tolerance)).length >= 2);
  const keepV = v.filter((line) => keepH.filter((o) => crosses(o, line, tolerance)).length >= 2);
  return [...keepH, ...keepV];
}

/** A copy of the image with the rulings painted white, so the recognizer does not read borders as `|` or `1`. */
export function eraseRulings(image: GreyImage, rulings: readonly Ruling[], pad = 1): GreyImage {
  const data = new Uint8Array(image.data);
  for (const r of rulings) {
    const x0 = Math.max(0, Math.floor(r.x0) - pad);
    const x1 = Math.min(image.width, Math.ceil(r.x1) + pad);
    const y0 = Math.max(0, Math.floor(r.top) - pad);
    const y1 = Math.min(image.height, Math.ceil(r.bottom) + pad);
    for (let y = y0; y < y1; y += 1) data.fill(255, y * image.width + x0, y * image.width + x1);
  }
  return { width: image.width, height: image.height, data };
}
