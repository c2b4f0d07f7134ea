import { describe, expect, it } from 'vitest';
import { defineProfile, FINAL_ACCOUNTS_PROFILE } from '../src/index.ts';
import { specByTitle, substringDistance } from '../src/tables/recognize.ts';

const profile = defineProfile(FINAL_ACCOUNTS_PROFILE);
const kindOf = (title: string, tolerant: boolean) => specByTitle(title, profile, tolerant)?.kind;

describe('substringDistance', () => {
  it('counts the edits to find a pattern inside a longer text', () => {
    expect(substringDistance('拨款支出', '2024年度财政拨款支出决算表')).toBe(0);
    expect(substringDistance('拨款支出', '2024年度财政拔款支出决算表')).toBe(1); // 拨 read as 拔
    expect(substringDistance('一般公共', '2024年度般公共预算')).toBe(1); // 一 lost
    expect(substringDistance('基本支出', '财政拨款支出')).toBe(2); // 基本 missing
  });
});

describe('table titles read by OCR', () => {
  it('name their kind despite a misread or lost character', () => {
    // Titles as tesseract read them from the scanned fixtures: 一 as _, 拨 as 拔, spaces inserted.
    expect(kindOf('2024年度_般公共预算财政拔款支出决算表', true)).toBe('general_budget');
    expect(kindOf('2024 年度_ 般公共预算财政拨款支出决算表', true)).toBe('general_budget');
    // Printed text is matched exactly: the same misread title only finds the short 支出决算表 alias in it.
    expect(kindOf('2024年度_般公共预算财政拔款支出决算表', false)).toBe('expenditure');
  });

  it('keep an exact title over a longer alias one insertion away (基本)', () => {
    expect(kindOf('2024年度一般公共预算财政拨款支出决算表', true)).toBe('general_budget');
    expect(kindOf('2024年度一般公共预算财政拨款基本支出决算表', true)).toBe('general_budget_basic');
    expect(kindOf('2024年度一般公共预算财政拔款基本支出决算表', true)).toBe('general_budget_basic');
  });

  it('do not turn unrelated titles into a kind', () => {
    expect(kindOf('部门整体绩效目标表', true)).toBeUndefined();
    expect(kindOf('项目支出绩效自评表', true)).toBe(kindOf('项目支出绩效自评表', false));
  });
});
