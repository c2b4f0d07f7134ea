/**
 * 06表 printed as N side-by-side blocks (科目编码 | 科目名称 | 金额 …) on each line: unpivoted into one row per
 * code, with the block's printed group (人员经费 / 公用经费) as row_path, and footers (人员经费合计 …) by name.
 */
import type { ExtractedTable } from '@ledgerlift/extract';
import { readValue } from '../facts/values.ts';
import { matchKey, rowNameOf } from '../text/clean.ts';
import { type MappedColumn, mapColumns } from './columns.ts';
import type { TableContext } from './context.ts';
import { headerColumns, headerRowCount, isAmountText, isColumnNumberRow, rowTexts, toGrid } from './grid.ts';
import { applyRowGroups, type ReadTable } from './grid-table.ts';
import { emptyRecord, type RowRecord } from './record.ts';
import { isCode, keyByCode, splitCodeName } from './row-keys.ts';

interface Block {
  start: number;
  end: number;
  code: number;
  name: number;
  values: MappedColumn[];
  group: string;
}

const GROUP_RE = /人员经费|公用经费/u;

/**
 * Column index of each block's code column when the header repeats 科目编码 with a name column between
 * (split 类 | 款 code columns side by side are one block, not two).
 */
export function blockStarts(cols: readonly MappedColumn[]): number[] {
  const codes = cols.filter((c) => c.role === 'code').map((c) => c.col);
  const blocks = codes.filter((c, i) => i === 0 || c - (codes[i - 1] ?? 0) >= 2);
  return blocks.length >= 2 && codes.length === blocks.length ? blocks : blocks.slice(0, 1);
}

function blocksOf(cols: MappedColumn[], nCols: number): Block[] {
  const starts = blockStarts(cols);
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? nCols;
    const inBlock = cols.filter((c) => c.col >= start && c.col < end);
    const groupLevel = (cols[start]?.label ?? '').split(' / ').find((l) => GROUP_RE.test(matchKey(l))) ?? '';
    return {
      start,
      end,
      code: start,
      name: inBlock.find((c) => c.role === 'name')?.col ?? start + 1,
      values: inBlock.filter((c) => c.role === 'value'),
      group: groupLevel,
    };
  });
}

/** True when the table still prints repeated code blocks side by side (not already unpivoted by the extractor). */
export function isSideBySide(table: ExtractedTable): boolean {
  const grid = toGrid(table);
  const cols = mapColumns(headerColumns(grid, headerRowCount(table, grid)), [], false);
  return blockStarts(cols).length >= 2;
}

/** Read a side-by-side table into one record per printed code, plus footer rows. */
export function readSideBySide(table: ExtractedTable, ctx: TableContext): ReadTable {
  const grid = toGrid(table);
  const h = headerRowCount(table, grid);
  const header = headerColumns(grid, h);
  const cols = mapColumns(header, ctx.spec.columns, false);
  const blocks = blocksOf(cols, grid.nCols);
  const warnings: string[] = [];
  const rows: RowRecord[] = [];
  const headerTexts = new Set(
    Array.from({ length: h }, (_, r) => rowTexts(grid, r))
      .flat()
      .filter((t) => t !== ''),
  );
  const valueRead = (text: string) => readValue(text, 'money', ctx.unitPrinted);
  for (let r = h; r < grid.nRows; r++) {
    const texts = rowTexts(grid, r);
    const filled = texts.filter((t) => t !== '');
    if (filled.length === 0 || isColumnNumberRow(texts)) continue;
    if (filled.every((t) => headerTexts.has(t) && !isAmountText(t))) continue;
    const coded = blocks.some((b) => isCode(texts[b.code] ?? '') || splitCodeName(texts[b.code] ?? ''));
    if (!coded) {
      const keys = [...new Set(blocks[0]?.values.map((v) => v.key) ?? [])];
      rows.push(...readFooter(grid, r, cols, keys.length > 0 ? keys : ['amount'], valueRead));
      continue;
    }
    for (const b of blocks) {
      const codeText = texts[b.code] ?? '';
      const glued = splitCodeName(codeText);
      const code = isCode(codeText) ? codeText : (glued?.code ?? '');
      if (code === '') continue;
      const rec = emptyRecord();
      keyByCode(
        rec,
        ctx.codes,
        ctx.spec.rowKey === 'exp_func' ? 'exp_func' : 'dep_bgt_eco',
        code,
        glued?.name ?? grid.at(r, b.name)?.text ?? '',
      );
      rec.path = b.group;
      for (const v of b.values) {
        const cell = grid.at(r, v.col);
        if (!cell) continue;
        rec.cells.push({ key: v.key, label: v.label, number: v.number, cell, read: valueRead(cell.text) });
      }
      rows.push(rec);
    }
  }
  applyRowGroups(rows, ctx);
  return { rows, warnings, signature: header.map((c) => c.levels.join('/')).join('|'), header };
}

/** Footer rows: each label (人员经费合计, 公用经费合计, 合计) takes the amounts printed to its right, in key order. */
function readFooter(
  grid: ReturnType<typeof toGrid>,
  r: number,
  cols: readonly MappedColumn[],
  keys: readonly string[],
  valueRead: (text: string) => ReturnType<typeof readValue>,
): RowRecord[] {
  const out: RowRecord[] = [];
  let current: RowRecord | undefined;
  for (let c = 0; c < grid.nCols; c++) {
    const cell = grid.at(r, c);
    const text = grid.text(r, c);
    if (!cell || text === '') continue;
    if (!isAmountText(text)) {
      current = emptyRecord();
      current.name = rowNameOf(text);
      current.namePrinted = text;
      out.push(current);
    } else if (current && current.cells.length < keys.length) {
      const col = cols[c];
      const key = keys[current.cells.length] ?? 'amount';
      current.cells.push({ key, label: col?.label ?? '', number: col?.number ?? '', cell, read: valueRead(cell.text) });
    }
  }
  return out.filter((rec) => rec.cells.length > 0);
}
