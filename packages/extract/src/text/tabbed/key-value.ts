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
import { addIndicatorLine, type FormRow, type IndicatorState } from './indicators.ts';
import { type BuiltTable, joinSameColumn, type PlacedCell } from './placed.ts';

type Section = 'fields' | 'funds' | 'goals' | 'indicators' | 'other';

const MAX_GOAL_LINES = 4;
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

/** Build a key-value table from the rows of one performance form. */
export function buildKeyValue(rows: readonly SourceRow[]): BuiltTable {
  const out: FormRow[] = [];
  let section: Section = 'fields';
  let template: ColumnType[] = [];
  let headerSignature = '';
  let subject: string | undefined;
  let goalRow: FormRow | undefined;
  let indicators: IndicatorState = { placeholderSince: false };
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
  const push = (cells: PlacedCell[], row: SourceRow): FormRow => {
    const o: FormRow = { cells: new Map(cells.map((c) => [c.col, c])), first: row.lineNo, last: row.lastLineNo };
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
      indicators = { placeholderSince: false };
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
    const emitted = addIndicatorLine(indicators, row, aligned, template);
    if (emitted) indicators.last = push(emitted, row);
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
