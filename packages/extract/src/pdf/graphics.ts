/**
 * Vector graphics → ruling segments. Walks a pdf.js operator list keeping the transform stack, and keeps
 * axis-aligned stroked lines plus thin filled rectangles (how MS Word and others draw cell borders).
 */
import { apply, type Matrix, multiply } from './geometry.ts';
import type { Segment } from './types.ts';

/** The pdf.js operator codes that change the graphics state's stack and transform (pdfjs-dist `OPS`). */
export interface StateOpCodes {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

/** A graphics state: at least the current transformation matrix. */
export interface GraphicsState {
  ctm: Matrix;
}

/**
 * Apply `fn` when it is one of the state operators (q, Q, cm, a form XObject's begin and end) and return the
 * current state after it; undefined for any other operator. q pushes a copy, so states may be changed in place.
 */
export function stepGraphicsState<S extends GraphicsState>(
  fn: number | undefined,
  args: unknown[] | null,
  ops: StateOpCodes,
  state: S,
  stack: S[],
): S | undefined {
  if (fn === ops.save) {
    stack.push({ ...state });
    return state;
  }
  if (fn === ops.restore || fn === ops.paintFormXObjectEnd) return stack.pop() ?? state;
  if (fn === ops.transform) {
    if (args) state.ctm = multiply(state.ctm, args as unknown as Matrix);
    return state;
  }
  if (fn === ops.paintFormXObjectBegin) {
    stack.push({ ...state });
    const m = args?.[0] as Matrix | null | undefined;
    if (m && m.length === 6) state.ctm = multiply(state.ctm, m);
    return state;
  }
  return undefined;
}

/** The pdf.js operator codes this module reads (pdfjs-dist `OPS`). */
export interface OpCodes extends StateOpCodes {
  constructPath: number;
  setFillRGBColor: number;
  setStrokeRGBColor: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** pdf.js path-buffer opcodes (DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Thicker than this a filled rectangle is an area (shading), not a border. */
const THIN = 3;
/** Within this a stroke counts as horizontal/vertical. */
const AXIS_TOL = 0.5;
const MIN_LENGTH = 1.5;

type Point = [number, number];

/** Straight pieces of a path buffer, each subpath as its list of points (curves break a subpath). */
function subpaths(buffer: ArrayLike<number>): Point[][] {
  const out: Point[][] = [];
  let current: Point[] = [];
  const flush = () => {
    if (current.length > 1) out.push(current);
    current = [];
  };
  for (let k = 0; k < buffer.length; ) {
    const op = buffer[k++];
    if (op === MOVE) {
      flush();
      current = [[buffer[k]!, buffer[k + 1]!]];
      k += 2;
    } else if (op === LINE) {
      current.push([buffer[k]!, buffer[k + 1]!]);
      k += 2;
    } else if (op === CURVE || op === QUAD) {
      const n = op === CURVE ? 6 : 4;
      flush();
      current = [[buffer[k + n - 2]!, buffer[k + n - 1]!]];
      k += n;
    } else if (op === CLOSE) {
      if (current.length > 1) current.push(current[0]!);
      flush();
    } else {
      break;
    }
  }
  flush();
  return out;
}

function segmentOf(a: Point, b: Point): Segment | undefined {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= AXIS_TOL && dx >= MIN_LENGTH) {
    const y = (a[1] + b[1]) / 2;
    return { x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), top: y, bottom: y, orientation: 'h' };
  }
  if (dx <= AXIS_TOL && dy >= MIN_LENGTH) {
    const x = (a[0] + b[0]) / 2;
    return { x0: x, x1: x, top: Math.min(a[1], b[1]), bottom: Math.max(a[1], b[1]), orientation: 'v' };
  }
  return undefined;
}

/** A thin filled rectangle as a ruling along its long side; undefined for anything else. */
function thinRect(points: Point[]): Segment | undefined {
  if (points.length < 4 || points.length > 5) return undefined;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const top = Math.min(...ys);
  const bottom = Math.max(...ys);
  // Every corner must sit on the box: an axis-aligned rectangle, not a rotated or irregular shape.
  const onBox = points.every(
    (p) =>
      (Math.abs(p[0] - x0) < AXIS_TOL || Math.abs(p[0] - x1) < AXIS_TOL) &&
      (Math.abs(p[1] - top) < AXIS_TOL || Math.abs(p[1] - bottom) < AXIS_TOL),
  );
  if (!onBox) return undefined;
  const w = x1 - x0;
  const h = bottom - top;
  if (h <= THIN && w >= MIN_LENGTH && w > h) {
    const y = (top + bottom) / 2;
    return { x0, x1, top: y, bottom: y, orientation: 'h' };
  }
  if (w <= THIN && h >= MIN_LENGTH && h > w) {
    const x = (x0 + x1) / 2;
    return { x0: x, x1: x, top, bottom, orientation: 'v' };
  }
  return undefined;
}

/** True for colours that do not show on white paper. */
function isWhite(color: unknown): boolean {
  return typeof color === 'string' && /^#f[a-f0-9]f[a-f0-9]f[a-f0-9]$/i.test(color);
}

/** Ruling segments of a page in display space (`viewport` maps PDF space to the displayed page). */
export function operatorsToSegments(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  ops: OpCodes,
  viewport: Matrix,
): Segment[] {
  const identity: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: { ctm: Matrix; fill: unknown; stroke: unknown }[] = [];
  let state = { ctm: identity, fill: '#000000' as unknown, stroke: '#000000' as unknown };
  const out: Segment[] = [];
  const strokeOps = new Set([
    ops.stroke,
    ops.closeStroke,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const fillOps = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    const next = stepGraphicsState(fn, args, ops, state, stack);
    if (next) state = next;
    else if (fn === ops.setFillRGBColor) state.fill = args?.[0];
    else if (fn === ops.setStrokeRGBColor) state.stroke = args?.[0];
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const buffer = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (!buffer) continue;
      const m = multiply(viewport, state.ctm);
      const paths = subpaths(buffer).map((pts) => pts.map(([x, y]) => apply(m, x, y)));
      const stroked = strokeOps.has(paint) && !isWhite(state.stroke);
      const filled = fillOps.has(paint) && !isWhite(state.fill);
      for (const pts of paths) {
        const rect = filled ? thinRect(pts) : undefined;
        if (rect) {
          out.push(rect);
          continue;
        }
        if (!stroked) continue;
        for (let k = 1; k < pts.length; k++) {
          const s = segmentOf(pts[k - 1]!, pts[k]!);
          if (s) out.push(s);
        }
      }
    }
  }
  return out;
}
