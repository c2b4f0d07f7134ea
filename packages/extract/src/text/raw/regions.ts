/**
 * Finding tables in raw converter text: a table starts at its title line (recognised by how titles end —
 * 决算表, 明细表, 统计表, 信息表, 自评表 — never by 公开NN表 numbers), collects caption lines (table number,
 * 部门名称, 金额单位, year), and runs to its note (注：/说明：/备注：) or the next title.
 */
import type { TextLine } from '../../model.ts';
import { plainLine } from './furniture.ts';

/** A table's lines split into title, captions before the body, the body, and notes after it. */
export interface TableRegion {
  kind: 'grid' | 'performance';
  title: TextLine;
  titleText: string;
  /** For performance forms: the project name printed before 项目支出绩效自评表. */
  subject?: string;
  caption: TextLine[];
  body: TextLine[];
  notes: TextLine[];
}

const TITLE_END_RE = /(决算表|总表|明细表|统计表|情况表|信息表|自评表|评分表)$/u;
const PERFORMANCE_RE = /^(.*?)\s*项目支出绩效自评表$/u;
const CAPTION_RE =
  /^(公开\s*\d+\s*表|(部门|单位)(名称)?[:：]|编制(部门|单位)[:：]|(金额)?单位[:：]|[（(]?\d{4}\s*年度?[)）]?(\s|$)|表\s*\d)/u;
const NOTE_RE = /^(注|说明|备注)\s*[:：]/u;

/** The de-duplicated title when a line is a table title; undefined otherwise. */
export function titleOf(text: string): string | undefined {
  const plain = plainLine(text);
  if (!plain || Array.from(plain).length > 60 || /[，。；：:]/u.test(plain)) return undefined;
  if (/^第[一二三四五六七八九十]+部分/u.test(plain)) return undefined;
  return TITLE_END_RE.test(plain) ? plain : undefined;
}

/** True for caption lines printed between a title and its header. */
export function isCaptionLine(text: string): boolean {
  return CAPTION_RE.test(text.trim());
}

/** True for a note line (注：…, 说明：…, 备注：…). */
export function isNoteLine(text: string): boolean {
  return NOTE_RE.test(text.trim());
}

/** Split the document into table regions. */
export function findRegions(lines: readonly TextLine[]): TableRegion[] {
  const starts: number[] = [];
  lines.forEach((l, i) => {
    if (titleOf(l.text) !== undefined) starts.push(i);
  });
  const regions: TableRegion[] = [];
  starts.forEach((start, n) => {
    const stop = starts[n + 1] ?? lines.length;
    const title = lines[start];
    const titleText = title ? titleOf(title.text) : undefined;
    if (!title || titleText === undefined) return;
    const rest = lines.slice(start + 1, stop);
    const caption: TextLine[] = [];
    let i = 0;
    for (; i < rest.length; i++) {
      const l = rest[i];
      if (!l) break;
      const t = l.text.trim();
      if (t === '') continue;
      // One caption line may hold several items: `部门名称：X 2022年度 金额单位：元`.
      if (isCaptionLine(t)) caption.push(l);
      else break;
    }
    const bodyAndNotes = rest.slice(i);
    const noteAt = bodyAndNotes.findIndex((l) => isNoteLine(l.text));
    const perf = PERFORMANCE_RE.exec(titleText);
    const region: TableRegion = {
      kind: perf ? 'performance' : 'grid',
      title,
      titleText,
      caption,
      body: noteAt >= 0 ? bodyAndNotes.slice(0, noteAt) : bodyAndNotes,
      notes: noteAt >= 0 ? noteLines(bodyAndNotes.slice(noteAt)) : [],
    };
    const subject = perf?.[1]?.trim();
    if (subject) region.subject = subject;
    regions.push(region);
  });
  return regions;
}

/** Note lines: each 注/说明/备注 line and its wrapped continuation lines, up to the first prose gap. */
function noteLines(lines: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  let open = false;
  for (const l of lines) {
    const t = l.text.trim();
    if (t === '') continue;
    if (isNoteLine(t) || /^\d+\s*[.、]/.test(t)) {
      out.push(l);
      open = !/[。.]$/.test(t);
      continue;
    }
    if (open && Array.from(t).length <= 80) {
      out.push(l);
      open = !/[。.]$/.test(t);
      continue;
    }
    break;
  }
  return out;
}
