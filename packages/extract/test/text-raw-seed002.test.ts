/**
 * Seed 002 (raw pdftotext-style text of 大宁县医疗保障局 2022年部门决算): every table and every printed value.
 * Ground truth: corpus/expected/002_*.csv (transcribed by hand from the seed by another engineer, checked by
 * arithmetic in test/seeds-*.test.ts) plus values re-read from the seed text here and checked by arithmetic.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAmount } from '../src/common/amount.ts';
import { add, canonical, cmp, dec, shift, toDecimalString } from '../src/common/decimal.ts';
import { type ExtractedTable, ExtractedTableSchema } from '../src/model.ts';
import { toLines } from '../src/text/lines.ts';
import { extractRawTables } from '../src/text/raw/index.ts';

const ROOT = new URL('../../../', import.meta.url);
const STEM = '002_6a44410de26ff4ed';
let tables: ExtractedTable[] = [];

beforeAll(() => {
  const text = readFileSync(new URL(`corpus/${STEM}.txt`, ROOT), 'utf8');
  tables = extractRawTables(toLines(text)).map((t) => ExtractedTableSchema.parse(t));
});

type Cell = ExtractedTable['cells'][number];
const byTitle = (re: RegExp) => {
  const t = tables.find((x) => re.test(x.title ?? ''));
  if (!t) throw new Error(`no table ${re}`);
  return t;
};
const rowCells = (t: ExtractedTable, row: number) => t.cells.filter((c) => c.row === row && !c.header);
const at = (t: ExtractedTable, row: number, col: number) => rowCells(t, row).find((c) => c.col === col)?.text;

/** Header labels above a body cell: the nearest block of header rows covering its column (栏次 numbers left out). */
function headerPath(t: ExtractedTable, cell: Cell): string[] {
  const covers = (h: Cell, row: number) => h.row <= row && row < h.row + h.rowspan;
  const covering = t.cells.filter(
    (h) => h.header && h.row < cell.row && h.col <= cell.col && cell.col < h.col + h.colspan && !/^\d+$/.test(h.text),
  );
  let row = Math.max(-1, ...covering.map((h) => h.row + h.rowspan - 1));
  const block: Cell[] = [];
  while (row >= 0) {
    const here = covering.filter((h) => covers(h, row) && !block.includes(h));
    if (here.length === 0 && !block.some((h) => covers(h, row))) break;
    block.push(...here);
    row -= 1;
  }
  return block.sort((a, b) => a.row - b.row).map((h) => h.text);
}

/** Rows of a code table as { code, name, values by header label path }. */
function codeRows(t: ExtractedTable) {
  const out = new Map<string, { name: string; values: Map<string, string> }>();
  for (let r = t.headerRows; r < t.nRows; r++) {
    const cells = rowCells(t, r);
    const key = cells.find((c) => c.col === 0)?.text ?? '';
    const values = new Map<string, string>();
    for (const c of cells.filter((c) => c.col >= 2)) values.set(headerPath(t, c).join('/'), c.text);
    out.set(key, { name: cells.find((c) => c.col === 1)?.text ?? key, values });
  }
  return out;
}

describe('seed 002: tables found', () => {
  it('finds 公开01–10 by title and all 12 项目支出绩效自评表', () => {
    const grid = tables.filter((t) => t.layout.kind !== 'key-value').map((t) => t.title);
    expect(grid).toEqual([
      '收入支出决算总表',
      '收入决算表',
      '支出决算表',
      '财政拨款收入支出决算总表',
      '一般公共预算财政拨款支出决算表',
      '一般公共预算财政拨款支出决算明细表',
      '财政拨款“三公”经费支出决算表',
      '政府性基金预算财政拨款收入支出决算表',
      '国有资本经营预算财政拨款支出决算表',
      '部门决算公开相关信息统计表',
    ]);
    const forms = tables.filter((t) => t.layout.kind === 'key-value');
    expect(forms).toHaveLength(12);
    expect(forms.map((t) => t.subject)).toContain('医保档案整理资金');
    expect(tables.every((t) => t.method === 'text-raw')).toBe(true);
  });
  it('keeps captions: table number, 部门名称, unit and notes', () => {
    const t = byTitle(/^收入支出决算总表$/);
    const caption = t.caption.map((c) => c.text.trim());
    expect(caption[0]).toBe('公开01表');
    expect(caption.some((c) => c.includes('金额单位：元'))).toBe(true);
    expect(caption.at(-1)).toMatch(/^注：本表反映部门本年度的总收支/);
    expect(byTitle(/^国有资本经营/).caption.map((c) => c.text)).toContain('说明：本表无数据');
  });
  it('gives every cell a line range inside its table', () => {
    for (const t of tables)
      for (const c of t.cells) {
        const [a, b] = c.provenance.lines ?? [0, 0];
        expect(a).toBeGreaterThanOrEqual(t.lines?.[0] ?? 0);
        expect(b).toBeLessThanOrEqual(t.lines?.[1] ?? 0);
        expect(a).toBeLessThanOrEqual(b);
      }
  });
});

describe('seed 002: 03 支出决算表 (read from lines 380–529)', () => {
  // code, 本年支出合计, 基本支出, 项目支出 as printed; blank = undefined.
  const printed: [string, string, string | undefined, string | undefined][] = [
    ['合计', '16296005.96', '2541892.36', '13754113.60'],
    ['208', '2126408.93', '264988.93', '1861420.00'],
    ['20805', '264988.93', '264988.93', undefined],
    ['2080501', '16212.00', '16212.00', undefined],
    ['2080505', '234203.54', '234203.54', undefined],
    ['2080506', '14573.39', '14573.39', undefined],
    ['20830', '1861420.00', undefined, '1861420.00'],
    ['2083099', '1861420.00', undefined, '1861420.00'],
    ['210', '13828310.03', '2075616.43', '11752693.60'],
    ['21011', '104087.51', '104087.51', undefined],
    ['2101101', '25451.16', '25451.16', undefined],
    ['2101102', '78636.35', '78636.35', undefined],
    ['21012', '4480425.60', undefined, '4480425.60'],
    ['2101202', '4480425.60', undefined, '4480425.60'],
    ['21013', '5320000.00', undefined, '5320000.00'],
    ['2101301', '5320000.00', undefined, '5320000.00'],
    ['21015', '3923796.92', '1971528.92', '1952268.00'],
    ['2101501', '580897.52', '580897.52', undefined],
    ['2101502', '605268.00', undefined, '605268.00'],
    ['2101550', '1390631.40', '1390631.40', undefined],
    ['2101599', '1347000.00', undefined, '1347000.00'],
    ['221', '201287.00', '201287.00', undefined],
    ['22102', '201287.00', '201287.00', undefined],
    ['2210201', '201287.00', '201287.00', undefined],
    ['229', '140000.00', undefined, '140000.00'],
    ['22960', '140000.00', undefined, '140000.00'],
    ['2296013', '140000.00', undefined, '140000.00'],
  ];
  it('transcription is consistent: 本年支出合计 = 基本 + 项目 on every row', () => {
    for (const [, total, basic, project] of printed)
      expect(toDecimalString(add(dec(basic ?? '0'), dec(project ?? '0')))).toBe(canonical(total));
  });
  it('extracts every row with each amount under its printed column', () => {
    const rows = codeRows(byTitle(/^支出决算表$/));
    expect(rows.size).toBe(printed.length);
    for (const [code, total, basic, project] of printed) {
      const row = rows.get(code);
      expect(row, code).toBeDefined();
      expect(row?.values.get('本年支出合计')).toBe(total);
      expect(row?.values.get('基本支出')).toBe(basic);
      expect(row?.values.get('项目支出')).toBe(project);
      expect(row?.values.size).toBe([total, basic, project].filter(Boolean).length);
    }
    expect(rows.get('2101202')?.name).toBe('财政对城乡居民基本医疗保险基金的补助');
  });
});

describe('seed 002: 02 收入决算表', () => {
  it('has 7 value columns with 栏次 1–7 and every row = 财政拨款收入 only', () => {
    const t = byTitle(/^收入决算表$/);
    const labels = t.cells.filter((c) => c.header && c.row === 0 && c.col >= 2).map((c) => c.text);
    expect(labels).toEqual([
      '本年收入合计',
      '财政拨款收入',
      '上级补助收入',
      '事业收入',
      '经营收入',
      '附属单位上缴收入',
      '其他收入',
    ]);
    const rows = codeRows(t);
    expect(rows.size).toBe(27);
    for (const [code, row] of rows) {
      expect([...row.values.keys()], code).toEqual(['本年收入合计', '财政拨款收入']);
      expect(row.values.get('本年收入合计')).toBe(row.values.get('财政拨款收入'));
    }
    expect(rows.get('合计')?.values.get('本年收入合计')).toBe('16296005.96');
  });
});

describe('seed 002: 06 明细表 unpivoted from 4 side-by-side blocks', () => {
  it('reads codes, amounts and glued/doubled cells', () => {
    const t = byTitle(/明细表$/);
    expect(t.layout).toEqual({ kind: 'side-by-side', blockWidth: 4 });
    expect(t.nCols).toBe(4);
    const rows = codeRows(t);
    const amount = (code: string) => rows.get(code)?.values.get('金额');
    const basic = (code: string) => rows.get(code)?.values.get('其中：基本支出');
    // 301301 工资福利支出工资福利支出 2315122.76 2315122.76302302 (line 881)
    expect(rows.get('301')?.name).toBe('工资福利支出');
    expect([amount('301'), basic('301')]).toEqual(['2315122.76', '2315122.76']);
    expect([amount('302'), basic('302')]).toEqual(['986951.60', '210557.60']);
    // 30101 基本工资 950305.00 950305.0030201 办公费 147917.60 46935.6030701 (line 896)
    expect([amount('30101'), basic('30101')]).toEqual(['950305.00', '950305.00']);
    expect([amount('30201'), basic('30201')]).toEqual(['147917.60', '46935.60']);
    expect(rows.get('30701')?.values.size).toBe(0);
    expect([amount('30207'), basic('30207')]).toEqual(['23989.00', '3989.00']);
    expect([amount('303'), basic('303')]).toEqual(['12804301.60', '16212.00']);
    expect([amount('30307'), basic('30307')]).toEqual(['9800425.60', undefined]);
    expect([amount('309'), basic('309')]).toEqual(['49630.00', '────']);
    expect([amount('30901'), basic('30901')]).toEqual([undefined, '────']);
    expect([amount('30299'), basic('30299')]).toEqual(['71252.00', '31300.00']);
    expect(rows.get('39909')?.name).toBe('经常性赠与');
    const glued = t.cells.find((c) => c.text === '30201');
    expect(glued?.notes).toContain('split-glued-number');
    const doubled = t.cells.find((c) => c.text === '302' && c.col === 0);
    expect(doubled?.notes).toEqual(expect.arrayContaining(['split-glued-number', 'undoubled-code']));
  });
  it('keeps the footer rows, and they equal Σ of their 类 rows', () => {
    const rows = codeRows(byTitle(/明细表$/));
    const sum = (codes: string[], key: string) =>
      toDecimalString(codes.reduce((acc, c) => add(acc, dec(rows.get(c)?.values.get(key) ?? '0')), dec('0')));
    expect(rows.get('人员经费合计')?.values.get('金额')).toBe('15119424.36');
    expect(sum(['301', '303'], '金额')).toBe('15119424.36');
    expect(sum(['301', '303'], '其中：基本支出')).toBe(canonical('2331334.76'));
    expect(rows.get('公用经费合计')?.values.get('金额')).toBe('1036581.60');
    expect(sum(['302', '309'], '金额')).toBe(canonical('1036581.60'));
    // 30101 … 30199 sum to 301 (children of a 类 in the economic code list).
    const children = [...rows.keys()].filter((c) => /^301\d\d$/.test(c));
    expect(sum(children, '金额')).toBe(canonical('2315122.76'));
  });
});

describe('seed 002: two-sided and label tables', () => {
  it('01: both sides with 行次 and 决算数 per side', () => {
    const t = byTitle(/^收入支出决算总表$/);
    const top = t.cells.filter((c) => c.header && c.row === 0).map((c) => [c.text, c.colspan]);
    expect(top).toEqual([
      ['收入', 3],
      ['支出', 3],
    ]);
    const row = t.cells.find((c) => c.text === '本年收入合计')?.row ?? -1;
    expect([at(t, row, 1), at(t, row, 2), at(t, row, 3), at(t, row, 4), at(t, row, 5)]).toEqual([
      '27',
      '16296005.96',
      '本年支出合计',
      '58.00',
      '16296005.96',
    ]);
    const health = t.cells.find((c) => c.text === '九、卫生健康支出')?.row ?? -1;
    expect([at(t, health, 0), at(t, health, 1), at(t, health, 2), at(t, health, 5)]).toEqual([
      undefined,
      '9.00',
      undefined,
      '13828310.03',
    ]);
  });
  it('04: expenditure side 合计 = 一般公共预算 + 政府性基金 + 国有资本 on every printed row', () => {
    const t = byTitle(/^财政拨款收入支出决算总表$/);
    let checked = 0;
    for (let r = t.headerRows; r < t.nRows; r++) {
      const total = at(t, r, 5);
      if (!total) continue;
      const parts = [6, 7, 8].map((c) => dec(parseAmount(at(t, r, c) ?? '').value ?? '0'));
      expect(cmp(parts.reduce(add), dec(total))).toBe(0);
      checked++;
    }
    expect(checked).toBe(6);
  });
  it('10: sections, repeated header and 行次 rows', () => {
    const t = byTitle(/统计表$/);
    const texts = t.cells.map((c) => c.text);
    expect(texts).toEqual(
      expect.arrayContaining(['一、政府采购情况', '二、机关运行经费', '三、国有资产占用情况', '统计数']),
    );
    const row = t.cells.find((c) => c.text === '（一）行政单位')?.row ?? -1;
    expect([at(t, row, 1), at(t, row, 2)]).toEqual(['5', '210557.60']);
  });
});

/** Printed forms of an expected value (money back in 万元 for performance funds, rates in %). */
function printedForms(text: string): string[] {
  const out = [text.replace(/\s+/g, '')];
  const p = parseAmount(text.replace(/%$/, ''));
  if (p.status === 'number' && p.value) {
    out.push(p.value, toDecimalString(shift(dec(p.value), 4)));
    if (text.endsWith('%')) out.push(toDecimalString({ units: dec(p.value).units, scale: dec(p.value).scale + 2 }));
  }
  return out;
}

const GRID_KINDS: Record<string, [RegExp, Record<string, RegExp>]> = {
  summary: [/^收入支出决算总表$/, { amount: /决算数/ }],
  income: [/^收入决算表$/, { total: /本年收入合计/, fiscal: /财政拨款收入/ }],
  expenditure: [/^支出决算表$/, { total: /本年支出合计/, basic: /^基本支出$/, project: /^项目支出$/ }],
  appropriation_summary: [
    /^财政拨款收入支出决算总表$/,
    { amount: /金额/, total: /合计/, general_budget: /一般公共预算/, gov_fund: /政府性基金/ },
  ],
  general_budget: [/^一般公共预算财政拨款支出决算表$/, { total: /小计|合计/, basic: /基本支出/, project: /项目支出/ }],
  general_budget_basic: [/明细表$/, { amount: /^金额$/, basic: /其中：基本支出/ }],
  gov_fund: [/^政府性基金/, { income: /^本年收入$/, total: /本年支出\/小计/, project: /本年支出\/项目支出/ }],
  other_info: [/统计表$/, { amount: /采购金额|统计数/ }],
};
const PERF_KEYS: Record<string, RegExp> = {
  initial_budget_declared: /目标申报数/,
  initial_budget: /预算编制数/,
  full_year_budget: /全年预算数/,
  executed: /全年执行数/,
  balance: /资金结/,
  execution_rate: /执行率/,
  score: /得分/,
  target: /年初指标值/,
  target_adjusted: /调整后指标值/,
  actual: /实际完成值/,
  weight: /分值/,
  deviation: /偏差原因/,
  goal_planned: /年度目标/,
  goal_actual: /实际完成情况/,
};

function expected(kind: string): string[][] {
  const text = readFileSync(new URL(`corpus/expected/${STEM}.${kind}.csv`, ROOT), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}

describe('seed 002: every value of corpus/expected is extracted, at its line, under its column', () => {
  it('公开01–10 (tables.csv)', () => {
    const rows = expected('tables');
    const failures: string[] = [];
    const used = new Set<Cell>();
    for (const [kind, , side, code, , name, , key, value, line] of rows) {
      const [titleRe, keys]: [RegExp, Record<string, RegExp>] = GRID_KINDS[kind ?? ''] ?? [/^$/, {}];
      const t = byTitle(titleRe);
      const cell = t.cells.find(
        (c) =>
          !c.header &&
          !used.has(c) &&
          c.provenance.lines?.[0] === Number(line) &&
          printedForms(c.text).includes(canonical(value ?? '')),
      );
      const path = cell ? headerPath(t, cell).join('/') : '';
      const labelOk = cell && (keys[key ?? '']?.test(path) ?? false);
      const sideOk = !side || !cell || path.startsWith(side === 'income' ? '收入' : '支出');
      const keyText = rowCells(t, cell?.row ?? -1).map((c) => c.text);
      const rowOk = code
        ? keyText.includes(code) || keyText.some((x) => x.includes(name ?? ''))
        : keyText.some((x) => x.includes(name ?? ''));
      if (!cell || !labelOk || !sideOk || !rowOk)
        failures.push(`${kind} ${code || name} ${key}=${value} @${line} → ${path}`);
      else used.add(cell);
    }
    expect(failures).toEqual([]);
    expect(rows.length).toBe(264);
  });
  it('项目支出绩效自评表 (performance.csv)', () => {
    const rows = expected('performance');
    const failures: string[] = [];
    const used = new Set<Cell>();
    const forms = tables.filter((t) => t.layout.kind === 'key-value');
    for (const [, project, , , rowPath, name, , key, value, line] of rows) {
      const candidates = forms.filter((t) => t.subject === project);
      const want = /^-?[\d.]+$/.test(value ?? '') ? canonical(value ?? '') : (value ?? '');
      let found: Cell | undefined;
      for (const t of candidates) {
        found = t.cells.find((c) => {
          if (c.header || used.has(c) || !printedForms(c.text).includes(want)) return false;
          const [a, b] = c.provenance.lines ?? [0, 0];
          if (Number(line) < a || Number(line) > b) return false;
          const labels = rowCells(t, c.row).map((x) => x.text);
          if (rowPath && !rowPath.split(' / ').every((p) => labels.includes(p))) return false;
          if (rowPath && !labels.includes(name ?? '')) return false;
          if (key === 'text' || key === 'grade') return true;
          const re = PERF_KEYS[key ?? ''];
          return re ? re.test(headerPath(t, c).join('/')) : false;
        });
        if (found) break;
      }
      if (found) used.add(found);
      else failures.push(`${project} ${rowPath} ${name} ${key}=${value} @${line}`);
    }
    expect(failures).toEqual([]);
    expect(rows.length).toBe(592);
  });
});
