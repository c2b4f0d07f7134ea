/**
 * What each column of a table holds, read from its printed header labels (and, where the header is silent or
 * contradicted, from the body): codes, names, row numbers (行次), amounts.
 */
import type { SourceRow } from './blocks.ts';
import { cellKind, isClearAmount } from './cell-kind.ts';
import { squash } from './cells.ts';
import { isColumnNumberRow } from './header.ts';

export type ColumnType = 'code' | 'text' | 'line' | 'value' | 'any' | 'none' | 'l1' | 'l2';

/** The type a printed header label announces. */
export function labelType(label: string): ColumnType {
  const t = squash(label);
  if (t === '') return 'any';
  if (/^\d{1,2}$/.test(t)) return 'value';
  if (/栏次/.test(t)) return 'text';
  if (/行次|^序号$/.test(t)) return 'line';
  if (/编码|代码|^[类款项]$/.test(t)) return 'code';
  if (/^一级指标/.test(t)) return 'l1';
  if (/^二级指标/.test(t)) return 'l2';
  if (/指标值|目标值|完成值/.test(t)) return 'any';
  if (/^绩效指标|^绩效$/.test(t)) return 'none';
  if (/名称|^项目$|^项目[（(]|^科目$|指标$|^项目资金|^指标|原因|措施|说明|解释|情况|目标$|^年度$/.test(t))
    return 'text';
  return 'value';
}

/** Per column, the type given by the lowest (leaf-most) header label printed in it. */
export function headerTypes(header: readonly SourceRow[], width: number): ColumnType[] {
  const types: ColumnType[] = Array.from({ length: width }, () => 'any');
  for (const row of header) {
    row.cells.forEach((cell, j) => {
      if (cell !== '' && j < width) types[j] = labelType(cell);
    });
  }
  return types;
}

/** Override header types that the body contradicts almost everywhere (a mislabelled or unlabelled column). */
export function correctWithBody(types: ColumnType[], body: readonly SourceRow[]): ColumnType[] {
  return types.map((type, j) => {
    const kinds = body.map((r) => cellKind(r.cells[j] ?? '')).filter((k) => k !== 'blank');
    if (kinds.length < 2) return type;
    const text = kinds.filter((k) => k === 'text').length / kinds.length;
    if (type === 'any') return text >= 0.8 ? 'text' : text <= 0.2 ? 'value' : 'any';
    if (type === 'value' && text >= 0.8) return 'any';
    if (type === 'text' && text <= 0.2) return 'any';
    return type;
  });
}

/** First column of the header's value block (an amount label or a column number). */
function valueStart(header: readonly SourceRow[], types: readonly ColumnType[]): number {
  const fromNumbers = header
    .filter((r) => isColumnNumberRow(r.cells))
    .map((r) => r.cells.findIndex((c) => /^\d{1,2}$/.test(c.trim())))
    .filter((j) => j >= 0);
  if (fromNumbers.length > 0) return Math.min(...fromNumbers);
  return types.indexOf('value');
}

/**
 * Shift the header's amount labels right when every body row prints its amounts further right and prints
 * names where the header puts the first amount: the converter dropped an empty header cell (merged 项目 cell).
 * Converters only ever drop cells, so the rightmost consistent position is the printed one.
 */
export function alignHeaderToBody(header: readonly SourceRow[], body: readonly SourceRow[]): SourceRow[] {
  const width = Math.max(0, ...header.map((r) => r.cells.length));
  const types = headerTypes(header, width);
  const h0 = valueStart(header, types);
  // 栏次 labels sit in the name column and say nothing about a second stub: ignore them here.
  const stubs = headerTypes(
    header.map((r) => ({ ...r, cells: r.cells.map((c) => (/栏\s*次/.test(c) ? '' : c)) })),
    width,
  );
  if (h0 < 0 || stubs.slice(h0).some((t) => t === 'text' || t === 'line' || t === 'code')) return [...header];
  const starts = body.map((r) => r.cells.findIndex(isClearAmount)).filter((j) => j >= 0);
  if (starts.length === 0) return [...header];
  const b0 = Math.max(...starts);
  const textAtStart = body.filter((r) => cellKind(r.cells[h0] ?? '') === 'text').length;
  if (b0 <= h0 || b0 - h0 > 2 || textAtStart * 2 < body.length) return [...header];
  const delta = b0 - h0;
  return header.map((row) => {
    const cells = [...row.cells];
    for (let j = cells.length - 1; j >= h0; j--) {
      const cell = cells[j]!;
      if (cell === '' || labelType(cell) !== 'value') continue;
      cells[j + delta] = cell;
      cells[j] = '';
    }
    return { ...row, cells: Array.from(cells, (c) => c ?? '') };
  });
}
