/** Reading 一级 / 二级 / 三级 indicator names out of the joined label text of a performance-form row. */
import { LEVEL1_INDICATORS, LEVEL2_INDICATORS } from './lexicon.ts';

/** Characters of the vertical side labels (项目年度绩效目标, 绩效指标, 项目绩效分析, 自评结果分析). */
export const SIDE_CHARS: ReadonlySet<string> = new Set(Array.from('项目年度绩效指标分析自评结果'));

/** Split `s` into 一级 / 二级 / 三级 after dropping vertical side-label characters before the first level. */
export function splitLevels(s: string): {
  level1?: string;
  level2?: string;
  rest: string;
  matched: boolean;
  truncated?: boolean;
} {
  const chars = Array.from(s);
  for (let p = 0; p <= chars.length; p++) {
    if (p > 0 && !SIDE_CHARS.has(chars[p - 1] ?? '')) break;
    const rest = chars.slice(p).join('');
    const l1 = LEVEL1_INDICATORS.find((l) => rest.startsWith(l));
    const afterL1 = l1 ? rest.slice(l1.length) : rest;
    const l2AfterL1 = LEVEL2_INDICATORS.find((l) => afterL1.startsWith(l));
    const cut = l1 && !l2AfterL1 ? truncatedLevel2(afterL1) : undefined;
    if (l1 && cut)
      return { level1: l1, level2: cut, rest: afterL1.slice(cut.length - 1), matched: true, truncated: true };
    // 成本指标 is a 一级 name in some templates and a 二级 name in others: it is 一级 only above a 二级.
    if (l1 && (l2AfterL1 || !LEVEL2_INDICATORS.includes(l1))) {
      const out = { level1: l1, rest: l2AfterL1 ? afterL1.slice(l2AfterL1.length) : afterL1, matched: true };
      return l2AfterL1 ? { ...out, level2: l2AfterL1 } : out;
    }
    const l2 = LEVEL2_INDICATORS.find((l) => rest.startsWith(l));
    if (l2) return { level2: l2, rest: rest.slice(l2.length), matched: true };
  }
  const cut = truncatedLevel2(s);
  if (cut) return { level2: cut, rest: s.slice(cut.length - 1), matched: true, truncated: true };
  return { rest: s, matched: false };
}

/**
 * The converter sometimes drops the wrapped last glyph of a 二级 label (`服务对象满意度指` then the 三级 name on
 * the same line): the label less its final 标, when a 三级 name follows.
 */
function truncatedLevel2(s: string): string | undefined {
  return LEVEL2_INDICATORS.find((l) => l.length > 3 && s.startsWith(l.slice(0, -1)) && s.length > l.length);
}
