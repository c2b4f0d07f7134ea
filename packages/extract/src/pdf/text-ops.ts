/**
 * Text-showing operators → characters placed in display space, the way pdf.js's canvas places them. The
 * operator list (read anyway for the rulings) already carries every glyph with its Unicode and advance width,
 * so the page's content stream need not be parsed a second time by getTextContent; and each character gets
 * its own advance instead of a share of its run's. Fonts this does not model (Type3, vertical writing) make
 * it decline the page, and the caller falls back to getTextContent.
 */

import { type Matrix, multiply } from './geometry.ts';
import { type RawGlyph, typicalAdvance, unit } from './glyphs.ts';
import { type StateOpCodes, stepGraphicsState } from './graphics.ts';

/** The pdf.js operator codes this module reads (pdfjs-dist `OPS`). */
export interface TextOpCodes extends StateOpCodes {
  beginText: number;
  setFont: number;
  setTextMatrix: number;
  moveText: number;
  setLeadingMoveText: number;
  nextLine: number;
  setLeading: number;
  setCharSpacing: number;
  setWordSpacing: number;
  setHScale: number;
  setTextRise: number;
  showText: number;
}

/** What this module needs of a pdf.js font object (page.commonObjs). */
export interface OpFont {
  ascent?: number;
  descent?: number;
  vertical?: boolean;
  isType3Font?: boolean;
  fontMatrix?: number[];
}

/** What this module needs of a pdf.js glyph in a showText operator. */
interface OpGlyph {
  unicode: string;
  width: number;
  originalCharCode?: number;
}

interface TextState {
  ctm: Matrix;
  font?: OpFont;
  fontName: string;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

/** Gaps (em) pdf.js's text content turns into a word space: wider than tracking, narrower than a column gap. */
const SPACE_MIN = 0.102;
const SPACE_MAX = 0.65;
// Format marks (zero-width space, joiners, soft hyphen) take no place on the page; pdf.js's text drops them too.
const FORMAT_MARK = /^\p{Cf}+$/u;
const WHITESPACE = /^\s+$/u;

/** What a glyph's Unicode text comes to: nothing placed, a word space, or characters with their share of its width. */
type GlyphText =
  | { kind: 'none' }
  | { kind: 'space' }
  | { kind: 'chars'; chars: string[]; weights: number[]; total: number };

/** A glyph's text after `normalize`, classified once per distinct Unicode text of a page. */
function glyphText(unicode: string, normalize: (text: string) => string): GlyphText {
  const text = normalize(unicode);
  if (text === '' || FORMAT_MARK.test(text)) return { kind: 'none' };
  if (WHITESPACE.test(text)) return { kind: 'space' };
  const chars = [...text];
  const weights = chars.map(typicalAdvance);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return { kind: 'chars', chars, weights, total };
}

/**
 * Characters of a page's text operators in display space (`viewport` maps PDF space to the displayed page,
 * `width` × `height`), or undefined when a font is one this does not model. `normalize` is pdf.js's
 * normalizeUnicode (ligatures and odd spaces), as its text content applies it.
 */
export function textOpsToGlyphs(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  ops: TextOpCodes,
  viewport: Matrix,
  page: { width: number; height: number },
  fontOf: (name: string) => OpFont | undefined,
  normalize: (text: string) => string,
): RawGlyph[] | undefined {
  const out: RawGlyph[] = [];
  // A page repeats few distinct characters many times: normalise and classify each once.
  const texts = new Map<string, GlyphText>();
  const stack: TextState[] = [];
  let state: TextState = {
    ctm: [1, 0, 0, 1, 0, 0],
    fontName: '',
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
  };
  let textMatrix: Matrix = [1, 0, 0, 1, 0, 0];
  // Current point within the line (text space) and the start of the line.
  let x = 0;
  let y = 0;
  let lineX = 0;
  let lineY = 0;
  // Where the previous character ended (display space), to tell word spaces from glyph gaps.
  let hasPrev = false;
  let prevX = 0;
  let prevY = 0;
  let prevSize = 0;
  let spaceBefore = false;
  const moveTo = (dx: number, dy: number) => {
    lineX += dx;
    lineY += dy;
    x = lineX;
    y = lineY;
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    const next = stepGraphicsState(fn, args, ops, state, stack);
    if (next) state = next;
    else if (fn === ops.beginText) {
      textMatrix = [1, 0, 0, 1, 0, 0];
      x = y = lineX = lineY = 0;
    } else if (fn === ops.setFont && args) {
      const font = fontOf(String(args[0]));
      if (!font || font.isType3Font || font.vertical) return undefined;
      state.font = font;
      state.fontName = String(args[0]);
      state.fontSize = Number(args[1]);
    } else if (fn === ops.setTextMatrix && args) {
      const m = (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]) ? args[0] : args) as ArrayLike<number>;
      textMatrix = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!];
      x = y = lineX = lineY = 0;
    } else if (fn === ops.moveText && args) moveTo(Number(args[0]), Number(args[1]));
    else if (fn === ops.setLeadingMoveText && args) {
      state.leading = Number(args[1]);
      moveTo(Number(args[0]), Number(args[1]));
    } else if (fn === ops.nextLine) moveTo(0, state.leading);
    else if (fn === ops.setLeading && args) state.leading = -Number(args[0]);
    else if (fn === ops.setCharSpacing && args) state.charSpacing = Number(args[0]);
    else if (fn === ops.setWordSpacing && args) state.wordSpacing = Number(args[0]);
    else if (fn === ops.setHScale && args) state.hScale = Number(args[0]) / 100;
    else if (fn === ops.setTextRise && args) state.rise = Number(args[0]);
    else if (fn === ops.showText && args) {
      const font = state.font;
      if (!font || state.fontSize === 0) continue;
      const size = Math.abs(state.fontSize);
      const direction = state.fontSize < 0 ? -1 : 1;
      const hs = state.hScale * direction;
      const fontMatrix = font.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
      const advanceScale = size * (fontMatrix[0] ?? 0.001);
      const base = multiply(multiply(multiply(viewport, state.ctm), textMatrix), [1, 0, 0, 1, x, y + state.rise]);
      const dir = unit(base[0] * hs, base[1] * hs);
      const up = unit(base[2], base[3]);
      const displaySize = size * Math.hypot(base[2], base[3]);
      const stretch = Math.abs(hs) * Math.hypot(base[0], base[1]);
      const ascent = font.ascent && font.ascent > 0.3 && font.ascent < 1.3 ? font.ascent : 0.85;
      const descent = font.descent && font.descent < 0 && font.descent > -0.6 ? font.descent : -0.15;
      let advance = 0;
      if (spaceBefore && hasPrev) {
        // A space that ended the previous line is no space before this one.
        const across = Math.abs((base[4] - prevX) * up[0] + (base[5] - prevY) * up[1]);
        if (across >= 0.5 * Math.max(displaySize, prevSize)) spaceBefore = false;
      }
      for (const glyph of args[0] as (OpGlyph | number)[]) {
        if (typeof glyph === 'number') {
          advance -= (glyph * size) / 1000;
          continue;
        }
        const unicode = glyph.unicode ?? '';
        let text = texts.get(unicode);
        if (text === undefined) {
          text = glyphText(unicode, normalize);
          texts.set(unicode, text);
        }
        const spacing = (glyph.originalCharCode === 0x20 ? state.wordSpacing : 0) + state.charSpacing;
        const width = glyph.width * advanceScale;
        // The glyph's origin in display space: base applied to (advance * hs, 0).
        const along = advance * hs;
        const startX = base[0] * along + base[4];
        const startY = base[1] * along + base[5];
        advance += width + spacing * direction;
        if (text.kind === 'none') continue;
        if (text.kind === 'space') {
          spaceBefore = true;
          continue;
        }
        // Text drawn off the page is not part of it (pdf.js's text content leaves it out as well).
        if (startX < 0 || startX > page.width || startY < 0 || startY > page.height) continue;
        if (hasPrev && !spaceBefore) {
          const gap = (startX - prevX) * dir[0] + (startY - prevY) * dir[1];
          const across = Math.abs((startX - prevX) * up[0] + (startY - prevY) * up[1]);
          const em = Math.max(displaySize, prevSize);
          if (across < 0.5 * em && gap > SPACE_MIN * em && gap <= SPACE_MAX * em) spaceBefore = true;
        }
        const { chars, weights, total } = text;
        let offset = 0;
        for (let k = 0; k < chars.length; k++) {
          const share = (width * stretch * weights[k]!) / total;
          out.push({
            ch: chars[k]!,
            x: startX + dir[0] * offset,
            y: startY + dir[1] * offset,
            dir,
            up,
            advance: share,
            size: displaySize,
            ascent,
            descent,
            font: state.fontName,
            spaceBefore,
          });
          spaceBefore = false;
          offset += share;
        }
        hasPrev = true;
        prevX = startX + dir[0] * offset;
        prevY = startY + dir[1] * offset;
        prevSize = displaySize;
      }
      x += advance * hs;
    }
  }
  return out;
}
