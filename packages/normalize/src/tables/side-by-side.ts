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
import { isCode, joinCodeParts, keyByCode, splitCodeName } from './row-keys.ts';

interface Block {
  start: number;
  end: number;
  /** The block's code columns: one, or adjacent 类 | 款 (| 项) columns. */
  codes: number[];
  name: number;
  values: MappedColumn[];
  group: string;
}

const GROUP_RE = /人员经费|公用经费/u;

/**
 * Code columns of each block when the header repeats 科目编码 with other columns between: adjacent code columns
 * (split 类 | 款) belong to one block. Blocks must have the same shape; otherwise the table is one block.
 */
export function codeBlocks(cols: readonly MappedColumn[]): number[][] {
  const blocks: number[][] = [];
  for (const c of cols.filter((x) => x.role === 'code').map((x) => x.col)) {
    const last = blocks.at(-1);
    if (last && c - (last.at(-1) ?? 0) === 1) last.push(c);
    else blocks.push([c]);
  }
  const sameShape = blocks.every((b) => b.length === blocks[0]?.length);
  return blocks.length >= 2 && sameShape ? blocks : blocks.slice(0, 1);
}

function blocksOf(cols: MappedColumn[], nCols: number): Block[] {
  const blocks = codeBlocks(cols);
  return blocks.map((codes, i) => {
    const start = codes[0] ?? 0;
    const end = blocks[i + 1]?.[0] ?? nCols;
    const inBlock = cols.filter((c) => c.col >= start && c.col < end);
    const groupLevel = (cols[start]?.label ?? '').split(' / ').find((l) => GROUP_RE.test(matchKey(l))) ?? '';
    return {
      start,
      end,
      codes,
      name: inBlock.find((c) => c.role === 'name')?.col ?? (codes.at(-1) ?? start) + 1,
      values: inBlock.filter((c) => c.role === 'value'),
      group: groupLevel,
    };
  });
}

/** True when the table still prints repeated code blocks side by side (not already unpivoted by the extractor). */
export function isSideBySide(table: ExtractedTable): boolean {
  const grid = toGrid(table);
  const cols = mapColumns(headerColumns(grid, headerRowCount(table, grid)), [], false);
  return codeBlocks(cols).length >= 2;
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
    const codeOf = (b: Block) => {
      const parts = b.codes.map((c) => texts[c] ?? '');
      const glued = parts.length === 1 ? splitCodeName(parts[0] ?? '') : undefined;
      const joined = joinCodeParts(parts);
      const code = isCode(joined) ? joined : (glued?.code ?? '');
      return { code, name: glued?.name ?? grid.at(r, b.name)?.text ?? '' };
    };
    const coded = blocks.some((b) => codeOf(b).code !== '');
    if (!coded) {
      const keys = [...new Set(blocks[0]?.values.map((v) => v.key) ?? [])];
      rows.push(...readFooter(grid, r, cols, keys.length > 0 ? keys : ['amount'], valueRead));
      continue;
    }
    for (const b of blocks) {
      const { code, name } = codeOf(b);
      if (code === '') continue;
      const rec = emptyRecord();
      keyByCode(rec, ctx.codes, ctx.spec.rowKey === 'exp_func' ? 'exp_func' : 'dep_bgt_eco', code, name);
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
