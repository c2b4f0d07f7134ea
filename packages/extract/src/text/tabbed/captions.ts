/**
 * Title and caption lines around a table block: the title (…表) and the lines between it and the table
 * (公开NN表, 部门：…, 单位：万元, （2022 年度）), plus notes printed right after it (注：…, 说明：…, 本表无数据).
 */
import type { TextLine } from '../../model.ts';
import { stripMarkdown } from './cells.ts';

export interface Captions {
  title?: string;
  caption: TextLine[];
}

const MAX_LOOKBACK = 12;
const TABLE_NUMBER_RE = /^(?:附表|公开)?\s*[\d一二三四五六七八九十\-－.]*\s*表$/;
const CAPTION_RE =
  /^(?:公开\s*\d+\s*表|(?:公开)?部门\s*[:：]|编制单位\s*[:：]|(?:金额)?单位\s*[:：]|[（(]\s*\d{4}\s*年度?\s*[)）]$)/;
/** Notes printed under a table. */
export const NOTE_RE = /^(?:注|说明|备注)\s*\d*\s*[:：]|本表无数据/;
const STRAY_MAX = 16;

/** True when a (markdown-stripped) line reads as a table title: it ends in 表, optionally followed by (年度). */
export function isTitleLine(text: string): boolean {
  const t = text.replace(/\s*[（(][^（()）]*[)）]\s*$/, '').trim();
  return t.length >= 3 && t.length <= 60 && /表$/.test(t) && !TABLE_NUMBER_RE.test(t) && !NOTE_RE.test(t);
}

/** True for lines that belong to a table's caption (number, unit, department, year). */
export function isCaptionLine(text: string): boolean {
  return CAPTION_RE.test(text) || /单位\s*[:：]\s*(?:万?元)/.test(text);
}

/** Title and caption lines for the block that spans input lines [start, end]; `floor`/`ceiling` bound the search. */
export function findCaptions(
  lines: readonly TextLine[],
  start: number,
  end: number,
  floor: number,
  ceiling: number,
): Captions {
  const caption: TextLine[] = [];
  let title: string | undefined;
  for (let i = start - 1; i >= Math.max(floor, start - MAX_LOOKBACK); i--) {
    const line = lines[i]!;
    const text = stripMarkdown(line.text);
    if (text === '') continue;
    if (NOTE_RE.test(text)) break;
    if (isTitleLine(text)) {
      title = text;
      caption.unshift(line);
      break;
    }
    if (isCaptionLine(text)) caption.unshift(line);
    else if (text.length > STRAY_MAX) break;
  }
  for (let i = end + 1; i <= Math.min(ceiling, lines.length - 1); i++) {
    const line = lines[i]!;
    const text = stripMarkdown(line.text);
    if (text === '') continue;
    if (!NOTE_RE.test(text)) break;
    caption.push(line);
  }
  return title === undefined ? { caption } : { title, caption };
}

/** The project a form belongs to: the nearest `项目名称：…` line above, not crossing a top-level heading. */
export function findSubjectAbove(lines: readonly TextLine[], start: number): string | undefined {
  for (let i = start - 1; i >= 0 && i >= start - 400; i--) {
    const text = lines[i]!.text;
    if (/^#\s/.test(text)) return undefined;
    const m = /^\s*项目(?:支出)?名称\s*[:：]\s*(.+?)\s*$/.exec(stripMarkdown(text));
    if (m?.[1]) return m[1];
  }
  return undefined;
}
