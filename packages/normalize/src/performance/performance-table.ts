/**
 * Reading a performance form (项目支出绩效自评表, 000's 预算安排 / 评分 tables) by its row labels: project and
 * header fields, the funds block, the annual goal, every indicator row and the 总分 row.
 */
import type { Cell, ExtractedTable } from '@ledgerlift/extract';
import { readValue } from '../facts/values.ts';
import type { ColumnSpec, PerformanceSpec } from '../profile/schema.ts';
import { matchSpec } from '../tables/columns.ts';
import { isAmountText, isPercentText, toGrid } from '../tables/grid.ts';
import { emptyRecord, type RowRecord } from '../tables/record.ts';
import { cleanLabel, matchKey, rowNameOf } from '../text/clean.ts';
import { type ParsedTarget, parseTarget } from './targets.ts';

export interface PerformanceRead {
  rows: RowRecord[];
  project: string;
  /** Money unit of the funds block as printed (项目资金（万元）), '万元' by default. */
  fundsUnit: string;
  targets: TargetEntry[];
  warnings: string[];
}

/** A target kept with its parse, for tables.json. */
export interface TargetEntry {
  path: string;
  name: string;
  column: string;
  raw: string;
  parsed: ParsedTarget | undefined;
}

type Section = 'none' | 'funds' | 'goal' | 'indicators' | 'done';

const startsWithAny = (text: string, labels: readonly string[]) =>
  labels.find((l) => matchKey(text).startsWith(matchKey(l)));
const isNumberish = (t: string) => isAmountText(t) || isPercentText(t);
const ANNOTATION_RE = /[(（]\d+(?:\.\d+)?分?[)）]$/u;

/** Level label as the contract wants it: whitespace and a trailing weight annotation `(50)` removed. */
export function levelName(text: string): string {
  return cleanLabel(text).replace(ANNOTATION_RE, '');
}

/** Read a performance form; `unitPrinted` is the table's money unit (funds default to 万元). */
export function readPerformance(table: ExtractedTable, spec: PerformanceSpec, unitPrinted: string): PerformanceRead {
  const grid = toGrid(table);
  const rows: RowRecord[] = [];
  const targets: TargetEntry[] = [];
  const warnings: string[] = [];
  let project = '';
  let section: Section = 'none';
  let funds: Map<number, ColumnSpec> = new Map();
  let fundsHeaderJustSeen = false;
  let fundsUnit = unitPrinted === '元' ? '元' : '万元';
  let goal: { planned: number; actual: number; rec: RowRecord; parts: { planned: Cell[]; actual: Cell[] } } | undefined;
  let ind: Map<number, ColumnSpec> = new Map();
  let level1 = '';
  let level2 = '';
  const placeholders = spec.placeholders.map((p) => new RegExp(p, 'u'));

  for (let r = 0; r < grid.nRows && section !== 'done'; r++) {
    const texts = Array.from({ length: grid.nCols }, (_, c) => grid.text(r, c));
    const filled = texts.map((t, c) => ({ t, c })).filter((x) => x.t !== '');
    if (filled.length === 0) continue;
    const first = filled[0]?.t ?? '';

    const wasFundsHeader = fundsHeaderJustSeen;
    fundsHeaderJustSeen = false;
    const projectLabel = startsWithAny(first, spec.projectLabels);
    if (projectLabel) {
      project = valueAfterLabel(texts, filled[0]?.c ?? 0, projectLabel);
      continue;
    }
    const fieldRecs = readFields(grid, r, texts, spec);
    if (fieldRecs.length > 0) {
      rows.push(...fieldRecs);
      continue;
    }
    if (
      filled.filter(({ t }) => spec.fundsColumns.some((s) => matchSpec([t], [s]))).length >= 2 &&
      !texts.some((t) => /一级指标/u.test(t))
    ) {
      // A second header row (目标申报数 | 预算编制数 under 年初预算数) refines the first instead of replacing it.
      if (!(section === 'funds' && wasFundsHeader)) funds = new Map();
      fundsHeaderJustSeen = true;
      for (const { t, c } of filled) {
        const s = matchSpec([t], spec.fundsColumns);
        if (s) funds.set(c, s);
      }
      if (texts.some((t) => t.includes('万元'))) fundsUnit = '万元';
      else if (texts.some((t) => /[(（]元[)）]/u.test(t))) fundsUnit = '元';
      section = 'funds';
      continue;
    }
    const plannedCol = filled.find(({ t }) => spec.goalPlanned.some((g) => matchKey(t) === matchKey(g)))?.c;
    const actualCol = filled.find(({ t }) => spec.goalActual.some((g) => matchKey(t) === matchKey(g)))?.c;
    if (plannedCol !== undefined && actualCol !== undefined && section !== 'indicators') {
      const rec = emptyRecord();
      rec.name = '年度总体目标';
      rec.namePrinted = filled.find(({ c }) => c < plannedCol)?.t ?? '';
      goal = { planned: plannedCol, actual: actualCol, rec, parts: { planned: [], actual: [] } };
      section = 'goal';
      continue;
    }
    if (texts.some((t) => /^一级指标$/u.test(matchKey(t))) && texts.some((t) => /^[二三]级指标$/u.test(matchKey(t)))) {
      if (goal) rows.push(finishGoal(goal));
      goal = undefined;
      ind = new Map();
      for (const { t, c } of filled) {
        const s = matchSpec([t], spec.indicatorColumns);
        if (s) ind.set(c, s);
      }
      section = 'indicators';
      continue;
    }
    if (startsWithAny(first, spec.totalLabels) && section === 'indicators') {
      rows.push(readTotal(grid, r, filled));
      section = 'done';
      continue;
    }
    if (section === 'funds') {
      const rec = readFundsRow(grid, r, texts, funds, fundsUnit);
      if (rec) rows.push(rec);
    } else if (section === 'goal' && goal) {
      for (const { c } of filled) {
        const cell = grid.at(r, c);
        if (!cell) continue;
        const parts = c >= goal.actual ? goal.parts.actual : c >= goal.planned ? goal.parts.planned : undefined;
        // Converted text sometimes repeats the tail of a wrapped cell on the next line; keep it once.
        const sofar = matchKey(parts?.map((p) => p.text).join('') ?? '');
        if (parts && !(sofar !== '' && sofar.endsWith(matchKey(cell.text)))) parts.push(cell);
      }
    } else if (section === 'indicators') {
      const got = readIndicator(grid, r, texts, ind, { level1, level2 }, placeholders);
      if (!got) continue;
      level1 = got.level1;
      level2 = got.level2;
      if (got.rec) {
        rows.push(got.rec);
        for (const v of got.rec.cells)
          if (v.key === 'target' || v.key === 'target_adjusted' || v.key === 'actual')
            targets.push({
              path: got.rec.path,
              name: got.rec.name,
              column: v.key,
              raw: v.read.value,
              parsed: parseTarget(v.read.value),
            });
      }
    }
  }
  if (goal) rows.push(finishGoal(goal));
  return { rows, project, fundsUnit, targets, warnings };
}

function valueAfterLabel(texts: readonly string[], c: number, label: string): string {
  const own = cleanLabel(texts[c] ?? '').replace(/^[^:：]*[:：]/u, '');
  if (own !== '' && own !== cleanLabel(texts[c] ?? '')) return own;
  if (matchKey(texts[c] ?? '').length > matchKey(label).length && !/[:：]/u.test(texts[c] ?? '')) {
    return cleanLabel(texts[c] ?? '').slice(label.length);
  }
  return texts.slice(c + 1).find((t) => t !== '') ?? '';
}

function readFields(
  grid: ReturnType<typeof toGrid>,
  r: number,
  texts: readonly string[],
  spec: PerformanceSpec,
): RowRecord[] {
  const out: RowRecord[] = [];
  const labelAt = (t: string) =>
    Object.entries(spec.fields).find(([, labels]) => labels.some((l) => matchKey(t).startsWith(matchKey(l))));
  for (let c = 0; c < texts.length; c++) {
    const t = texts[c] ?? '';
    const hit = t !== '' ? labelAt(t) : undefined;
    if (!hit) continue;
    const [name, labels] = hit;
    const label = labels.find((l) => matchKey(t).startsWith(matchKey(l))) ?? name;
    let valueCol = c;
    let value = cleanLabel(t).replace(/^[^:：]*[:：]/u, '');
    if (value === cleanLabel(t)) {
      value = '';
      for (let k = c + 1; k < texts.length; k++) {
        const next = texts[k] ?? '';
        if (next === '') continue;
        if (!labelAt(next)) {
          value = next;
          valueCol = k;
        }
        break;
      }
    }
    if (value === '' || matchKey(value) === matchKey(label)) continue;
    const cell = grid.at(r, valueCol);
    if (!cell) continue;
    const rec = emptyRecord();
    rec.name = name;
    rec.namePrinted = t;
    rec.cells.push({
      key: 'text',
      label: name,
      number: '',
      cell,
      read: { ...readValue(value, 'text', ''), printed: cell.text.trim() },
    });
    out.push(rec);
  }
  return out;
}

function alignShift(filled: { c: number; t: string }[], firstValue: number): number {
  const keys = filled.filter(({ t }) => !isNumberish(t));
  const lastKey = keys.length > 0 ? Math.max(...keys.map((k) => k.c)) : -1;
  const amountInKeys = filled.some(({ c, t }) => c > lastKey && c < firstValue && isNumberish(t));
  return lastKey >= firstValue || amountInKeys ? lastKey + 1 - firstValue : 0;
}

function readFundsRow(
  grid: ReturnType<typeof toGrid>,
  r: number,
  texts: readonly string[],
  funds: Map<number, ColumnSpec>,
  unit: string,
): RowRecord | undefined {
  const filled = texts.map((t, c) => ({ t, c })).filter((x) => x.t !== '');
  const label = filled.filter(({ t }) => !isNumberish(t)).pop();
  if (!label || funds.size === 0) return undefined;
  const firstValue = Math.min(...funds.keys());
  const shift = alignShift(filled, firstValue);
  const rec = emptyRecord();
  rec.name = rowNameOf(label.t);
  rec.namePrinted = label.t;
  for (const [col, spec] of funds) {
    const cell = grid.at(r, col + shift);
    if (!cell || cell.text.trim() === '') continue;
    rec.cells.push({
      key: spec.key,
      label: spec.labels[0] ?? spec.key,
      number: '',
      cell,
      read: readValue(cell.text, spec.type, unit),
    });
  }
  return rec.cells.length > 0 ? rec : undefined;
}

/**
 * Converted text sometimes repeats the tail of a wrapped cell (`…稳定运行。基金安全稳定运行。`): a tail of four or
 * more characters printed twice in a row at the end is kept once.
 */
export function dropRepeatedTail(text: string): string {
  for (let n = Math.floor(text.length / 2); n >= 4; n--) {
    const tail = text.slice(-n);
    const before = text.slice(0, -n);
    if (before.endsWith(tail.replace(/^\s+/u, '')) && /[。.;；]$/u.test(tail)) return before;
  }
  return text;
}

function finishGoal(goal: { rec: RowRecord; parts: { planned: Cell[]; actual: Cell[] } }): RowRecord {
  const rec = goal.rec;
  for (const [key, cells] of [
    ['goal_planned', goal.parts.planned],
    ['goal_actual', goal.parts.actual],
  ] as const) {
    const first = cells[0];
    if (!first) continue;
    const text = dropRepeatedTail(cells.map((c) => c.text).join(''));
    const lines = cells.flatMap((c) => c.provenance.lines ?? []);
    const cell: Cell = {
      ...first,
      text,
      provenance:
        lines.length > 0 ? { ...first.provenance, lines: [Math.min(...lines), Math.max(...lines)] } : first.provenance,
    };
    rec.cells.push({
      key,
      label: key === 'goal_planned' ? '预期目标' : '实际完成情况',
      number: '',
      cell,
      read: readValue(text, 'text', ''),
    });
  }
  return rec;
}

function readTotal(grid: ReturnType<typeof toGrid>, r: number, filled: { c: number; t: string }[]): RowRecord {
  const rec = emptyRecord();
  rec.name = '总分';
  rec.namePrinted = filled[0]?.t ?? '';
  const nums = filled.slice(1).filter(({ t }) => isAmountText(t));
  const keys = nums.length >= 2 ? ['weight', 'score'] : ['score'];
  nums.slice(0, 2).forEach(({ c }, i) => {
    const cell = grid.at(r, c);
    if (cell)
      rec.cells.push({
        key: keys[i] ?? 'score',
        label: keys[i] === 'weight' ? '分值' : '得分',
        number: '',
        cell,
        read: readValue(cell.text, 'score', ''),
      });
  });
  const grade = filled.slice(1).find(({ t }) => /^[优良中差]$|^(?:优秀|良好|合格|不合格|较差)$/u.test(t));
  const gradeCell = grade ? grid.at(r, grade.c) : undefined;
  if (gradeCell)
    rec.cells.push({
      key: 'grade',
      label: '等级',
      number: '',
      cell: gradeCell,
      read: readValue(gradeCell.text, 'text', ''),
    });
  return rec;
}

function readIndicator(
  grid: ReturnType<typeof toGrid>,
  r: number,
  texts: readonly string[],
  ind: Map<number, ColumnSpec>,
  carry: { level1: string; level2: string },
  placeholders: readonly RegExp[],
): { level1: string; level2: string; rec: RowRecord | undefined } | undefined {
  const colOf = (key: string) => [...ind.entries()].find(([, s]) => s.key === key)?.[0];
  const weightCol = colOf('weight');
  const l1 = colOf('level1') ?? 0;
  const l2 = colOf('level2') ?? l1 + 1;
  const l3 = colOf('level3') ?? l2 + 1;
  const firstText = Math.min(...[...ind.entries()].filter(([, s]) => !/^level/u.test(s.key)).map(([c]) => c));
  // Anchor: the last pair of plain numbers (分值, 得分) should sit under the header's 分值.
  let shift = 0;
  if (weightCol !== undefined) {
    for (let c = texts.length - 2; c >= 0; c--) {
      if (isAmountText(texts[c] ?? '') && isAmountText(texts[c + 1] ?? '') && !isPercentText(texts[c] ?? '')) {
        shift = c - weightCol;
        break;
      }
    }
  }
  const at = (h: number) => ({ text: texts[h + shift] ?? '', cell: grid.at(r, h + shift) });
  const names = texts
    .map((t, c) => ({ t, h: c - shift }))
    .filter(({ t, h }) => t !== '' && h < firstText && (h >= l1 || h < 0 || !/^绩效/u.test(t)));
  const nameCells = names.filter(({ h }) => h !== l1 - 1 || h < 0);
  const third = nameCells.find(({ h }) => h === l3) ?? nameCells[nameCells.length - 1];
  const levels = nameCells.filter((n) => n !== third).map((n) => ({ ...n, t: levelName(n.t) }));
  let level1 = carry.level1;
  let level2 = carry.level2;
  if (levels.length >= 2) {
    level1 = levels[levels.length - 2]?.t ?? level1;
    level2 = levels[levels.length - 1]?.t ?? level2;
  } else if (levels.length === 1) {
    const only = levels[0];
    const annotated = only !== undefined && ANNOTATION_RE.test(cleanLabel(texts[only.h + shift] ?? ''));
    if (
      only &&
      (annotated || (only.h === l1 && /^(?:产出|效益|满意度|成本|效果|决策|过程|管理)(?:指标)?$/u.test(only.t)))
    ) {
      level1 = only.t;
      level2 = '';
    } else if (only) level2 = only.t;
  }
  const name = third ? cleanLabel(third.t) : '';
  if (name === '' || placeholders.some((p) => p.test(name))) return { level1, level2, rec: undefined };
  const rec = emptyRecord();
  rec.name = name;
  rec.namePrinted = third?.t ?? '';
  rec.path = [level1, level2].filter((l) => l !== '').join(' / ');
  for (const [h, spec] of ind) {
    if (/^level/u.test(spec.key)) continue;
    const { text, cell } = at(h);
    if (!cell || text === '') continue;
    rec.cells.push({
      key: spec.key,
      label: spec.labels[0] ?? spec.key,
      number: '',
      cell,
      read: readValue(cell.text, spec.type, ''),
    });
  }
  return { level1, level2, rec: rec.cells.length > 0 ? rec : undefined };
}
