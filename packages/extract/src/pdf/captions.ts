/** Title and caption lines of a table: the lines just above it (title, 公开NN表, 单位：万元) and notes below (注：…). */
import type { Line } from './types.ts';

const NOTE_RE = /^\s*(注|说明|备注|资料来源|数据来源|note|notes|source)\s*[:：\d.、]/i;
const NUMBER_ONLY_RE = /^\s*(公开)?\s*[\d０-９一二三四五六七八九十]+\s*表\s*$/;
const TITLE_RE = /表|table/i;

/** Lines above (nearest last) and below a table box, stopping at big gaps and other tables. */
export function captionLines<T extends { line: Line; text: string }>(
  tableTop: number,
  tableBottom: number,
  lines: readonly T[],
  limitAbove: number,
  limitBelow: number,
): { above: T[]; below: T[] } {
  const above: T[] = [];
  let edge = tableTop;
  for (const l of [...lines]
    .filter((x) => (x.line.top + x.line.bottom) / 2 <= tableTop && x.line.top >= limitAbove)
    .reverse()) {
    if (edge - l.line.bottom > 3.5 * l.line.size || above.length >= 4) break;
    above.unshift(l);
    edge = l.line.top;
  }
  const below: T[] = [];
  edge = tableBottom;
  for (const l of lines.filter((x) => (x.line.top + x.line.bottom) / 2 >= tableBottom && x.line.bottom <= limitBelow)) {
    if (l.line.top - edge > 2.5 * l.line.size || below.length >= 6) break;
    if (below.length === 0 && !NOTE_RE.test(l.text)) break;
    below.push(l);
    edge = l.line.bottom;
  }
  return { above, below };
}

/** The title among caption lines above a table: a line naming a table (not just its number), else the largest. */
export function pickTitle(above: readonly { line: Line; text: string }[]): string | undefined {
  const candidates = above
    .map((a) => ({ ...a, text: a.text.replace(/\s*(公开\s*[\d０-９]+\s*表|[\d０-９]+\s*表)\s*$/, '').trim() }))
    .filter((a) => a.text !== '' && !NUMBER_ONLY_RE.test(a.text) && !/^(单位|部门|编制单位)\s*[:：]/.test(a.text));
  const named = candidates.filter((a) => TITLE_RE.test(a.text));
  const pool = named.length > 0 ? named : candidates;
  if (pool.length === 0) return undefined;
  const best = pool.reduce((a, b) => (b.line.size > a.line.size + 0.5 ? b : a));
  return best.text.replace(/\s+/g, (m, i, s) => (/[\p{Script=Han}]/u.test(s[i - 1] ?? '') ? '' : m));
}
