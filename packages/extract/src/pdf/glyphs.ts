/**
 * pdf.js text items → single characters with positions. pdf.js reports a run's total advance only, so each
 * character gets a share of it by a typical advance width (CJK full width, Latin proportional); exact enough
 * to assign characters to cells by their centre.
 */
import { apply, type Matrix, multiply } from './geometry.ts';

/** A character in display space before the page is turned upright. */
export interface RawGlyph {
  ch: string;
  /** Baseline start of the character. */
  x: number;
  y: number;
  /** Unit vectors of the text direction and of "up" for the character. */
  dir: [number, number];
  up: [number, number];
  advance: number;
  size: number;
  ascent: number;
  descent: number;
  font: string;
  spaceBefore: boolean;
}

/** What we need of a pdf.js TextItem. */
export interface TextRun {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** Ascent/descent (em fractions) by pdf.js font name. */
export type FontMetrics = Record<string, { ascent?: number; descent?: number }>;

const NARROW = new Set([..." .,:;|!il'`ijtfr()[]{}"]);
const WIDE_LATIN = new Set([...'MWmw@%']);

/** Typical advance of a character in em, for sharing a run's width among its characters. */
export function typicalAdvance(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2e80 || (code >= 0x2000 && code <= 0x206f && ch !== '\u2009')) return 1;
  if (NARROW.has(ch)) return 0.3;
  if (WIDE_LATIN.has(ch)) return 0.85;
  if (ch >= 'A' && ch <= 'Z') return 0.68;
  return 0.55;
}

/** The direction of (x, y) as a unit vector; (0, 0) stays (0, 0). */
export function unit(x: number, y: number): [number, number] {
  const n = Math.hypot(x, y) || 1;
  return [x / n, y / n];
}

/** Split text runs into characters placed in display space (`viewport` maps PDF space to the displayed page). */
export function runsToGlyphs(runs: readonly TextRun[], viewport: Matrix, metrics: FontMetrics): RawGlyph[] {
  const out: RawGlyph[] = [];
  // pdf.js reports a gap between runs as a whitespace-only item; a narrow one is a printed word space.
  let pendingSpace = false;
  for (const run of runs) {
    if (run.transform.length !== 6) continue;
    if (run.str.trim() === '') {
      pendingSpace = run.str.length > 0 && run.width <= 0.65 * Math.hypot(run.transform[2]!, run.transform[3]!);
      continue;
    }
    const m = multiply(viewport, run.transform as unknown as Matrix);
    const dir = unit(m[0], m[1]);
    const up = unit(m[2], m[3]);
    // The run's up-vector length is its font size in display units; fall back to the reported height.
    const size = Math.hypot(m[2], m[3]) || run.height || 1;
    const chars = [...run.str];
    const weights = chars.map((c) => (c.trim() === '' ? 0.3 : typicalAdvance(c)));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const scale = Math.hypot(viewport[0], viewport[1]) || 1;
    const runWidth = run.width * scale;
    const metric = metrics[run.fontName] ?? {};
    const ascent = metric.ascent && metric.ascent > 0.3 && metric.ascent < 1.3 ? metric.ascent : 0.85;
    const descent = metric.descent && metric.descent < 0 && metric.descent > -0.6 ? metric.descent : -0.15;
    let offset = 0;
    let spaceBefore = pendingSpace;
    pendingSpace = false;
    chars.forEach((ch, i) => {
      const advance = (runWidth * (weights[i] ?? 0)) / total;
      if (ch.trim() === '') {
        spaceBefore = true;
      } else {
        const [x, y] = apply(m, 0, 0);
        out.push({
          ch,
          x: x + dir[0] * offset,
          y: y + dir[1] * offset,
          dir,
          up,
          advance,
          size,
          ascent,
          descent,
          font: run.fontName,
          spaceBefore,
        });
        spaceBefore = false;
      }
      offset += advance;
    });
  }
  return out;
}
