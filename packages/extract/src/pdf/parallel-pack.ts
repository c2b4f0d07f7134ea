/**
 * PageContent in a compact form for crossing between threads: numbers in typed arrays, characters in one
 * string, fonts by index. Structured clone copies typed arrays and strings in bulk, while hundreds of small
 * glyph objects per page cost far more to clone, and objects rebuilt here share one shape, as the ones
 * made by uprightPage do. Unpacking gives back exactly the values packed, keys in the same order.
 */
import type { Box } from '../model.ts';
import type { Glyph, PageContent, Segment } from './types.ts';

/** A PageContent packed by packPage. */
export interface PackedPage {
  page: number;
  width: number;
  height: number;
  rotation: number;
  /** Per glyph: x0, top, x1, bottom, size, baseline. */
  glyphNumbers: Float64Array;
  /** Per glyph: bit 0 spaceBefore, bit 1 upright. */
  glyphFlags: Uint8Array;
  /** Every glyph's character, one after another; `charLengths` says where each ends. */
  chars: string;
  charLengths: Uint16Array;
  fonts: string[];
  fontIndex: Uint32Array;
  /** Per segment: x0, top, x1, bottom. */
  segmentNumbers: Float64Array;
  /** Per segment: 1 for horizontal. */
  segmentHorizontal: Uint8Array;
}

const G = 6;
const S = 4;

/** Write a box as four numbers from `k`. */
function writeBox(numbers: Float64Array, k: number, b: Box): void {
  numbers[k] = b.x0;
  numbers[k + 1] = b.top;
  numbers[k + 2] = b.x1;
  numbers[k + 3] = b.bottom;
}

/** The box written from `k`. */
/** Pack a page's content for postMessage. */
export function packPage(content: PageContent): PackedPage {
  const n = content.glyphs.length;
  const glyphNumbers = new Float64Array(n * G);
  const glyphFlags = new Uint8Array(n);
  const charLengths = new Uint16Array(n);
  const fontIndex = new Uint32Array(n);
  const fonts: string[] = [];
  const fontIds = new Map<string, number>();
  const chars: string[] = [];
  content.glyphs.forEach((g, i) => {
    const k = i * G;
    writeBox(glyphNumbers, k, g);
    glyphNumbers[k + 4] = g.size;
    glyphNumbers[k + 5] = g.baseline;
    glyphFlags[i] = (g.spaceBefore ? 1 : 0) | (g.upright ? 2 : 0);
    chars.push(g.ch);
    charLengths[i] = g.ch.length;
    let id = fontIds.get(g.font);
    if (id === undefined) {
      id = fonts.length;
      fonts.push(g.font);
      fontIds.set(g.font, id);
    }
    fontIndex[i] = id;
  });
  const m = content.segments.length;
  const segmentNumbers = new Float64Array(m * S);
  const segmentHorizontal = new Uint8Array(m);
  content.segments.forEach((s, i) => {
    writeBox(segmentNumbers, i * S, s);
    segmentHorizontal[i] = s.orientation === 'h' ? 1 : 0;
  });
  return {
    page: content.page,
    width: content.width,
    height: content.height,
    rotation: content.rotation,
    glyphNumbers,
    glyphFlags,
    chars: chars.join(''),
    charLengths,
    fonts,
    fontIndex,
    segmentNumbers,
    segmentHorizontal,
  };
}

/** The PageContent that packPage packed. */
export function unpackPage(p: PackedPage): PageContent {
  const glyphs: Glyph[] = new Array(p.glyphFlags.length);
  let at = 0;
  for (let i = 0; i < glyphs.length; i++) {
    const k = i * G;
    const end = at + p.charLengths[i]!;
    const flags = p.glyphFlags[i]!;
    // Field by field, not `{ ...box, ch }`: see boxed() in geometry.ts.
    const n = p.glyphNumbers;
    glyphs[i] = {
      x0: n[k]!,
      top: n[k + 1]!,
      x1: n[k + 2]!,
      bottom: n[k + 3]!,
      ch: p.chars.slice(at, end),
      size: p.glyphNumbers[k + 4]!,
      font: p.fonts[p.fontIndex[i]!]!,
      spaceBefore: (flags & 1) !== 0,
      baseline: p.glyphNumbers[k + 5]!,
      upright: (flags & 2) !== 0,
    };
    at = end;
  }
  const segments: Segment[] = new Array(p.segmentHorizontal.length);
  for (let i = 0; i < segments.length; i++) {
    const n = p.segmentNumbers;
    const k = i * S;
    const orientation = p.segmentHorizontal[i] === 1 ? 'h' : 'v';
    segments[i] = { x0: n[k]!, top: n[k + 1]!, x1: n[k + 2]!, bottom: n[k + 3]!, orientation };
  }
  return { page: p.page, width: p.width, height: p.height, rotation: p.rotation, glyphs, segments };
}
