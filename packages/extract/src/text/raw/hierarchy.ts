/**
 * Column checks of code tables: a parent row = Σ its child rows (类 = Σ款, 款 = Σ项) and the 合计 row = Σ 类
 * rows, per value column. Failures are reported as table warnings; printed numbers are never changed.
 */
import { parseAmount } from '../../common/amount.ts';
import { cmp, dec, sum, toDecimalString } from '../../common/decimal.ts';
import type { CellInput } from './cells.ts';

function amount(text: string | undefined): string {
  const p = text === undefined ? undefined : parseAmount(text);
  return p?.status === 'number' && p.value ? p.value : '0';
}

/** Warnings for parent ≠ Σ children and 合计 ≠ Σ 类 in body rows of a code table (code in column 0). */
export function hierarchyWarnings(cells: readonly CellInput[], firstValueCol: number, nCols: number): string[] {
  const rows = new Map<number, { code?: string; total: boolean; values: Map<number, string> }>();
  for (const c of cells) {
    if (c.header) continue;
    const row = rows.get(c.row) ?? { total: false, values: new Map<number, string>() };
    if (c.col === 0 && /^\d{3}(\d{2}){0,2}$/.test(c.text)) row.code = c.text;
    else if (c.col === 0 && /^(合计|总计)$/.test(c.text)) row.total = true;
    else if (c.col >= firstValueCol) row.values.set(c.col, c.text);
    rows.set(c.row, row);
  }
  const coded = [...rows.values()].filter((r) => r.code !== undefined);
  const warnings: string[] = [];
  for (let col = firstValueCol; col < nCols; col++) {
    for (const parent of coded) {
      const code = parent.code ?? '';
      const children = coded.filter((r) => r.code?.length === code.length + 2 && r.code.startsWith(code));
      if (children.length === 0) continue;
      const expected = sum(children.map((r) => dec(amount(r.values.get(col)))));
      if (cmp(expected, dec(amount(parent.values.get(col)))) !== 0)
        warnings.push(
          `column ${col}: ${code} prints ${amount(parent.values.get(col))}, its rows sum to ${toDecimalString(expected)}`,
        );
    }
    const total = [...rows.values()].find((r) => r.total);
    const top = coded.filter((r) => r.code?.length === 3);
    if (total && top.length > 0) {
      const expected = sum(top.map((r) => dec(amount(r.values.get(col)))));
      if (cmp(expected, dec(amount(total.values.get(col)))) !== 0)
        warnings.push(
          `column ${col}: 合计 prints ${amount(total.values.get(col))}, 类 rows sum to ${toDecimalString(expected)}`,
        );
    }
  }
  return warnings;
}
