/**
 * 项目支出绩效自评表: 执行率 = 全年执行数 / 全年预算数 (to the printed precision of the rate), and 总分 = Σ indicator
 * 得分/分值, with or without the funds block's own 分值 (templates differ on whether 执行率 is scored).
 */
import { type Dec, dec, isDecimal, sub, toDecimalString, within } from '@ledgerlift/extract';
import type { NormalizedDocument, NormalizedRow, NormalizedTable, ValidationResult } from '../model.ts';
import { columnTerms, rowLabel, termOf } from './cells.ts';
import { checkIdentity } from './identity.ts';
import { nameMatches } from './names.ts';

const FUNDS_TOTAL = /^(年度)?资金总额$/;
const SCORE_TOTAL = /^(总分|合计)$/;
const SCORES = { perTerm: dec('0'), reason: 'scores are printed exactly' };

function mul(a: Dec, b: Dec): Dec {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/**
 * The step a printed percentage was rounded to, as a fraction ("55.2%" → 0.001). Trailing zeros are not taken
 * as precision: "73.30%" is often 73.3% padded by the template.
 */
function percentStep(printed: string): Dec | undefined {
  const m = /(\d+)(?:\.(\d+))?\s*%/.exec(printed.normalize('NFKC'));
  if (!m) return undefined;
  return { units: 1n, scale: (m[2]?.replace(/0+$/, '').length ?? 0) + 2 };
}

function rateCheck(doc: NormalizedDocument, table: NormalizedTable, row: NormalizedRow): ValidationResult | undefined {
  const rate = row.values.execution_rate;
  const budget = termOf(table, row, 'full_year_budget');
  const executed = termOf(table, row, 'executed');
  const step = rate ? percentStep(rate.printed) : undefined;
  if (
    rate?.status !== 'number' ||
    !isDecimal(rate.value) ||
    !step ||
    !budget.value ||
    !executed.value ||
    budget.value.units === 0n
  )
    return undefined;
  const rateTerm = termOf(table, row, 'execution_rate');
  // |rate × budget − executed| ≤ step × budget, i.e. the rate is right to its last printed digit.
  const actual = mul(dec(rate.value), budget.value);
  const tolerance = mul(step, budget.value);
  const ok = within(actual, executed.value, tolerance);
  return {
    document: doc.meta.document,
    check: `performance/execution-rate/${table.id}/${row.name}`,
    description: `${table.id} performance ${table.project}: ${rowLabel(row)}: 执行率 × 全年预算数 = 全年执行数`,
    status: ok ? 'pass' : 'fail',
    severity: ok ? 'info' : 'error',
    expected: toDecimalString(executed.value),
    actual: toDecimalString(actual),
    difference: toDecimalString(sub(actual, executed.value)),
    tolerance: toDecimalString(tolerance),
    tolerance_reason: `执行率 printed as ${rate.printed}: right to ±${toDecimalString(step)} of the budget (trailing zeros not counted as precision)`,
    cells: [rateTerm, budget, executed].flatMap((t) => (t.cell ? [t.cell] : [])),
    message: ok
      ? 'rate agrees with the amounts'
      : `${rate.printed} of ${budget.cell?.value} is not ${executed.cell?.value}`,
  };
}

function totalCheck(doc: NormalizedDocument, table: NormalizedTable, column: 'score' | 'weight') {
  const total = table.rows.find((r) => !r.path && nameMatches(r, SCORE_TOTAL));
  const indicators = table.rows.filter((r) => r.path && r.values[column]?.status === 'number');
  const funds = table.rows.find((r) => nameMatches(r, FUNDS_TOTAL) && r.values[column]?.status === 'number');
  // A total left blank claims nothing (templates often print no 分值 on the 总分 row).
  if (total?.values[column]?.status !== 'number' || indicators.length === 0) return undefined;
  const variant = (withFunds: boolean) =>
    checkIdentity({
      document: doc.meta.document,
      check: `performance/total-${column}/${table.id}`,
      description: `${table.id} performance ${table.project}: 总分 [${column}] = Σ indicators${withFunds ? ' + 资金执行 分' : ''}`,
      left: [termOf(table, total as NormalizedRow, column)],
      right: columnTerms(table, withFunds && funds ? [funds, ...indicators] : indicators, column),
      tables: [table],
      tolerance: SCORES,
      unit: '分',
    });
  const plain = variant(false);
  if (!funds || plain?.status === 'pass') return plain;
  const withFunds = variant(true);
  return withFunds?.status === 'pass' ? withFunds : plain;
}

/** The checks of one performance table. */
export function performanceChecks(doc: NormalizedDocument, table: NormalizedTable): ValidationResult[] {
  return [
    ...table.rows.map((r) => rateCheck(doc, table, r)),
    totalCheck(doc, table, 'score'),
    totalCheck(doc, table, 'weight'),
  ].filter((r): r is ValidationResult => r !== undefined);
}
