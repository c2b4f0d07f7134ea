/**
 * Reading a regular grid table (one- or two-sided) into row records. Values are placed by header position;
 * a row printed shifted against its header (name under a money column, or amounts under the code columns)
 * is re-aligned so that its first value lands in the first money column.
 */
import type { ExtractedTable } from '@ledgerlift/extract';
import { readValue } from '../facts/values.ts';
import { cleanLabel } from '../text/clean.ts';
import { type MappedColumn, mapColumns } from './columns.ts';
import type { TableContext } from './context.ts';
import {
  type Grid,
  type HeaderColumn,
  headerColumns,
  headerRowCount,
  isAmountText,
  isColumnNumberRow,
  rowTexts,
  toGrid,
} from './grid.ts';
import { emptyRecord, type RowRecord } from './record.ts';
import { isCode, joinCodeParts, keyByCode, keyByName, lineOf, splitCodeName } from './row-keys.ts';

export interface ReadTable {
  rows: RowRecord[];
  warnings: string[];
  /** Header columns used, so that a header-less continuation on the next page can reuse them. */
  header: HeaderColumn[];
  /** Header signature (cleaned header texts), to recognise a continuation after a page break. */
  signature: string;
}

interface Segment {
  side: RowRecord['side'];
  start: number;
  end: number;
  cols: MappedColumn[];
}

function segments(cols: MappedColumn[], nCols: number, twoSided: boolean): Segment[] {
  if (!twoSided) return [{ side: '', start: 0, end: nCols, cols }];
  const out: Segment[] = [];
  for (const side of ['income', 'expenditure'] as const) {
    const mine = cols.filter((c) => c.side === side);
    if (mine.length === 0) continue;
    const start = Math.min(...mine.map((c) => c.col));
    const end = side === 'expenditure' ? nCols : Math.max(...mine.map((c) => c.col)) + 1;
    out.push({ side, start, end, cols: mine });
  }
  return out;
}

/**
 * Read a grid table with the kind's column specs. A continuation printed without its header (next page)
 * reuses `inherited`, the header of the table it continues.
 */
export function readGridTable(table: ExtractedTable, ctx: TableContext, inherited?: HeaderColumn[]): ReadTable {
  const grid = toGrid(table);
  let h = headerRowCount(table, grid);
  // A continuation whose "header" rows carry no header label at all is data the extractor mis-flagged.
  if (h > 0 && inherited !== undefined && !hasHeaderLabel(grid, h, ctx)) h = 0;
  const reuse = h === 0 && inherited !== undefined && grid.nCols <= inherited.length;
  const header = reuse ? inherited.slice(0, grid.nCols) : headerColumns(grid, h);
  const cols = markGroupColumns(grid, h, mapColumns(header, ctx.spec.columns, ctx.spec.twoSided));
  const headerTexts = new Set(
    Array.from({ length: h }, (_, r) => rowTexts(grid, r))
      .flat()
      .filter((t) => t !== ''),
  );
  const totalInHeader = [...headerTexts].some((t) => /合计$/u.test(t) && t.length <= 6);
  const segs = segments(cols, grid.nCols, ctx.spec.twoSided);
  const warnings: string[] = [];
  const rows: RowRecord[] = [];
  let sawTotal = false;
  for (let r = h; r < grid.nRows; r++) {
    const texts = rowTexts(grid, r);
    if (texts.every((t) => t === '') || isColumnNumberRow(texts)) continue;
    const filled = texts.filter((t) => t !== '');
    if (filled.every((t) => headerTexts.has(t) && !isAmountText(t))) continue;
    for (const seg of segs) {
      const rec = readSegment(grid, r, seg, ctx, warnings);
      if (!rec) continue;
      const coded = ctx.spec.rowKey !== 'name';
      if (coded && rec.name === '' && rec.code === '' && !sawTotal && totalInHeader && rows.length === 0)
        rec.name = '合计';
      if (rec.name === '合计') sawTotal = true;
      rows.push(rec);
    }
  }
  applyRowGroups(rows, ctx);
  const signature = header.map((c) => c.levels.join('/')).join('|');
  return { rows, warnings, signature, header };
}

/** Groups printed over flattened blocks (see TableSpec.rowGroups): coded rows get their group as row_path. */
export function applyRowGroups(rows: RowRecord[], ctx: TableContext): void {
  const groups = ctx.spec.rowGroups;
  const printed = ctx.printedHeader ?? '';
  if (groups.length === 0 || !groups.every((g) => printed.includes(g.path))) return;
  if (rows.some((r) => r.path !== '')) return;
  for (const row of rows) {
    if (row.code === '') continue;
    const cls = row.code.slice(0, 3);
    const group = groups.find((g) => g.classes.includes(cls)) ?? groups.find((g) => g.classes.length === 0);
    if (group) row.path = group.path;
  }
}

const HEADER_WORD_RE = /项目|科目|编码|名称|行次|栏次|合计|小计|决算数|预算数|金额|收入|支出/u;

function hasHeaderLabel(grid: Grid, h: number, ctx: TableContext): boolean {
  const labels = ctx.spec.columns.flatMap((c) => c.labels.flatMap((l) => l.split('&')));
  for (let r = 0; r < h; r++) {
    for (const t of rowTexts(grid, r)) {
      if (t === '' || /^[一二三四五六七八九十]+、/u.test(t)) continue;
      if (HEADER_WORD_RE.test(t) || labels.some((l) => t.includes(l))) return true;
    }
  }
  return false;
}

/**
 * An unlabelled column holding a few repeated labels (人员经费 / 公用经费, as an extractor unpivots a
 * side-by-side 06表) is the rows' group, not a value column.
 */
function markGroupColumns(grid: Grid, h: number, cols: MappedColumn[]): MappedColumn[] {
  return cols.map((col) => {
    if (col.role !== 'value' || col.spec || col.label !== '') return col;
    const body = Array.from({ length: grid.nRows - h }, (_, i) => grid.text(h + i, col.col)).filter((t) => t !== '');
    const distinct = new Set(body);
    const grouping = body.length > distinct.size && distinct.size <= 4 && body.every((t) => !isAmountText(t));
    return grouping ? { ...col, role: 'path' } : col;
  });
}

function readSegment(
  grid: Grid,
  r: number,
  seg: Segment,
  ctx: TableContext,
  warnings: string[],
): RowRecord | undefined {
  const valueCols = seg.cols.filter((c) => c.role === 'value');
  const roleAt = new Map(seg.cols.map((c) => [c.col, c.role]));
  const firstValue = valueCols.length > 0 ? Math.min(...valueCols.map((c) => c.col)) : seg.end;
  const cells: { c: number; text: string }[] = [];
  for (let c = seg.start; c < seg.end; c++) {
    const text = grid.text(r, c);
    if (text !== '') cells.push({ c, text });
  }
  if (cells.length === 0) return undefined;
  const codePart = (c: number, text: string) => roleAt.get(c) === 'code' && /^\d{2}$/u.test(text);
  const keyish = ({ c, text }: { c: number; text: string }) =>
    !isAmountText(text) ||
    (c < firstValue && (isCode(text) || codePart(c, text) || (roleAt.get(c) === 'line' && lineOf(text) !== '')));
  const keyCells = cells.filter(keyish);
  const lastKey = keyCells.length > 0 ? Math.max(...keyCells.map((k) => k.c)) : seg.start - 1;
  const amountInKeys = cells.some(({ c, text }) => c > lastKey && c < firstValue && isAmountText(text));
  // Unknown tables have no canonical columns to re-align against: positions as printed.
  const known = ctx.spec.kind !== 'unknown';
  const shift = known && (lastKey >= firstValue || amountInKeys) ? lastKey + 1 - firstValue : 0;
  const rec = emptyRecord(seg.side);
  const pathCols = new Set(seg.cols.filter((c) => c.role === 'path').map((c) => c.col));
  rec.path = keyCells.find((k) => pathCols.has(k.c))?.text ?? '';
  const keyed = known ? keyCells : keyCells.filter((k) => roleAt.get(k.c) !== 'value');
  rowKey(
    rec,
    keyed.filter((k) => !pathCols.has(k.c)).map((k) => ({ ...k, part: codePart(k.c, k.text) })),
    ctx,
    seg.side,
  );
  const seen = new Set<string>();
  const countUnit = ctx.spec.rowUnits.find((u) => rec.name.includes(u.match))?.unit;
  for (const col of valueCols) {
    const c = col.col + shift;
    const cell = grid.at(r, c);
    if (!cell || c < seg.start || (c >= seg.end && seg.side !== 'expenditure' && seg.side !== '')) continue;
    const key = seen.has(col.key) ? `${col.key}_${col.col + 1}` : col.key;
    seen.add(key);
    rec.cells.push({
      key,
      label: col.label,
      number: col.number,
      cell,
      read: countUnit
        ? readValue(cell.text, 'count', ctx.unitPrinted, countUnit)
        : readValue(cell.text, known ? (col.spec?.type ?? 'money') : 'count', ctx.unitPrinted),
    });
  }
  const mapped = new Set(valueCols.map((v) => v.col + shift));
  for (const { c, text } of cells) {
    if (!mapped.has(c) && c > lastKey && isAmountText(text))
      warnings.push(`row ${r + 1}: value ${text} in col ${c + 1} has no column`);
  }
  const hasValue = rec.cells.some((v) => v.read.status !== 'blank');
  if (rec.name === '' && rec.code === '' && !hasValue) return undefined;
  return rec;
}

function rowKey(
  rec: RowRecord,
  keyCells: { c: number; text: string; part: boolean }[],
  ctx: TableContext,
  side: RowRecord['side'],
): void {
  const texts = keyCells.map((k) => k.text);
  let codeParts = keyCells.filter((k) => isCode(k.text) || k.part).map((k) => k.text);
  let names = keyCells.filter((k) => !isAmountText(k.text) && !isCode(k.text) && !k.part).map((k) => k.text);
  if (ctx.spec.rowKey === 'name') {
    rec.line = texts.map(lineOf).find((l) => l !== '') ?? '';
    codeParts = [];
  }
  const glued = names.map(splitCodeName).find((s) => s !== undefined);
  if (codeParts.length === 0 && glued && ctx.spec.rowKey !== 'name') {
    codeParts = [glued.code];
    names = [glued.name];
  }
  const printed = names[names.length - 1] ?? '';
  const code = joinCodeParts(codeParts);
  if (code !== '' && ctx.spec.rowKey !== 'name') keyByCode(rec, ctx.codes, ctx.spec.rowKey, code, printed);
  else if (printed !== '') keyByName(rec, ctx.codes, printed, ctx.spec.leiByName && side === 'expenditure');
  if (rec.namePrinted === '' && printed !== '') rec.namePrinted = cleanLabel(printed);
}
