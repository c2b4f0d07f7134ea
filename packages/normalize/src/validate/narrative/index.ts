/**
 * Narrative checks: amounts restated in the 情况说明 compared with the table cells they name. The coarser of
 * the two printed precisions decides: "736.87万元" against a 元 table compares the table value rounded to
 * 0.01 万元. A mismatch is a warning (the tables are the data; the text is a restatement).
 */
import { cmp, type Dec, dec, sub, toDecimalString } from '@ledgerlift/extract';
import type { CheckCell, NormalizedDocument, ValidationResult } from '../../model.ts';
import { termOf } from '../cells.ts';
import { classRows } from '../hierarchy.ts';
import { skipped } from '../identity.ts';
import { nameKey } from '../names.ts';
import { tableOf } from '../tables.ts';
import { printsWan } from '../tolerance.ts';
import { findEconomicStatements, findStatements, findThreePublicStatements, type Statement } from './statements.ts';
import { targetOf, targetTable } from './targets.ts';
import { type JoinedText, joinText, linesAt } from './text.ts';

const FEN = dec('0.01');
const WAN_FEN = dec('100');

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const s = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(s - a.scale), b.units * 10n ** BigInt(s - b.scale), s];
}

/** `a` rounded half away from zero to a multiple of `step`. */
export function roundToStep(a: Dec, step: Dec): Dec {
  const [units, stepUnits, scale] = align(a, step);
  const negative = units < 0n;
  const abs = negative ? -units : units;
  let q = abs / stepUnits;
  if ((abs % stepUnits) * 2n >= stepUnits) q += 1n;
  return { units: (negative ? -q : q) * stepUnits, scale };
}

function coarser(a: Dec, b: Dec): Dec {
  return cmp(a, b) >= 0 ? a : b;
}

function narrativeCell(joined: JoinedText, s: Statement): CheckCell {
  const lines = linesAt(joined, s.start, s.end);
  const first = lines[0];
  const last = lines.at(-1);
  return {
    table_id: '',
    table_kind: 'unknown',
    row: joined.text.slice(s.start, s.end),
    column: 'narrative',
    page: first?.page === undefined ? '' : String(first.page),
    source: first && last ? `lines ${first.lineNo}-${last.lineNo}` : '',
    value: toDecimalString(s.value),
  };
}

function checkStatement(doc: NormalizedDocument, joined: JoinedText, s: Statement): ValidationResult | undefined {
  const target = targetOf(s);
  if (!target) return undefined;
  const cell = narrativeCell(joined, s);
  const line = cell.source.replace(/^lines (\d+).*/, '$1');
  const check = `narrative/${target.what}/L${line}`;
  const description = `Text (${cell.source}) restates ${target.what} as ${s.printed}; compared with the ${target.kind} table`;
  const table = targetTable(doc, target);
  if (!table)
    return {
      ...skipped(doc.meta.document, check, description, `table absent or empty: ${target.kind}`),
      cells: [cell],
    };
  const { row, column } = target.locate(table);
  const term = termOf(table, row, column);
  // A blank cell (omitted from values) of a column the table prints reads as 0; a column it never prints does not.
  const printsColumn = table.rows.some((r) => r.values[column] !== undefined);
  if (!row || term.status === 'text' || (term.status === 'missing' && !printsColumn)) {
    const why = !row ? `no row of ${table.id} matches ${target.what}` : `no number in ${table.id} [${column}]`;
    return { ...skipped(doc.meta.document, check, description, why), cells: term.cell ? [cell, term.cell] : [cell] };
  }
  const tableValue = term.value ?? dec('0');
  const step = coarser(s.step, printsWan(table) ? WAN_FEN : FEN);
  const said = roundToStep(s.value, step);
  const printed = roundToStep(tableValue, step);
  const ok = cmp(said, printed) === 0;
  return {
    document: doc.meta.document,
    check,
    description: `${description} ${table.id} ${term.cell?.row ?? ''} [${column}]`,
    status: ok ? 'pass' : 'fail',
    severity: ok ? 'info' : 'warning',
    expected: toDecimalString(tableValue),
    actual: toDecimalString(s.value),
    difference: toDecimalString(sub(s.value, tableValue)),
    tolerance: toDecimalString(step),
    tolerance_reason: `both rounded to ${toDecimalString(step)} 元, the coarser of the text's precision (${s.printed}) and the table's (${
      printsWan(table) ? '0.01 万元' : '0.01 元'
    })`,
    cells: term.cell ? [cell, term.cell] : [cell],
    message: ok
      ? 'text agrees with the table'
      : `text says ${s.printed} (${toDecimalString(s.value)} 元), table prints ${toDecimalString(tableValue)} 元`,
  };
}

/** Every narrative check of one document. */
export function narrativeChecks(doc: NormalizedDocument): ValidationResult[] {
  const joined = joinText(doc.text);
  const seen = new Map<string, number>();
  const results: ValidationResult[] = [];
  const basic = tableOf(doc, 'general_budget_basic');
  const economic = basic ? classRows(basic).map((r) => nameKey(r.name || r.namePrinted)) : [];
  const statements = [
    ...findStatements(joined),
    ...findEconomicStatements(joined, economic),
    ...findThreePublicStatements(joined),
  ].sort((a, b) => a.start - b.start);
  for (const s of statements) {
    const r = checkStatement(doc, joined, s);
    if (!r) continue;
    const n = (seen.get(r.check) ?? 0) + 1;
    seen.set(r.check, n);
    results.push(n === 1 ? r : { ...r, check: `${r.check}#${n}` });
  }
  return results;
}
