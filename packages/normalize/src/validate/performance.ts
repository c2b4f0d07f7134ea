/**
 * 项目支出绩效自评表: 执行率 = 全年执行数 / 全年预算数 (to the printed precision of the rate); the funds block's
 * 资金总额 = Σ its sources (财政拨款, 上年结转, 其他资金 …) in each amount column; the funds block's 得分 =
 * 分值 × 执行率 (at most 分值 when more than the budget was spent); and 总分 = Σ indicator 得分/分值, with or
 * without the funds block's own 分值 (templates differ on whether 执行率 is scored).
 */
import { add, cmp, type Dec, dec, isDecimal, sub, toDecimalString, within } from '@ledgerlift/extract';
import type { NormalizedDocument, NormalizedRow, NormalizedTable, ValidationResult } from '../model.ts';
import { columnTerms, rowLabel, termOf } from './cells.ts';
import { checkIdentity } from './identity.ts';
import { nameMatches } from './names.ts';

const FUNDS_TOTAL = /^(年度)?资金总额$/;
/** The sources a funds total is split into, as templates print them (其中 lines included). */
const FUNDS_SOURCE =
  /^(其中[:：]?)?(当年|本年)?(财政拨款|上年结转(资金)?|上年结余(资金)?|其他资金|政府预算资金|财政专户管理资金|单位资金)$/;
const FUNDS_COLUMNS = ['initial_budget', 'full_year_budget', 'executed'] as const;
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

/** 资金总额 = Σ its printed sources in `column`; none when no source prints a number there. */
function fundsSourcesCheck(
  doc: NormalizedDocument,
  table: NormalizedTable,
  total: NormalizedRow | undefined,
  column: string,
): ValidationResult | undefined {
  const sources = table.rows.filter((r) => !r.path && nameMatches(r, FUNDS_SOURCE));
  if (total?.values[column]?.status !== 'number' || !sources.some((r) => r.values[column]?.status === 'number'))
    return undefined;
  return checkIdentity({
    document: doc.meta.document,
    check: `performance/funds-sources-${column}/${table.id}`,
    description: `${table.id} performance ${table.project}: 资金总额 [${column}] = Σ sources`,
    left: [termOf(table, total, column)],
    right: columnTerms(table, sources, column),
    tables: [table],
  });
}

/** Decimal places of a printed number, as the step it was rounded to ("7.26" → 0.01). */
function printedStep(printed: string): Dec {
  return { units: 1n, scale: /\.(\d+)/.exec(printed)?.[1]?.length ?? 0 };
}

/**
 * The funds block's score: 分值 × 执行率, to the score's printed precision plus the rate's rounding; a rate over
 * 100% scores at most 分值 (templates then deduct for overspending by rules of their own).
 */
function fundsScoreCheck(
  doc: NormalizedDocument,
  table: NormalizedTable,
  row: NormalizedRow | undefined,
): ValidationResult | undefined {
  const rate = row?.values.execution_rate;
  const weight = row ? termOf(table, row, 'weight') : undefined;
  const score = row ? termOf(table, row, 'score') : undefined;
  const rateStep = rate ? percentStep(rate.printed) : undefined;
  if (!row || rate?.status !== 'number' || !isDecimal(rate.value) || !rateStep || !weight?.value || !score?.value)
    return undefined;
  const rateValue = dec(rate.value);
  const over = cmp(rateValue, dec('1')) > 0;
  const expected = over ? weight.value : mul(rateValue, weight.value);
  const half = { units: 5n, scale: printedStep(row.values.score?.printed ?? '').scale + 1 };
  const tolerance = add(half, mul(rateStep, weight.value));
  const ok = over ? cmp(score.value, weight.value) <= 0 : within(score.value, expected, tolerance);
  return {
    document: doc.meta.document,
    check: `performance/funds-score/${table.id}`,
    description: over
      ? `${table.id} performance ${table.project}: 资金执行 得分 ≤ 分值 (执行率 over 100%)`
      : `${table.id} performance ${table.project}: 资金执行 得分 = 分值 × 执行率`,
    status: ok ? 'pass' : 'fail',
    severity: ok ? 'info' : 'error',
    expected: toDecimalString(expected),
    actual: toDecimalString(score.value),
    difference: toDecimalString(sub(score.value, expected)),
    tolerance: over ? '0' : toDecimalString(tolerance),
    tolerance_reason: over
      ? 'a score never exceeds its 分值'
      : `得分 rounded to its printed places (±${toDecimalString(half)}) plus 执行率 printed as ${rate.printed} (±${toDecimalString(rateStep)} × 分值)`,
    cells: [termOf(table, row, 'execution_rate'), weight, score].flatMap((t) => (t.cell ? [t.cell] : [])),
    message: ok
      ? 'score agrees with the rate'
      : `得分 ${score.cell?.value} against 分值 ${weight.cell?.value} × ${rate.printed}`,
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
  const funds = table.rows.find((r) => !r.path && nameMatches(r, FUNDS_TOTAL));
  return [
    ...table.rows.map((r) => rateCheck(doc, table, r)),
    ...FUNDS_COLUMNS.map((c) => fundsSourcesCheck(doc, table, funds, c)),
    fundsScoreCheck(doc, table, funds),
    totalCheck(doc, table, 'score'),
    totalCheck(doc, table, 'weight'),
  ].filter((r): r is ValidationResult => r !== undefined);
}
