/**
 * 项目支出绩效自评表 forms as key-value tables: every printed label and value becomes a cell, in printed row
 * order. The form is read as a sequence of blocks — header fields (项目名称, 主管部门及代码 …), the funds block,
 * the annual goals, the indicator block (一级/二级 指标 filled down), 总分, and the analysis rows — because
 * its vertical side labels (绩/效/指/标) and wrapped cells leave no usable columns in the text.
 */
import type { ExtractedTableInput, TextLine } from '../../model.ts';
import { type CellInput, headerCellsFromPaths } from './cells.ts';
import { type Frag, splitGoals } from './goals.ts';
import { buildLeafPaths, undoubleHeaderText } from './header.ts';
import { SIDE_CHARS, splitLevels } from './indicators.ts';
import {
  PERFORMANCE_ANALYSIS_LABELS,
  PERFORMANCE_FUND_LABELS,
  PERFORMANCE_INDICATOR_LABELS,
  segmentLabels,
} from './lexicon.ts';
import type { TableRegion } from './regions.ts';

const FIELD_LABELS = ['项目名称', '项目支出名称', '主管部门及代码', '主管部门', '预算单位', '实施单位', '项目负责人'];
const FUND_BLOCK_RE = /^(项目资金|资金情况)/u;
const GOAL_HEADER_RE = /(年度目标|预期目标).*(实际完成情况)/u;
const INDICATOR_HEADER_START_RE = /^一级指/u;
const INDICATOR_HEADER_END_RE = /偏差原因分析|未完成原因分析/u;
const TOTAL_RE = /^总\s*分/u;
const PLACEHOLDER_RE = /^(指标\s*\d+\s*[:：]?|[…．.]+)$/u;
const NUMBER_RE = /^\d+(\.\d+)?$/;

interface Builder {
  cells: CellInput[];
  row: number;
  nCols: number;
  warnings: string[];
}

function push(
  b: Builder,
  text: string,
  col: number,
  lines: [number, number],
  header: boolean,
  extra?: Partial<CellInput>,
) {
  if (text === '') return;
  b.cells.push({ text, row: b.row, col, header, provenance: { lines }, ...extra });
  b.nCols = Math.max(b.nCols, col + (extra?.colspan ?? 1));
}

/** True for a vertical side-label fragment: one or two characters of 项目/年度/绩效/指标/分析/自评/结果. */
function isSideFragment(text: string): boolean {
  const chars = Array.from(text);
  return chars.length <= 2 && chars.every((c) => SIDE_CHARS.has(c));
}

/** A funds data line: a label then at least two numbers or rates. */
function fundsValues(text: string): { label: string; values: string[] } | undefined {
  const tokens = text.trim().split(/\s+/);
  const [label, ...values] = tokens;
  if (!label || NUMBER_RE.test(label) || values.length < 2) return undefined;
  if (!values.every((v) => /^-?\d+(\.\d+)?%?$/.test(v) || /^[-—─]+$/.test(v))) return undefined;
  return { label, values };
}

/** Header labels of a performance sub-block, de-duplicated where a page break repeated them. */
function blockLabels(lines: readonly TextLine[], lexicon: readonly string[]): string[] {
  const labels = segmentLabels(lines.map((l) => undoubleHeaderText(l.text)).join(''), lexicon);
  return labels.filter((l, i) => labels.indexOf(l) === i);
}

function span(frags: readonly Frag[], fallback: number): [number, number] {
  return [frags[0]?.line ?? fallback, frags.at(-1)?.line ?? fallback];
}

/** Build one performance form; undefined when nothing form-like was found. */
export function buildPerformanceTable(
  region: TableRegion,
  furniture: ReadonlySet<number>,
  id: string,
): ExtractedTableInput | undefined {
  const lines = region.body.filter((l) => !furniture.has(l.lineNo) && l.text.trim() !== '');
  const b: Builder = { cells: [], row: 0, nCols: 1, warnings: [] };
  let subject = region.subject;
  let i = 0;
  const at = (n: number) => lines[n];

  // 1. Header fields.
  for (; i < lines.length; i++) {
    const l = at(i);
    if (!l || FUND_BLOCK_RE.test(l.text.trim())) break;
    const tokens = l.text.trim().split(/\s+/);
    if (!FIELD_LABELS.includes((tokens[0] ?? '').replace(/[:：]$/, ''))) break;
    let col = 0;
    let value: string[] = [];
    const lines2: [number, number] = [l.lineNo, l.lineNo];
    const flush = () => {
      if (value.length > 0) push(b, value.join(' '), col++, lines2, false);
      value = [];
    };
    for (const tok of tokens) {
      const label = tok.replace(/[:：]$/, '');
      if (FIELD_LABELS.includes(label)) {
        flush();
        push(b, label, col++, lines2, true);
      } else value.push(tok);
    }
    flush();
    if (tokens[0] === '项目名称' || tokens[0] === '项目支出名称') subject = tokens.slice(1).join('') || subject;
    b.row += 1;
  }

  // 2. Funds block: header fragments, then data lines (资金总额： 7.96 7.96 …).
  const fundHeader: TextLine[] = [];
  for (; i < lines.length && !fundsValues(at(i)?.text ?? ''); i++) {
    const l = at(i);
    if (!l || GOAL_HEADER_RE.test(l.text) || INDICATOR_HEADER_START_RE.test(l.text.trim())) break;
    fundHeader.push(l);
  }
  let fundLeaves: string[][] = [];
  if (fundHeader.length > 0) {
    const labels = blockLabels(fundHeader, [...PERFORMANCE_FUND_LABELS, '项目资金预算安排及执行进度（万元）']);
    const blockLabel = labels.find((l) => FUND_BLOCK_RE.test(l));
    fundLeaves = buildLeafPaths(labels.filter((l) => l !== blockLabel && !FUND_BLOCK_RE.test(l)));
    const range: [number, number] = [fundHeader[0]?.lineNo ?? 1, fundHeader.at(-1)?.lineNo ?? 1];
    const header = headerCellsFromPaths([[blockLabel ?? ''], ...fundLeaves], range, b.row);
    for (const c of header.cells) if (c.text !== '') b.cells.push(c);
    b.nCols = Math.max(b.nCols, fundLeaves.length + 1);
    b.row += header.depth;
  }
  for (; i < lines.length; i++) {
    const l = at(i);
    const data = l ? fundsValues(l.text) : undefined;
    if (!l || !data) break;
    const lr: [number, number] = [l.lineNo, l.lineNo];
    push(b, data.label, 0, lr, false);
    // More values than columns: the rate and score columns end the row, so values align right and the
    // surplus (leftmost) values go after the last column, unlabeled and flagged.
    const surplus = fundLeaves.length > 0 ? Math.max(0, data.values.length - fundLeaves.length) : 0;
    data.values.forEach((v, j) => {
      if (j < surplus) push(b, v, 1 + fundLeaves.length + j, lr, false, { confidence: 0.3, notes: ['surplus-value'] });
      else push(b, v, 1 + j - surplus, lr, false);
    });
    if (fundLeaves.length > 0 && data.values.length !== fundLeaves.length)
      b.warnings.push(
        `funds row at line ${l.lineNo} prints ${data.values.length} values for ${fundLeaves.length} columns`,
      );
    b.row += 1;
  }

  // 3. Goals: side label fragments, the 年度目标 | 实际完成情况 header, then the two texts.
  const side: Frag[] = [];
  for (; i < lines.length; i++) {
    const l = at(i);
    if (!l) break;
    if (GOAL_HEADER_RE.test(l.text)) {
      const lr: [number, number] = [l.lineNo, l.lineNo];
      const sideText = side.map((f) => f.text).join('');
      if (sideText) push(b, sideText, 0, span(side, l.lineNo), true);
      const [planned, actual] = l.text.trim().split(/\s+/);
      push(b, planned ?? '', 1, lr, true);
      push(b, actual ?? '', 2, lr, true);
      b.row += 1;
      i++;
      break;
    }
    if (INDICATOR_HEADER_START_RE.test(l.text.trim())) break;
    side.push({ text: l.text.trim(), line: l.lineNo });
  }
  const goalFrags: Frag[] = [];
  for (; i < lines.length; i++) {
    const l = at(i);
    const t = l?.text.trim() ?? '';
    if (!l || INDICATOR_HEADER_START_RE.test(t) || (Array.from(t).length === 1 && SIDE_CHARS.has(t))) break;
    if (isSideFragment(t)) continue;
    goalFrags.push({ text: t, line: l.lineNo });
  }
  if (goalFrags.length > 0) {
    const [planned, actual, confidence] = splitGoals(goalFrags);
    const notes = confidence < 1 ? { confidence, notes: ['goal-split-heuristic'] } : {};
    const joined = (fs: Frag[]) => fs.map((f) => f.text).join('');
    push(b, joined(planned), 1, span(planned, goalFrags[0]?.line ?? 1), false, notes);
    push(b, joined(actual), 2, span(actual, goalFrags[0]?.line ?? 1), false, notes);
    b.row += 1;
  }

  // 4. Indicator header (first copy; copies repeated after page breaks are skipped below).
  while (i < lines.length && !INDICATOR_HEADER_START_RE.test(at(i)?.text.trim() ?? '')) i++;
  const indHeader: TextLine[] = [];
  for (; i < lines.length; i++) {
    const l = at(i);
    if (!l) break;
    indHeader.push(l);
    if (INDICATOR_HEADER_END_RE.test(l.text)) {
      i++;
      break;
    }
  }
  const indLabels = blockLabels(indHeader, PERFORMANCE_INDICATOR_LABELS);
  const valueCols = Math.max(1, indLabels.indexOf('分值') - indLabels.indexOf('三级指标') - 1);
  if (indHeader.length > 0) {
    const range: [number, number] = [indHeader[0]?.lineNo ?? 1, indHeader.at(-1)?.lineNo ?? 1];
    indLabels.forEach((label, col) => {
      push(b, label, col, range, true);
    });
    b.row += 1;
  }

  // 5. Indicator rows.
  const weightCol = 3 + valueCols;
  const deviationCol = weightCol + 2;
  let level1: { text: string; lines: [number, number] } | undefined;
  let level2: { text: string; lines: [number, number] } | undefined;
  let frags: Frag[] = [];
  let lastRow = -1;
  const attachDeviation = (dev: Frag[]) => {
    const text = dev.map((f) => f.text).join('');
    if (!text) return;
    if (lastRow < 0) {
      b.warnings.push(`text before the first indicator at line ${dev[0]?.line}`);
      return;
    }
    b.cells.push({ text, row: lastRow, col: deviationCol, header: false, provenance: { lines: span(dev, 1) } });
    b.nCols = Math.max(b.nCols, deviationCol + 1);
  };
  let inRepeatHeader = false;
  for (; i < lines.length; i++) {
    const l = at(i);
    if (!l) break;
    const t = l.text.trim();
    if (TOTAL_RE.test(t)) break;
    if (INDICATOR_HEADER_START_RE.test(t)) inRepeatHeader = true;
    if (inRepeatHeader) {
      if (INDICATOR_HEADER_END_RE.test(t)) inRepeatHeader = false;
      continue;
    }
    const tokens = t.split(/\s+/);
    const isValueLine = tokens.length >= valueCols + 2 && tokens.slice(-2).every((x) => NUMBER_RE.test(x));
    if (!isValueLine) {
      frags.push({ text: t, line: l.lineNo });
      continue;
    }
    const inline = tokens.slice(0, tokens.length - valueCols - 2);
    const values = tokens.slice(tokens.length - valueCols - 2);
    const inlineText = inline.join('');
    let labelStart = frags.findIndex(
      (_, d) =>
        splitLevels(
          frags
            .slice(d)
            .map((f) => f.text)
            .join('') + inlineText,
        ).matched,
    );
    if (labelStart < 0) labelStart = inline.length > 0 && lastRow >= 0 ? frags.length : 0;
    attachDeviation(frags.slice(0, labelStart));
    const labelFrags = [
      ...frags.slice(labelStart),
      ...(inline.length > 0 ? [{ text: inlineText, line: l.lineNo }] : []),
    ];
    frags = [];
    const levels = splitLevels(labelFrags.map((f) => f.text).join(''));
    const where = span(labelFrags, l.lineNo);
    const rest = levels.rest;
    if (levels.level1) level1 = { text: levels.level1, lines: where };
    if (levels.level2) level2 = { text: levels.level2, lines: where };
    if (PLACEHOLDER_RE.test(rest)) continue;
    const lr: [number, number] = [l.lineNo, l.lineNo];
    const filled = (lv: typeof level1, printed: string | undefined) =>
      printed ? {} : { notes: ['filled-down'], confidence: lv ? 0.9 : 0.5 };
    if (level1) push(b, level1.text, 0, level1.lines, false, filled(level1, levels.level1));
    const completed = levels.truncated ? { notes: ['completed-truncated-label'], confidence: 0.8 } : {};
    if (level2) push(b, level2.text, 1, level2.lines, false, { ...filled(level2, levels.level2), ...completed });
    push(b, rest, 2, where, false);
    values.forEach((v, j) => {
      push(b, v, 3 + j, lr, false);
    });
    lastRow = b.row;
    b.row += 1;
  }
  attachDeviation(frags.filter((f) => !isSideFragment(f.text)));

  // 6. 总分 row: label, score(s), grade.
  const total = at(i);
  if (total && TOTAL_RE.test(total.text.trim())) {
    const lr: [number, number] = [total.lineNo, total.lineNo];
    const tokens = total.text.trim().replace(TOTAL_RE, '').trim().split(/\s+/).filter(Boolean);
    push(b, '总分', 0, lr, false, { colspan: weightCol });
    const numbers = tokens.filter((x) => NUMBER_RE.test(x));
    const words = tokens.filter((x) => !NUMBER_RE.test(x));
    // One number is the 得分 (分值 left blank); two are 分值 and 得分.
    numbers.forEach((n, j) => {
      push(b, n, weightCol + 2 - numbers.length + j, lr, false);
    });
    words.forEach((w, j) => {
      push(b, w, deviationCol + j, lr, false, { notes: ['grade'] });
    });
    b.row += 1;
    i++;
  }

  // 7. Analysis rows: label (wrapped over lines, or followed by its text on the same line) and text.
  let current: { label: string; labelLines: [number, number]; text: Frag[] } | undefined;
  const flushAnalysis = () => {
    if (!current) return;
    push(b, current.label, 0, current.labelLines, true);
    push(b, current.text.map((f) => f.text).join(''), 1, span(current.text, current.labelLines[0]), false);
    b.row += 1;
    current = undefined;
  };
  for (; i < lines.length; i++) {
    const l = at(i);
    if (!l) break;
    const t = l.text.trim();
    if (Array.from(t).length === 1 && SIDE_CHARS.has(t)) continue;
    const joined = [t, at(i + 1)?.text.trim() ?? '', at(i + 2)?.text.trim() ?? ''].join('');
    const label = PERFORMANCE_ANALYSIS_LABELS.find((x) => joined.replace(/\s+/g, '').startsWith(x));
    if (label) {
      flushAnalysis();
      // Consume the lines the label covers; what follows it on its last line is the start of its text.
      let need = label.length;
      let j = i;
      let tail = '';
      for (; j < lines.length && need > 0; j++) {
        const piece = (at(j)?.text.trim() ?? '').replace(/\s+/g, ' ');
        const compact = piece.replace(/\s+/g, '');
        if (compact.length <= need) need -= compact.length;
        else {
          tail = piece.slice(piece.length - (compact.length - need)).trim();
          need = 0;
        }
      }
      current = { label, labelLines: [l.lineNo, at(j - 1)?.lineNo ?? l.lineNo], text: [] };
      if (tail) current.text.push({ text: tail, line: at(j - 1)?.lineNo ?? l.lineNo });
      i = j - 1;
      continue;
    }
    current?.text.push({ text: t, line: l.lineNo });
  }
  flushAnalysis();

  if (b.cells.length === 0) return undefined;
  const allLines = [region.title, ...region.caption, ...region.body, ...region.notes].map((l) => l.lineNo);
  const first = region.title.page ?? 1;
  const last = region.notes.at(-1)?.page ?? region.body.at(-1)?.page ?? first;
  const table: ExtractedTableInput = {
    id,
    pages: [first, Math.max(first, last)],
    lines: [Math.min(...allLines), Math.max(...allLines)],
    title: region.titleText,
    caption: [...region.caption, ...region.notes],
    headerRows: 0,
    nRows: b.row,
    nCols: b.nCols,
    cells: b.cells,
    layout: { kind: 'key-value' },
    confidence: b.warnings.length > 0 ? 0.8 : 0.9,
    method: 'text-raw',
    warnings: b.warnings,
  };
  if (subject) table.subject = subject;
  return table;
}
