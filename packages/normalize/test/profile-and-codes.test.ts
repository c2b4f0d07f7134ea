/** Code list data, label cleaning, metadata and profile choice. */
import { describe, expect, it } from 'vitest';
import {
  BUDGET_PROFILE,
  defaultCodeList,
  defineProfile,
  FINAL_ACCOUNTS_PROFILE,
  leiCodeByName,
  lookupCode,
  PROFILES,
  selectProfile,
} from '../src/index.ts';
import { findDocumentUnit, findEntity, findYear } from '../src/meta/document-meta.ts';
import { reportTypeOf } from '../src/profile/select.ts';
import { specByTitle } from '../src/tables/recognize.ts';
import { cleanLabel, matchKey, rowNameOf, undouble } from '../src/text/clean.ts';
import { docOf, tableOf } from './builders.ts';

const lines = (...t: string[]) => t.map((text, i) => ({ lineNo: i + 1, text }));

describe('code list v1', () => {
  const list = defaultCodeList();
  const entries = [...list.entries.values()];

  it('holds the 26 类 of the summary tables and every seed code', () => {
    const lei = entries.filter((e) => e.scheme === 'exp_func' && e.level === '类').map((e) => e.code);
    expect(lei).toHaveLength(26);
    expect(lei).toContain('234');
    for (const code of ['2101501', '2296013', '2080505', '21015']) {
      expect(list.entries.get(`exp_func:${code}`)?.source).toMatch(/^seed:/);
    }
    expect(list.entries.get('dep_bgt_eco:39909')?.name).toBe('经常性赠与');
  });

  it('derives level and parent from the code (parent = drop two digits)', () => {
    for (const e of entries) {
      expect(e.level).toBe({ 3: '类', 5: '款', 7: '项' }[e.code.length]);
      expect(e.parent).toBe(e.code.length > 3 ? e.code.slice(0, -2) : '');
      expect(e.source).toMatch(/^(bg|seed:[^|]+(\|seed:[^|]+)*)$/);
    }
  });

  it('checks names: variants and truncations agree, other names are flagged', () => {
    expect(lookupCode(list, 'dep_bgt_eco', '30108', '机关事业单位基本养老保险缴').status).toBe('ok');
    expect(lookupCode(list, 'dep_bgt_eco', '30299', '其他商品服务支出').status).toBe('ok');
    expect(lookupCode(list, 'exp_func', '2101501', '事业运行')).toMatchObject({
      status: 'name_mismatch',
      name: '行政运行',
    });
    expect(lookupCode(list, 'exp_func', '2109998', 'X')).toMatchObject({
      status: 'unknown',
      level: '项',
      parent: '21099',
    });
  });

  it('maps printed 类 names, old names and truncated ones', () => {
    expect(leiCodeByName(list, '二十三、其他支出')?.code).toBe('229');
    expect(leiCodeByName(list, '十八、自然资源海洋气象等支')?.code).toBe('220');
    expect(leiCodeByName(list, '医疗卫生与计划生育支出')?.code).toBe('210');
    expect(leiCodeByName(list, '本年支出合计')).toBeUndefined();
  });
});

describe('label cleaning', () => {
  it('removes markup, doubling, whitespace, ordinals and 其中：', () => {
    expect(cleanLabel('<b>本年收入合计</b>')).toBe('本年收入合计');
    expect(undouble('收入收入')).toBe('收入');
    expect(undouble('人人')).toBe('人人');
    expect(rowNameOf('二十三、其他支出')).toBe('其他支出');
    expect(rowNameOf('（一）行政单位')).toBe('行政单位');
    expect(rowNameOf('其中：财政拨款')).toBe('财政拨款');
    expect(rowNameOf('年度资金总额：')).toBe('年度资金总额');
    expect(rowNameOf('1.副部（省）级及以上领导用车')).toBe('副部（省）级及以上领导用车');
    expect(matchKey('因公出国 (境)费')).toBe(matchKey('因公出国（境）费'));
  });
});

describe('document metadata', () => {
  it('finds entity, year and unit from captions (seeds 000, 001, 002)', () => {
    expect(findEntity(lines('公开01表', '部门：郑州市中原区医疗保障局', '单位：万元'))).toBe('郑州市中原区医疗保障局');
    expect(findEntity(lines('公开部门：原州区医疗保障局'))).toBe('原州区医疗保障局');
    expect(findEntity(lines('部门名称：大宁县医疗保障局 2022年度  金额单位：元'))).toBe('大宁县医疗保障局');
    expect(findYear(lines('', '2023 年度', '原州区医疗保障局'))).toBe('2023');
    expect(findDocumentUnit(lines('金额单位：元', '单位:元', '单位：万元'))).toBe('元');
  });

  it('falls back to the cover (seeds 003, 004)', () => {
    expect(findEntity(lines('', '益阳市医疗保障事务中心', '2023 年度离休人员补助资金 绩效自评报告'))).toBe(
      '益阳市医疗保障事务中心',
    );
    expect(findEntity(lines('2022 年度包头市医疗保险服务中心决算公 开', '批复时间：2023 年 9 月 11 日'))).toBe(
      '包头市医疗保险服务中心',
    );
  });
});

describe('profiles', () => {
  it('picks 预算 from budget titles and 决算 otherwise', () => {
    const budget = docOf([tableOf([['项目']], { title: '2025年部门收入预算总表', headerRows: 1 })]);
    expect(selectProfile(budget).id).toBe('cn-budget');
    const final = docOf([tableOf([['项目']], { title: '收入决算表', headerRows: 1 })]);
    expect(selectProfile(final).id).toBe('cn-final-accounts');
  });

  it('rejects a malformed user profile with a zod error', () => {
    expect(() => defineProfile({ ...FINAL_ACCOUNTS_PROFILE, detect: [] })).toThrow();
    expect(() =>
      defineProfile({
        ...BUDGET_PROFILE,
        tables: [{ kind: 'nope', titles: [], rowKey: 'name', columns: [] }],
      } as never),
    ).toThrow();
  });

  it('exports the identities validation can evaluate', () => {
    const ids = FINAL_ACCOUNTS_PROFILE.identities.map((i) => i.id);
    expect(ids).toContain('summary.income_total');
    expect(ids).toContain('three_public.final_vehicle');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('table recognition by title', () => {
  const kindOf = (title: string, profile = 'cn-final-accounts') => {
    const p = PROFILES.find((x) => x.id === profile);
    return p ? specByTitle(cleanLabel(title), p)?.kind : undefined;
  };

  it('uses the longest alias and exclusions, never the 公开NN表 number', () => {
    expect(kindOf('2022年度收入支出决算总表')).toBe('summary');
    expect(kindOf('财政拨款收入支出决算总表')).toBe('appropriation_summary');
    expect(kindOf('一般公共预算财政拨款支出决算明细表')).toBe('general_budget_basic');
    expect(kindOf('一般公共预算财政拨款“三公”经费支出决算表')).toBe('three_public');
    expect(kindOf('政府性基金预算财政拨款收入支出决算表')).toBe('gov_fund');
    expect(kindOf('项目收入支出决算表')).toBeUndefined();
    expect(kindOf('一般公共预算财政拨款项目支出决算表')).toBeUndefined();
    expect(kindOf('公开07表')).toBeUndefined();
  });

  it('knows the budget template titles', () => {
    expect(kindOf('2025年部门收支总表', 'cn-budget')).toBe('summary');
    expect(kindOf('部门收入总表', 'cn-budget')).toBe('income');
    expect(kindOf('部门支出总表', 'cn-budget')).toBe('expenditure');
    expect(kindOf('财政拨款收支总表', 'cn-budget')).toBe('appropriation_summary');
    expect(kindOf('一般公共预算基本支出表', 'cn-budget')).toBe('general_budget_basic');
    expect(kindOf('2025年部门“三公”经费和机关运行经费预算表', 'cn-budget')).toBe('three_public');
  });
});

describe('report type', () => {
  it('is the profile’s only when the document shows it', () => {
    const perfOnly = docOf(
      [tableOf([['一级指标']], { title: '2023年度项目支出绩效自评表', headerRows: 1 })],
      ['益阳市医疗保障事务中心'],
    );
    expect(reportTypeOf(perfOnly, selectProfile(perfOnly))).toBe('');
    const final = docOf([], ['2022 年度包头市医疗保险服务中心决算公 开']);
    expect(reportTypeOf(final, selectProfile(final))).toBe('决算');
  });
});
