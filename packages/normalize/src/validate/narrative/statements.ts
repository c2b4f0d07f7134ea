/**
 * Amounts the 情况说明 text restates: "收入合计736.87万元", "社会保障和就业(类)支出46.98万元",
 * "卫生健康支出(类)医疗救助(款)城乡医疗救助(项)。…支出决算为58.89万元". Pure: text in, statements out.
 */
import { type Dec, dec, parseAmount, shift } from '@ledgerlift/extract';
import type { JoinedText } from './text.ts';

/** Which fund the sentence speaks of, from the words before the label. */
export type Qualifier = 'none' | 'fiscal' | 'general_budget' | 'gov_fund' | 'state_capital' | 'other';

/** The section of the 情况说明 a statement sits in, from the last "…情况说明" heading before it. */
export type Section = 'general_budget' | 'gov_fund' | 'state_capital' | 'expenditure' | 'income';

/** One amount the text restates, with what it names. */
export type Statement =
  | (Base & { type: 'label'; label: string; qualifier: Qualifier })
  | (Base & { type: 'class'; names: [string]; section: Section })
  | (Base & { type: 'item'; names: [string, string, string]; section: Section })
  | (Base & { type: 'economic'; names: [string] })
  | (Base & { type: 'three_public'; column: string });

interface Base {
  /** Value in 元, exactly. */
  value: Dec;
  /** The step the text was printed to, in 元 (0.01 万元 = 100). */
  step: Dec;
  printed: string;
  start: number;
  end: number;
}

const AMOUNT = String.raw`(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)(万元|元)`;
const CONNECT = `(?:决算数|决算)?(?:均为|为|是|共计|共)?:?`;
const NAME = String.raw`[^\x00-\x7f、;:。()“”"]`;

/** Labels read as the total or column they name; longer labels first so the longest wins. */
export const LABELS = [
  '收、?支总计',
  '收入总计',
  '支出总计',
  '本年收入合计',
  '收入合计',
  '本年支出合计',
  '支出合计',
  '财政拨款收入',
  '财政拨款支出',
  '财政拨款基本支出',
  '上级补助收入',
  '附属单位上缴收入',
  '事业收入',
  '经营收入',
  '其他收入',
  '对附属单位补助支出',
  '上缴上级支出',
  '基本支出',
  '项目支出',
  '经营支出',
  '人员经费合计',
  '人员经费',
  '日常公用经费',
  '公用经费合计',
  '公用经费',
  '政府采购支出总额',
  '政府采购货物支出',
  '政府采购工程支出',
  '政府采购服务支出',
  '政府采购服务',
  '机关运行经费支出',
];

const LABEL_RE = new RegExp(`(${LABELS.join('|')})${CONNECT}${AMOUNT}`, 'gu');
const CLASS_RE = new RegExp(`(${NAME}{2,30}?)\\(类\\)(?:支出)?${CONNECT}${AMOUNT}`, 'gu');
const ITEM_RE = new RegExp(`(${NAME}{2,30}?)\\(类\\)(${NAME}{1,30}?)\\(款\\)(${NAME}{1,40}?)\\(项\\)`, 'gu');
const ITEM_AMOUNT_RE = new RegExp(`决算数?(?:为|是)?:?${AMOUNT}`, 'u');
// A fund word swallows a following 预算/财政拨款 so that 政府性基金预算财政拨款 reads as one fund, not as 财政拨款.
const QUALIFIER_RE = /(一般公共预算|政府性基金|国有资[本金]|社会保险基金)(?:经营)?(?:预算)?(?:财政拨款)?|财政拨款/gu;
const FUND_OF: Record<string, Qualifier> = {
  一般公共预算: 'general_budget',
  政府性基金: 'gov_fund',
  国有资本: 'state_capital',
  国有资金: 'state_capital',
  社会保险基金: 'other',
};

function amountOf(number: string, unit: string): { value: Dec; step: Dec; printed: string } | undefined {
  const parsed = parseAmount(number);
  if (parsed.status !== 'number' || parsed.value === undefined) return undefined;
  const k = unit === '万元' ? 4 : 0;
  return {
    value: shift(dec(parsed.value), k),
    step: shift({ units: 1n, scale: parsed.decimals ?? 0 }, k),
    printed: `${number}${unit}`,
  };
}

/** The text of the sentence before `offset` (from the last 。 or ;). */
function sentenceBefore(text: string, offset: number): string {
  const head = text.slice(0, offset);
  return head.slice(Math.max(head.lastIndexOf('。'), head.lastIndexOf(';')) + 1);
}

/** The fund a sentence prefix speaks of: the last fund word, or 财政拨款 alone; 三公 sentences are not summary totals. */
export function qualifierOf(prefix: string): Qualifier {
  if (/三公/.test(prefix)) return 'other';
  let last: Qualifier = 'none';
  for (const m of prefix.matchAll(QUALIFIER_RE)) last = m[1] ? (FUND_OF[m[1]] ?? 'other') : 'fiscal';
  return last;
}

/** The last "…情况说明" heading before `offset` (headings start a sentence in the joined text). */
function headingBefore(text: string, offset: number): string {
  const head = text.slice(0, offset);
  const at = head.lastIndexOf('情况说明');
  return at < 0 ? '' : head.slice(head.lastIndexOf('。', at) + 1, at);
}

/** The table the section at `offset` describes, from its heading; 一般公共预算 when it names none. */
function sectionAt(text: string, offset: number): Section {
  const heading = headingBefore(text, offset);
  if (/政府性基金/.test(heading)) return 'gov_fund';
  if (/国有资本/.test(heading)) return 'state_capital';
  if (/一般公共预算|财政拨款/.test(heading)) return 'general_budget';
  if (/支出决算/.test(heading)) return 'expenditure';
  if (/收入决算/.test(heading)) return 'income';
  return 'general_budget';
}

/** True when the section at `offset` is the 基本支出 one (amounts by economic 类). */
function inBasicSection(text: string, offset: number): boolean {
  return /基本支出/.test(headingBefore(text, offset));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Economic 类 restated by name in the 基本支出 section ("2. 商品和服务支出343,371.77元"): `names` are the 类
 * printed in the document's 基本支出 table; a name must stand on its own (not the tail of a longer name).
 */
export function findEconomicStatements(joined: JoinedText, names: readonly string[]): Statement[] {
  if (names.length === 0) return [];
  const { text } = joined;
  const longestFirst = [...new Set(names)].sort((a, b) => b.length - a.length).map(escapeRe);
  const re = new RegExp(`(?<![\\u4e00-\\u9fff])(${longestFirst.join('|')})${CONNECT}${AMOUNT}`, 'gu');
  const found: Statement[] = [];
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    const amount = amountOf(m[2] ?? '', m[3] ?? '');
    if (!amount || !inBasicSection(text, start)) continue;
    found.push({ type: 'economic', names: [m[1] ?? ''], start, end: start + m[0].length, ...amount });
  }
  return found;
}

/** “三公” items (longest first) and the three_public column suffix each restates. */
const THREE_PUBLIC: [string, string][] = [
  ['“?三公”?经费(?:财政拨款|一般公共预算财政拨款)?支出', 'total'],
  ['因公出国(?:\\(境\\)|境)?费(?:用)?(?:支出)?', 'overseas'],
  ['公务用车购置及运行(?:维护)?费(?:支出)?', 'vehicle_total'],
  ['公务用车购置(?:费)?(?:支出)?', 'vehicle_purchase'],
  ['公务用车运行(?:维护)?(?:费)?(?:支出)?', 'vehicle_operation'],
  ['公务接待费(?:支出)?', 'reception'],
];
const PHASE = `(决算数?|预算数?)?(?:为|是)?:?`;
const THREE_PUBLIC_RE = new RegExp(
  `(${THREE_PUBLIC.map(([l]) => `(?:${l})`).join('|')})${PHASE}${AMOUNT}(?:[,;]?(?:支出)?(决算数?)(?:为|是)?:?${AMOUNT})?`,
  'gu',
);

/**
 * “三公” amounts: "因公出国(境)费支出决算0万元", "公务接待费预算为0元,支出决算为0元" (budget then final);
 * 预算 reads as the budget column, anything else as the final one.
 */
export function findThreePublicStatements(joined: JoinedText): Statement[] {
  const found: Statement[] = [];
  for (const m of joined.text.matchAll(THREE_PUBLIC_RE)) {
    const start = m.index ?? 0;
    const label = m[1] ?? '';
    const field = THREE_PUBLIC.find(([l]) => new RegExp(`^(?:${l})$`, 'u').test(label))?.[1];
    const first = amountOf(m[3] ?? '', m[4] ?? '');
    if (!field || !first) continue;
    const end = start + m[0].length;
    const phase = /预算/.test(m[2] ?? '') ? 'budget' : 'final';
    found.push({ type: 'three_public', column: `${phase}_${field}`, start, end, ...first });
    const second = m[6] ? amountOf(m[6], m[7] ?? '') : undefined;
    if (second && phase === 'budget')
      found.push({ type: 'three_public', column: `final_${field}`, start, end, ...second });
  }
  return found;
}

/** Every restated amount found in the joined text. */
export function findStatements(joined: JoinedText): Statement[] {
  const { text } = joined;
  const found: Statement[] = [];
  for (const m of text.matchAll(LABEL_RE)) {
    const amount = amountOf(m[2] ?? '', m[3] ?? '');
    if (!amount) continue;
    const start = m.index ?? 0;
    const label = m[1] ?? '';
    found.push({
      type: 'label',
      label,
      qualifier: qualifierOf(sentenceBefore(text, start)),
      start,
      end: start + m[0].length,
      ...amount,
    });
  }
  for (const m of text.matchAll(CLASS_RE)) {
    const amount = amountOf(m[2] ?? '', m[3] ?? '');
    if (!amount) continue;
    const start = m.index ?? 0;
    found.push({
      type: 'class',
      names: [m[1] ?? ''],
      section: sectionAt(text, start),
      start,
      end: start + m[0].length,
      ...amount,
    });
  }
  for (const m of text.matchAll(ITEM_RE)) {
    const start = m.index ?? 0;
    const after = start + m[0].length;
    // The amount follows in the same numbered item: up to the next (类) or 200 characters.
    const next = text.indexOf('(类)', after);
    const window = text.slice(after, Math.min(next < 0 ? text.length : next, after + 200));
    const a = ITEM_AMOUNT_RE.exec(window);
    const amount = a && amountOf(a[1] ?? '', a[2] ?? '');
    if (!a || !amount) continue;
    const end = after + (a.index ?? 0) + a[0].length;
    const names: [string, string, string] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    found.push({ type: 'item', names, section: sectionAt(text, start), start, end, ...amount });
  }
  return found.sort((x, y) => x.start - y.start);
}
