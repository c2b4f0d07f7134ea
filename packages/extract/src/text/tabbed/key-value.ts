/**
 * Performance forms (项目支出绩效自评表, 自我评价评分表, 年度预算安排及使用情况统计表): key-value layout.
 * Rows keep their printed order. Field rows (项目名称, 主管部门, 实施单位 …) are emitted label, value, label …
 * left to right. The funds block, the goals block and the indicator block are each aligned under their own
 * printed header row (those header cells carry header: true; headerRows stays 0 because they sit mid-table).
 * Indicator rows get 一级/二级 指标 filled down where the form printed one merged cell for several rows
 * (note 'filled-down'), template placeholders (指标 1:, ……) are skipped, and a text-only line that continues the
 * indicator above (a wrapped name) is joined to it. Goal lines (预期目标 | 实际完成情况) are joined per column.
 */
import { alignRow, levelOf } from './align.ts';
import type { SourceRow } from './blocks.ts';
import { cellKind } from './cell-kind.ts';
import { isFillerCell, squash } from './cells.ts';
import { type ColumnType, labelType } from './column-types.ts';
import { rowSignature } from './header.ts';
import { type BuiltTable, joinSameColumn, type PlacedCell } from './placed.ts';

type Section = 'fields' | 'funds' | 'goals' | 'indicators' | 'other';

const MAX_GOAL_LINES = 4;
const PLACEHOLDER_RE = /^指标\s*\d*\s*[:：]?$/;
const TOTAL_RE = /^(?:总分|合计)$/;
const SUBJECT_LABEL_RE = /^项目(?:支出)?名称[:：]?$/;
/** Field labels of the form's head; a label printed without its value keeps the value column empty. */
const FIELD_LABEL_RE =
  /^(?:项目(?:支出)?名称|主管部门(?:及代码)?|实施单位|项目单位|预算单位|项目负责人|联系人|联系电话|填报单位|项目属性|项目类型)[:：]?$/;

/** Field-row cells as label/value pairs: labels at even columns, each value right after its label. */
function fieldColumns(printed: readonly string[]): number[] {
  let pos = 0;
  return printed.map((text) => {
    if (FIELD_LABEL_RE.test(squash(text)) && pos % 2 === 1) pos++;
    return pos++;
  });
}

/** Which section a row opens, if it is a section header row. */
function sectionOf(cells: readonly string[]): Section | undefined {
  const labels = cells.map(squash);
  if (labels.some((l) => /^一级指标/.test(l)) && labels.some((l) => /^[二三]级指标/.test(l))) return 'indicators';
  if (labels.some((l) => /^年初预算数/.test(l))) return 'funds';
  if (labels.some((l) => /^预期目标/.test(l)) && labels.some((l) => /^实际完成/.test(l))) return 'goals';
  return undefined;
}

/**
 * Join the two halves of an indicator label cut by a line break. Vertical labels are sometimes cut with a
 * character or two printed on both lines (满意度 | 意 度 指 标): when dropping that overlap is what makes a known
 * indicator name (满意度指标), the overlap is dropped; otherwise the halves are joined as printed.
 */
export function joinLabel(first: string, second: string): string {
  const a = squash(first);
  const b = squash(second);
  for (let k = 0; k <= Math.min(a.length, b.length); k++) {
    if (k > 0 && !a.endsWith(b.slice(0, k))) continue;
    const joined = `${a}${b.slice(k)}`;
    if (levelOf(joined) !== 'none') return joined;
  }
  return `${first}${second}`;
}

/** True when a block reads as a performance form. */
export function isKeyValueBlock(rows: readonly SourceRow[]): boolean {
  const sections = new Set(rows.map((r) => sectionOf(r.cells)).filter((s) => s !== undefined));
  return sections.has('indicators') || sections.has('funds');
}

/** Column types of a section header row. */
function templateOf(cells: readonly string[]): ColumnType[] {
  const used = [...cells];
  while (used.length > 0 && used.at(-1) === '') used.pop();
  return used.map((c) => {
    const t = labelType(c);
    return t === 'code' || t === 'line' ? 'text' : t;
  });
}

interface OutRow {
  cells: Map<number, PlacedCell>;
  first: number;
  last: number;
}

/** Build a key-value table from the rows of one performance form. */
export function buildKeyValue(rows: readonly SourceRow[]): BuiltTable {
  const out: OutRow[] = [];
  let section: Section = 'fields';
  let template: ColumnType[] = [];
  let headerSignature = '';
  let subject: string | undefined;
  let goalRow: OutRow | undefined;
  let lastIndicator: OutRow | undefined;
  let level1: PlacedCell | undefined;
  let level2: PlacedCell | undefined;
  let placeholderSince = false;
  const warnings: string[] = [];

  const place = (row: SourceRow, text: string, col: number, extra: Partial<PlacedCell> = {}): PlacedCell => ({
    text,
    row: 0,
    col,
    header: false,
    lines: [row.lineNo, row.lastLineNo],
    page: row.page,
    ...extra,
  });
  const push = (cells: PlacedCell[], row: SourceRow): OutRow => {
    const o: OutRow = { cells: new Map(cells.map((c) => [c.col, c])), first: row.lineNo, last: row.lastLineNo };
    out.push(o);
    return o;
  };
  let headerCells: string[] = [];
  const colOf = (re: RegExp): number => template.findIndex((_, j) => re.test(squash(headerCells[j] ?? '')));

  for (const row of rows) {
    const opened = sectionOf(row.cells);
    if (opened) {
      if (rowSignature(row.cells) === headerSignature) continue;
      section = opened;
      template = templateOf(row.cells);
      headerCells = [...row.cells];
      headerSignature = rowSignature(row.cells);
      goalRow = undefined;
      push(
        row.cells.flatMap((t, j) => (t === '' ? [] : [place(row, t, j, { header: true })])),
        row,
      );
      continue;
    }
    const printed = row.cells.filter((c) => c !== '' && !isFillerCell(c));
    if (printed.length === 0) continue;
    if (section === 'fields') {
      const cols = fieldColumns(printed);
      const cells = printed.map((t, k) => place(row, t, cols[k]!));
      const labelAt = printed.findIndex((t) => SUBJECT_LABEL_RE.test(squash(t)));
      if (labelAt >= 0 && printed[labelAt + 1] !== undefined) subject ??= printed[labelAt + 1];
      push(cells, row);
      continue;
    }
    if (TOTAL_RE.test(squash(printed[0]!)) && section === 'indicators') {
      const numbers = printed.slice(1).filter((t) => cellKind(t) !== 'text');
      const weightCol = colOf(/^分值|权重/);
      const scoreCol = colOf(/得分$/);
      const cells = [place(row, printed[0]!, 0)];
      const [weight, score] = numbers.length >= 2 ? numbers.slice(-2) : [undefined, numbers[0]];
      if (weight !== undefined && weightCol >= 0) cells.push(place(row, weight, weightCol));
      if (score !== undefined && scoreCol >= 0) cells.push(place(row, score, scoreCol));
      push(cells, row);
      continue;
    }
    const alignment = alignRow(row.cells, template);
    const aligned = joinSameColumn(
      row.cells.flatMap((t, i) => {
        if (t === '' || isFillerCell(t)) return [];
        const col = alignment.cols[i] ?? i;
        const moved = col !== i;
        return [
          place(
            row,
            t,
            col,
            moved ? { confidence: alignment.candidates === 1 ? 0.85 : 0.6, notes: [`realigned-from-col-${i}`] } : {},
          ),
        ];
      }),
    );
    if (section === 'goals') {
      // Goal text wraps over a few lines; a line with numbers or indicator names means the goals have ended
      // (their header line may be missing), so it is kept as printed and no longer joined.
      const goalLike =
        printed.every((c) => cellKind(c) === 'text' && levelOf(c) === 'none') &&
        (!goalRow || row.lineNo - goalRow.first <= MAX_GOAL_LINES);
      if (!goalLike) {
        section = 'other';
        push(
          row.cells.flatMap((t, i) => (t === '' ? [] : [place(row, t, i)])),
          row,
        );
        continue;
      }
      if (!goalRow) goalRow = push([], row);
      for (const cell of aligned) {
        const prev = goalRow.cells.get(cell.col);
        goalRow.cells.set(
          cell.col,
          prev ? { ...prev, text: `${prev.text}${cell.text}`, lines: [prev.lines[0], cell.lines[1]] } : cell,
        );
      }
      goalRow.last = row.lastLineNo;
      continue;
    }
    if (section === 'other') {
      push(
        row.cells.flatMap((t, i) => (t === '' ? [] : [place(row, t, i)])),
        row,
      );
      continue;
    }
    if (section === 'funds') {
      push(aligned, row);
      continue;
    }
    // Indicators.
    const l1Col = template.indexOf('l1');
    const l2Col = template.indexOf('l2');
    const nameCol = template.findIndex((t, j) => t === 'text' && j > Math.max(l1Col, l2Col));
    // A lone label in the 一级 column with values but no 二级/三级 beside it is the 三级 name printed left.
    const lone = aligned.filter((c) => c.col === l1Col || c.col === l2Col || c.col === nameCol);
    if (lone.length === 1 && lone[0]!.col === l1Col && aligned.length > 1 && nameCol >= 0) {
      lone[0]!.col = nameCol;
      lone[0]!.confidence = 0.6;
      lone[0]!.notes = [...(lone[0]!.notes ?? []), 'moved-to-name-column'];
    }
    const at = (col: number): PlacedCell | undefined => aligned.find((c) => c.col === col);
    const labelCols = new Set([l1Col, l2Col, nameCol]);
    const name = at(nameCol);
    const isPlaceholder = (c: PlacedCell): boolean => PLACEHOLDER_RE.test(squash(c.text));
    const placeholder = aligned.some(isPlaceholder);
    const onlyLabels = aligned.every((c) => labelCols.has(c.col));
    if (placeholder) {
      const l1 = at(l1Col);
      const l2 = at(l2Col);
      if (l1 && !isPlaceholder(l1)) [level1, level2] = [l1, undefined];
      if (l2 && !isPlaceholder(l2)) {
        level2 = l2;
        // A 二级 label printed on its group's second (指标 2) row was centred on the group: the indicator
        // right above, which printed no 二级 of its own, is the group's first row.
        const above = lastIndicator?.cells.get(l2Col);
        const second = aligned.some((c) => isPlaceholder(c) && /2/.test(c.text));
        if (!l1 && second && lastIndicator && !placeholderSince && above?.notes?.includes('filled-down')) {
          lastIndicator.cells.set(l2Col, { ...l2, notes: ['filled-up'] });
        }
      }
      placeholderSince = true;
      continue;
    }
    // Labels cut by a line break (效 | 益指标, 社会 | 效益指标) only make indicator names when joined: the line
    // continues the row above in every printed column, numbers included (1 | 3 is the printed 13).
    const completes = (col: number): boolean => {
      const prev = lastIndicator?.cells.get(col);
      const cur = row.cells[col] ?? '';
      return !!prev && !prev.notes && cur !== '' && levelOf(cur) === 'none' && levelOf(`${prev.text}${cur}`) !== 'none';
    };
    if (lastIndicator && (completes(l1Col) || completes(l2Col))) {
      const asPrinted = row.cells.flatMap((t, i) => (t === '' || isFillerCell(t) ? [] : [place(row, t, i)]));
      aligned.splice(0, aligned.length, ...asPrinted);
    }
    const cutLabels = lastIndicator !== undefined && (completes(l1Col) || completes(l2Col));
    if (lastIndicator && (cutLabels || (onlyLabels && name))) {
      // A wrapped indicator: its pieces continue the cells of the row above.
      for (const cell of aligned) {
        const prev = lastIndicator.cells.get(cell.col);
        const label = cell.col === l1Col || cell.col === l2Col;
        const text = prev ? (label ? joinLabel(prev.text, cell.text) : `${prev.text}${cell.text}`) : cell.text;
        const joined = prev ? { ...prev, text, lines: [prev.lines[0], cell.lines[1]] as [number, number] } : cell;
        lastIndicator.cells.set(cell.col, joined);
        if (cell.col === l1Col && !prev?.notes) level1 = joined;
        if (cell.col === l2Col && !prev?.notes) level2 = joined;
      }
      lastIndicator.last = row.lastLineNo;
      continue;
    }
    if (at(l1Col)) [level1, level2] = [at(l1Col), undefined];
    if (at(l2Col)) level2 = at(l2Col);
    if (onlyLabels && !name) continue;
    const cells = [...aligned];
    if (l1Col >= 0 && !at(l1Col) && level1) cells.push({ ...level1, row: 0, notes: ['filled-down'] });
    if (l2Col >= 0 && !at(l2Col) && level2) cells.push({ ...level2, row: 0, notes: ['filled-down'] });
    lastIndicator = push(cells, row);
    placeholderSince = false;
  }
  if (out.length === 0) warnings.push('form without rows');
  const cells = out.flatMap((o, r) =>
    [...o.cells.values()].sort((a, b) => a.col - b.col).map((c) => ({ ...c, row: r })),
  );
  const realigned = cells.filter((c) => c.notes?.some((n) => n.startsWith('realigned'))).length;
  const confidence = cells.length === 0 ? 1 : 1 - (0.3 * realigned) / cells.length;
  return {
    cells,
    headerRows: 0,
    layout: { kind: 'key-value' },
    confidence,
    warnings,
    ...(subject !== undefined ? { subject } : {}),
  };
}
