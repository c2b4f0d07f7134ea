/**
 * Validation on hand-built NormalizedDocuments whose cells are the numbers printed in the seeds (table lines
 * copied from the seed text with their line numbers). Expected outcomes were worked out by hand arithmetic:
 * 000 passes with 万元 rounding noted, 002 passes, 001 fails exactly where it prints inconsistent numbers.
 */
import { readFileSync } from 'node:fs';
import { dec, parseAmount, shift, toDecimalString } from '@ledgerlift/extract';
import { describe, expect, it } from 'vitest';
import {
  type NormalizedDocument,
  type NormalizedRow,
  type NormalizedTable,
  type TableKind,
  ValidationReportSchema,
  type ValidationResult,
  ValidationResultSchema,
} from '../src/model.ts';
import { formatValidationSummary, summarizeValidation, validateDocuments } from '../src/validate/index.ts';

// ---- builder: printed lines → NormalizedTable (the shape the normalizer emits) ----

/** The 26 类 of the summary tables, by printed name (domain notes §2.1). */
const CLASS_CODES: Record<string, string> = {
  一般公共服务支出: '201',
  外交支出: '202',
  国防支出: '203',
  公共安全支出: '204',
  教育支出: '205',
  科学技术支出: '206',
  文化旅游体育与传媒支出: '207',
  社会保障和就业支出: '208',
  卫生健康支出: '210',
  节能环保支出: '211',
  城乡社区支出: '212',
  农林水支出: '213',
  交通运输支出: '214',
  资源勘探工业信息等支出: '215',
  商业服务业等支出: '216',
  金融支出: '217',
  援助其他地区支出: '219',
  自然资源海洋气象等支出: '220',
  住房保障支出: '221',
  粮油物资储备支出: '222',
  国有资本经营预算支出: '223',
  灾害防治及应急管理支出: '224',
  其他支出: '229',
  债务还本支出: '231',
  债务付息支出: '232',
  抗疫特别国债安排的支出: '234',
};

type Values = NormalizedRow['values'];

function cellValue(printed: string, wan: boolean, line: number, label: string): Values[string] {
  const p = parseAmount(printed);
  const value = p.status === 'number' && p.value ? toDecimalString(shift(dec(p.value), wan ? 4 : 0)) : '';
  return { value, status: p.status, printed: p.printed, label, source: `lines ${line}-${line}`, confidence: 1 };
}

function row(init: Partial<NormalizedRow>): NormalizedRow {
  const printedName = init.namePrinted ?? init.name ?? '';
  const name = printedName
    .replace(/<\/?b>/g, '')
    .replace(/^([一二三四五六七八九十]+、)/, '')
    .replace(/\s+/g, '');
  return {
    code: '',
    codeScheme: '',
    level: '',
    parentCode: '',
    codeStatus: '',
    path: '',
    line: '',
    side: '',
    values: {},
    ...init,
    name: init.name ?? name,
    namePrinted: printedName,
  };
}

function table(
  id: string,
  kind: TableKind,
  unit: string,
  rows: NormalizedRow[],
  extra: Partial<NormalizedTable> = {},
): NormalizedTable {
  return {
    id,
    document: 'doc',
    kind,
    number: '',
    title: '',
    unit: '元',
    unitPrinted: unit,
    project: '',
    pages: [1, 1],
    rows,
    empty: false,
    warnings: [],
    ...extra,
  };
}

function lines(text: string): { line: number; fields: string[] }[] {
  return text
    .split('\n')
    .filter((l) => /^\d+:/.test(l))
    .map((l) => {
      const at = l.indexOf(':');
      return { line: Number(l.slice(0, at)), fields: l.slice(at + 1).split('\t') };
    });
}

function values(columns: string[], fields: string[], wan: boolean, line: number): Values {
  const out: Values = {};
  columns.forEach((c, i) => {
    out[c] = cellValue(fields[i] ?? '', wan, line, c);
  });
  return out;
}

/** Coded tables: `line:code<TAB>name<TAB>v1<TAB>v2…` (合计 rows have an empty code). */
function coded(id: string, kind: TableKind, unit: string, columns: string[], text: string): NormalizedTable {
  const wan = unit === '万元';
  return table(
    id,
    kind,
    unit,
    lines(text).map(({ line, fields: [code = '', name = '', ...rest] }) =>
      row({ code: code.trim(), namePrinted: name, values: values(columns, rest, wan, line) }),
    ),
  );
}

/** Two-sided summaries: `line:收入项目<TAB>行次<TAB>金额<TAB>支出项目<TAB>行次<TAB>v…`. */
function twoSided(id: string, kind: TableKind, unit: string, expColumns: string[], text: string): NormalizedTable {
  const wan = unit === '万元';
  const rows: NormalizedRow[] = [];
  for (const {
    line,
    fields: [inName = '', inLine = '', inAmount = '', exName = '', exLine = '', ...exValues],
  } of lines(text)) {
    if (inName.trim() || inAmount.trim())
      rows.push(
        row({ side: 'income', namePrinted: inName, line: inLine, values: values(['amount'], [inAmount], wan, line) }),
      );
    if (exName.trim()) {
      const r = row({
        side: 'expenditure',
        namePrinted: exName,
        line: exLine,
        values: values(expColumns, exValues, wan, line),
      });
      rows.push({ ...r, code: CLASS_CODES[r.name] ?? '' });
    }
  }
  return table(id, kind, unit, rows);
}

/** Side-by-side 基本支出 tables: blocks of `code<TAB>name<TAB>v…` on one printed line. */
function sideBySide(id: string, unit: string, blockColumns: string[], title: string, text: string): NormalizedTable {
  const wan = unit === '万元';
  const width = 2 + blockColumns.length;
  const rows: NormalizedRow[] = [];
  for (const { line, fields } of lines(text)) {
    for (let at = 0; at < fields.length; at += width) {
      const [code = '', name = '', ...rest] = fields.slice(at, at + width);
      if (!code.trim() && !name.trim()) continue;
      rows.push(row({ code: code.trim(), namePrinted: name, values: values(blockColumns, rest, wan, line) }));
    }
  }
  return table(id, 'general_budget_basic', unit, rows, { title });
}

function textOf(file: string) {
  const content = readFileSync(new URL(`../../../corpus/${file}`, import.meta.url), 'utf8');
  return content.split('\n').map((text, i) => ({ lineNo: i + 1, text }));
}

function document(name: string, tables: NormalizedTable[], file?: string): NormalizedDocument {
  return {
    meta: { document: name, sha256: '0'.repeat(64), entity: '', year: '', reportType: '', profile: '' },
    tables: tables.map((t) => ({ ...t, document: name })),
    facts: [],
    text: file ? textOf(file) : [],
    warnings: [],
  };
}

// Seed 000 (郑州市中原区医疗保障局 2022, 万元): table lines exactly as printed, prefixed with their line number.
const T01 = `
116:一、一般公共预算财政拨款收入	1	732.48	一、一般公共服务支出	32	0
117:二、政府性基金预算财政拨款收入	2	4.39	二、外交支出	33	0
118:三、国有资本经营预算财政拨款收入	3	0	三、国防支出	34	0
119:四、上级补助收入	4	0	四、公共安全支出	35	0
120:五、事业收入	5	0	五、教育支出	36	0
121:六、经营收入	6	0	六、科学技术支出	37	0
122:七、附属单位上缴收入	7	0	七、文化旅游体育与传媒支出	38	0
123:八、其他收入	8	0	八、社会保障和就业支出	39	46.98
124:	9		九、卫生健康支出	40	630.56
125:	10		十、节能环保支出	41	0
126:	11		十一、城乡社区支出	42	0
127:	12		十二、农林水支出	43	0
128:	13		十三、交通运输支出	44	0
129:	14		十四、资源勘探工业信息等支出	45	0
130:	15		十五、商业服务业等支出	46	0
131:	16		十六、金融支出	47	0
132:	17		十七、援助其他地区支出	48	0
133:	18		十八、自然资源海洋气象等支出	49	0
134:	19		十九、住房保障支出	50	54.94
135:	20		二十、粮油物资储备支出	51	0
136:	21		二十一、国有资本经营预算支出	52	0
137:	22		二十二、灾害防治及应急管理支出	53	0
138:	23		二十三、其他支出	54	4.39
145:	24		二十四、债务还本支出	55	0
146:	25		二十五、债务付息支出	56	0
147:	26		二十六、抗疫特别国债安排的支出	57	0
148:<b>本年收入合计</b>	27	736.87	<b>本年支出合计</b>	58	736.87
149:使用非财政拨款结余	28	0	结余分配	59	0
150:年初结转和结余	29	0	年末结转与结余	60	0
151:	30			61	
152:<b>收入总计</b>	31	736.87	<b>支出总计</b>	62	736.87
`;
const T02 = `
167:	合计	736.87	736.87	0	0	0	0	0
168:208	社会保障和就业支出	46.98	46.98	0	0	0	0	0
169:20805	行政事业单位养老支出	44.46	44.46	0	0	0	0	0
170:2080502	事业单位离退休	2.35	2.35	0	0	0	0	0
171:2080505	机关事业单位基本养老保险缴费支出	42.11	42.11	0	0	0	0	0
172:20899	其他社会保障和就业支出	2.52	2.52	0	0	0	0	0
173:2089999	其他社会保障和就业支出	2.52	2.52	0	0	0	0	0
174:210	卫生健康支出	630.56	630.56	0	0	0	0	0
175:21001	卫生健康管理事务	55.74	55.74	0	0	0	0	0
176:2100102	一般行政管理事务	55.74	55.74	0	0	0	0	0
177:21011	行政事业单位医疗	17.56	17.56	0	0	0	0	0
178:2101101	行政单位医疗	2.41	2.41	0	0	0	0	0
179:2101102	事业单位医疗	15.15	15.15	0	0	0	0	0
180:21013	医疗救助	58.89	58.89	0	0	0	0	0
181:2101301	城乡医疗救助	58.89	58.89	0	0	0	0	0
182:21015	医疗保障管理事务	497.17	497.17	0	0	0	0	0
183:2101501	行政运行	497.17	497.17	0	0	0	0	0
184:21099	其他卫生健康支出	1.20	1.20	0	0	0	0	0
185:2109999	其他卫生健康支出	1.20	1.20	0	0	0	0	0
186:221	住房保障支出	54.94	54.94	0	0	0	0	0
187:22102	住房改革支出	54.94	54.94	0	0	0	0	0
188:2210201	住房公积金	54.94	54.94	0	0	0	0	0
189:229	其他支出	4.39	4.39	0	0	0	0	0
194:22960	彩票公益金安排的支出	4.39	4.39	0	0	0	0	0
195:2296013	用于城乡医疗救助的彩票公益金支出	4.39	4.39	0	0	0	0	0
`;
const T03 = `
210:	合计	736.87	617.86	119.02	0	0	0
211:208	社会保障和就业支出	46.98	46.98	0	0	0	0
212:20805	行政事业单位养老支出	44.46	44.46	0	0	0	0
213:2080502	事业单位离退休	2.35	2.35	0	0	0	0
214:2080505	机关事业单位基本养老保险缴费支出	42.11	42.11	0	0	0	0
215:20899	其他社会保障和就业支出	2.52	2.52	0	0	0	0
216:2089999	其他社会保障和就业支出	2.52	2.52	0	0	0	0
217:210	卫生健康支出	630.56	515.93	114.63	0	0	0
218:21001	卫生健康管理事务	55.74	0	55.74	0	0	0
219:2100102	一般行政管理事务	55.74	0	55.74	0	0	0
220:21011	行政事业单位医疗	17.56	17.56	0	0	0	0
221:2101101	行政单位医疗	2.41	2.41	0	0	0	0
222:2101102	事业单位医疗	15.15	15.15	0	0	0	0
223:21013	医疗救助	58.89	0	58.89	0	0	0
224:2101301	城乡医疗救助	58.89	0	58.89	0	0	0
225:21015	医疗保障管理事务	497.17	497.17	0	0	0	0
226:2101501	行政运行	497.17	497.17	0	0	0	0
227:21099	其他卫生健康支出	1.20	1.20	0	0	0	0
228:2109999	其他卫生健康支出	1.20	1.20	0	0	0	0
229:221	住房保障支出	54.94	54.94	0	0	0	0
230:22102	住房改革支出	54.94	54.94	0	0	0	0
231:2210201	住房公积金	54.94	54.94	0	0	0	0
232:229	其他支出	4.39	0	4.39	0	0	0
237:22960	彩票公益金安排的支出	4.39	0	4.39	0	0	0
238:2296013	用于城乡医疗救助的彩票公益金支出	4.39	0	4.39	0	0	0
`;
const T04 = `
253:一、一般公共预算财政拨款	1	732.48	一、一般公共服务支出	33	0	0	0	0
254:二、政府性基金预算财政拨款	2	4.39	二、外交支出	34	0	0	0	0
255:三、国有资本经营预算财政拨款	3	0	三、国防支出	35	0	0	0	0
256:	4		四、公共安全支出	36	0	0	0	0
257:	5		五、教育支出	37	0	0	0	0
258:	6		六、科学技术支出	38	0	0	0	0
259:	7		七、文化旅游体育与传媒支出	39	0	0	0	0
260:	8		八、社会保障和就业支出	40	46.98	46.98	0	0
261:	9		九、卫生健康支出	41	630.56	630.56	0	0
262:	10		十、节能环保支出	42	0	0	0	0
263:	11		十一、城乡社区支出	43	0	0	0	0
264:	12		十二、农林水支出	44	0	0	0	0
265:	13		十三、交通运输支出	45	0	0	0	0
266:	14		十四、资源勘探工业信息等支出	46	0	0	0	0
267:	15		十五、商业服务业等支出	47	0	0	0	0
268:	16		十六、金融支出	48	0	0	0	0
269:	17		十七、援助其他地区支出	49	0	0	0	0
270:	18		十八、自然资源海洋气象等支出	50	0	0	0	0
271:	19		十九、住房保障支出	51	54.94	54.94	0	0
272:	20		二十、粮油物资储备支出	52	0	0	0	0
273:	21		二十一、国有资本经营预算支出	53	0	0	0	0
274:	22		二十二、灾害防治及应急管理支出	54	0	0	0	0
275:	23		二十三、其他支出	55	4.39	0	4.39	0
280:	24		二十四、债务还本支出	56	0	0	0	0
281:	25		二十五、债务付息支出	57	0	0	0	0
282:	26		二十六、抗疫特别国债安排的支出	58	0	0	0	0
283:<b>本年收入合计</b>	27	736.87	<b>本年支出合计</b>	59	736.87	732.48	4.39	0
284:年初财政拨款结转和结余	28	0	年末财政拨款结转和结余	60	0	0	0	0
285:一般公共预算财政拨款	29	0		61				
286:政府性基金预算财政拨款	30	0		62				
287:国有资本经营预算财政拨款	31	0		63				
288:<b>总计</b>	32	736.87	<b>总计</b>	64	736.87	732.48	4.39	0
`;
const T05 = `
303:	合计	732.48	617.86	114.63
304:208	社会保障和就业支出	46.98	46.98	0
305:20805	行政事业单位养老支出	44.46	44.46	0
306:2080502	事业单位离退休	2.35	2.35	0
307:2080505	机关事业单位基本养老保险缴费支出	42.11	42.11	0
308:20899	其他社会保障和就业支出	2.52	2.52	0
309:2089999	其他社会保障和就业支出	2.52	2.52	0
310:210	卫生健康支出	630.56	515.93	114.63
311:21001	卫生健康管理事务	55.74	0	55.74
312:2100102	一般行政管理事务	55.74	0	55.74
313:21011	行政事业单位医疗	17.56	17.56	0
314:2101101	行政单位医疗	2.41	2.41	0
315:2101102	事业单位医疗	15.15	15.15	0
316:21013	医疗救助	58.89	0	58.89
317:2101301	城乡医疗救助	58.89	0	58.89
318:21015	医疗保障管理事务	497.17	497.17	0
319:2101501	行政运行	497.17	497.17	0
320:21099	其他卫生健康支出	1.20	1.20	0
321:2109999	其他卫生健康支出	1.20	1.20	0
322:221	住房保障支出	54.94	54.94	0
323:22102	住房改革支出	54.94	54.94	0
324:2210201	住房公积金	54.94	54.94	0
`;
const T06 = `
339:301	工资福利支出	568.65	302	商品和服务支出	45.06	307	债务利息及费用支出	0
340:30101	基本工资	438.26	30201	办公费	14.58	30701	国内债务付息	0
341:30102	津贴补贴	5.67	30202	印刷费	0.58	30702	国外债务付息	0
342:30103	奖金	0	30203	咨询费	0	310	资本性支出	1.80
343:30106	伙食补助费	0	30204	手续费	0	31001	房屋建筑物购建	0
344:30107	绩效工资	0	30205	水费	0	31002	办公设备购置	0
345:30108	机关事业单位基本养老保险缴费	42.11	30206	电费	0	31003	专用设备购置	1.80
346:30109	职业年金缴费	0	30207	邮电费	2.24	31005	基础设施建设	0
347:30110	职工基本医疗保险缴费	17.56	30208	取暖费	0	31006	大型修缮	0
348:30111	公务员医疗补助缴费	0	30209	物业管理费	0	31007	信息网络及软件购置更新	0
349:30112	其他社会保障缴费	10.11	30211	差旅费	0.02	31008	物资储备	0
350:30113	住房公积金	54.94	30212	因公出国（境）费用	0	31009	土地补偿	0
351:30114	医疗费	0	30213	维修（护）费	1.89	31010	安置补助	0
352:30199	其他工资福利支出	0	30214	租赁费	0	31011	地上附着物和青苗补偿	0
353:303	对个人和家庭的补助	2.35	30215	会议费	0	31012	拆迁补偿	0
354:30301	离休费	0	30216	培训费	0	31013	公务用车购置	0
355:30302	退休费	2.35	30217	公务接待费	0	31019	其他交通工具购置	0
356:30303	退职（役）费	0	30218	专用材料费	0	31021	文物和陈列品购置	0
357:30304	抚恤金	0	30224	被装购置费	0	31022	无形资产购置	0
358:30305	生活补助	0	30225	专用燃料费	0	31099	其他资本性支出	0
359:30306	救济费	0	30226	劳务费	0	399	其他支出	0
360:30307	医疗费补助	0	30227	委托业务费	2.01	39907	国家赔偿费用支出	0
361:30308	助学金	0	30228	工会经费	4.29	39908	对民间非营利组织和群众性自治组织补贴	0
364:30309	奖励金	0	30229	福利费	3.57	39909	经常性赠与	0
365:30310	个人农业生产补贴	0	30231	公务用车运行维护费	0	39910	资本性赠与	0
366:30311	代缴社会保险费	0	30239	其他交通费用	15.88	39999	其他支出	0
367:30399	其他对个人和家庭的补助	0	30240	税金及附加费用	0			
368:			30299	其他商品和服务支出	0			
369:	人员经费合计	571					公用经费合计	46.86
`;
const T07 = `
384:	合计	0	4.39	4.39	0	4.39	0
385:229	其他支出	0	4.39	4.39	0	4.39	0
386:22960	彩票公益金安排的支出	0	4.39	4.39	0	4.39	0
387:2296013	用于城乡医疗救助的彩票公益金支出	0	4.39	4.39	0	4.39	0
`;
const T08 = `
402:	合计	0	0	0
`;
const T09 = `
419:0	0	0	0	0	0	0	0	0	0	0	0
`;

const INCOME = ['total', 'fiscal', 'superior_subsidy', 'business', 'operating', 'affiliated', 'other'];
const EXPENDITURE = ['total', 'basic', 'project', 'remit_superior', 'operating', 'affiliated_subsidy'];
const APPROPRIATION = ['total', 'general_budget', 'gov_fund', 'state_capital'];
const GENERAL_BUDGET = ['total', 'basic', 'project'];
const GOV_FUND = ['carryover_begin', 'income', 'total', 'basic', 'project', 'carryover_end'];
const THREE_PUBLIC = ['budget', 'final'].flatMap((p) =>
  ['total', 'overseas', 'vehicle_total', 'vehicle_purchase', 'vehicle_operation', 'reception'].map((c) => `${p}_${c}`),
);

function seed000(): NormalizedDocument {
  return document(
    '000_9a60f633ec701c44.txt',
    [
      twoSided('t01', 'summary', '万元', ['amount'], T01),
      coded('t02', 'income', '万元', INCOME, T02),
      coded('t03', 'expenditure', '万元', EXPENDITURE, T03),
      twoSided('t04', 'appropriation_summary', '万元', APPROPRIATION, T04),
      coded('t05', 'general_budget', '万元', GENERAL_BUDGET, T05),
      sideBySide('t06', '万元', ['amount'], '一般公共预算财政拨款基本支出决算明细表', T06),
      coded('t07', 'gov_fund', '万元', GOV_FUND, T07),
      coded('t08', 'state_capital', '万元', GENERAL_BUDGET, T08),
      coded('t09', 'three_public', '万元', THREE_PUBLIC, T09.replace(/^(\d+:)/gm, '$1\t\t')),
    ],
    '000_9a60f633ec701c44.txt',
  );
}

// Seed 001 (原州区医疗保障局 2023, 元): the same printed numbers, re-typed one row per line (its 02/03/05 spread
// codes over 类/款/项 columns and leave cells blank).
const U01 = `
92:一、一般公共预算财政拨款收入	1	7,250,557.36	一、一般公共服务支出	31	63,500.00
93:二、政府性基金预算财政拨款	2		二、外交支出	32	
94:三、国有资本经营预算财政拨款收入	3		三、国防支出	33	
95:四、上级补助收入	4		四、公共安全支出	34	
96:五、事业收入	5		五、教育支出	35	
97:六、经营收入	6		六、科学技术支出	36	
98:七、附属单位上缴收入	7		七、文化旅游体育与传媒支出	37	
99:八、其他收入	8	1,174.68	八、社会保障和就业支出	38	660,867.66
100:	9		九、卫生健康支出	39	6,078,929.72
110:	19		十九、住房保障支出	49	464,593.68
114:	23		二十三、其他支出	55	
118:本年收入合计	27	7,251,732.04	本年支出合计	59	7,267,891.06
119:使用非财政拨款结余	28		结余分配	60	
120:年初结转和结余	29	267,308.44	年末结转和结余	61	251,149.42
121:总计	30	7,519,040.48	总计	62	7,519,040.48
`;
const U02 = `
137:	合计	7,251,732.04	7,250,557.36					1,174.68
138:201		63,500.00	63,500.00
139:2019999		63,500.00	63,500.00
140:208		678,353.66	678,353.66
141:2080505		345,004.16	345,004.16
142:2080506		333,349.5	333,349.5
143:210		6,082,105.46	6,080,930.78					1,174.68
144:2101103		25,608.54	25,608.54
145:2101199		155,475.59	155,475.59
146:2101301		1,372,600.00	1,372,600.00
147:2101399		741,277.87	741,277.87
148:2101501		1,156,793.70	1,156,793.70
149:2101505		216,892.1	216,892.1
150:2101506		96,472.61	96,123.00					349.61
151:2101550		1,766,201.34	1,766,201.34
152:2101599		550,783.71	549,958.64					825.07
153:221		427,772.92	427,772.92
154:2210201		249,465.92	249,465.92
155:2210203		178,307	178,307
`;
const U03 = `
171:	合计	7,267,891.06	4,217,447.45	3,050,443.61
172:201	一般公共服务支出	63,500.00		63,500.00
173:2019999	其他一般公共服务支出	63,500.00		63,500.00
174:208	社会保障和就业支出	660,867.66	660,867.66
175:2080505	机关事业单位基本养老保险缴费支出	338,578.4	338,578.4
176:2080506	机关事业单位职业年金缴费支出	322,289.26	322,289.26
177:210	卫生健康支出	6,078,929.72	3,091,986.11	2,986,943.61
178:2101103	公务员医疗补助	28,170.03	28,170.03
179:2101199	其他行政事业单位医疗支出	144,420.99	144,420.99
180:2101301	城乡医疗救助	1,372,600.00		1,372,600.00
181:2101399	其他医疗救助支出	741,277.87		741,277.87
182:2101501	行政运行	1,153,194.24	1,153,194.24
183:2101505	医疗保障政策管理	216,892.1		216,892.1
184:2101506	医疗保障经办事务	106,215.00		106,215.00
185:2101550	事业运行	1,766,200.85	1,766,200.85
186:2101599	其他医疗保障管理事务支出	549,958.64		549,958.64
187:221	住房保障支出	464,593.68	464,593.68
188:2210201	住房公积金	286,286.68	286,286.68
189:2210203	购房补贴	178,307	178,307
`;
const U04 = `
202:一、一般公共预算财政拨款	1	7,250,557.36	一、一般公共服务支出	33	63,500.00	63,500.00
203:二、政府性基金预算财政拨款	2		二、外交支出	34
204:三、国有资本经营预算财政拨款	3		三、国防支出	35
209:	8		八、社会保障和就业支出	40	660,867.66	660,867.66
210:	9		九、卫生健康支出	41	6,106,079.83	6,106,079.83
220:	19		十九、住房保障支出	51	464,593.68	464,593.68
229:本年收入合计	27	7,250,557.36	本年支出合计	59	7,295,041.17	7,295,041.17
230:年初财政拨款结转和结余	28	118498.61	年末财政拨款结转和结余	60	74,014.80	74,014.80
231:一、一般公共预算财政拨款	29	118498.61		61
232:二、政府性基金预算财政拨款	30			62
233:三、国有资本经营预算财政拨款	31			63
234:合计	32	7,369,055.97	合计	64	7,369,055.97	7,369,055.97
`;
const U05 = `
249:	合计	7,267,891.06	4,217,447.45	3,050,443.61
250:201	一般公共服务支出	63,500.00		63,500.00
251:2019999	其他一般公共服务支出	63,500.00		63,500.00
252:208	社会保障和就业支出	660,867.66	660,867.66
253:2080505	机关事业单位基本养老保险缴费支出	338,578.4	338,578.4
254:2080506	机关事业单位职业年金缴费支出	322,289.26	322,289.26
255:210	卫生健康支出	6,078,929.72	3,091,986.11	2,986,943.61
256:2101103	公务员医疗补助	28,170.03	28,170.03
257:2101199	其他行政事业单位医疗支出	144,420.99	144,420.99
259:2101301	城乡医疗救助	1,372,600.00		1,372,600.00
260:2101399	其他医疗救助支出	741,277.87		741,277.87
261:2101501	行政运行	1,153,194.24	1,153,194.24
262:2101505	医疗保障政策管理	216,892.1		216,892.1
263:2101506	医疗保障经办事务	106,215.00		106,215.00
264:2101550	事业运行	1,766,200.85	1,766,200.85
265:2101599	其他医疗保障管理事务支出	549,958.64		549,958.64
266:221	住房保障支出	464,593.68	464,593.68
267:2210201	住房公积金	286,286.68	286,286.68
268:2210203	购房补贴	178,307	178,307
`;
const U06 = `
279:301	工资福利支出	4,101,668.92	302	商品和服务支出	343,371.77	310	资本性支出	32835.00
280:30101	基本工资	945,795	30201	办公费	58,014.5	31001	房屋建筑物购建	
281:30102	津贴补贴	1,147,057	30202	印刷费	35,358	31002	办公设备购置	32835.00
282:30103	奖金	784,581	30203	咨询费		31003	专用设备购置	
283:30106	伙食补助费		30204	手续费	100.00	31005	基础设施建设	
284:30107	绩效工资	95,752.00	30205	水费	6649.10	31006	大型修缮	
285:30108	机关事业单位基本养老保险缴	338,578.40	30206	电费	9116.13	31007	信息网络及软件购置更新	
286:30109	职业年金缴费	322,289.26	30207	邮电费	10,439.38	31008	物资储备	
287:30110	职工基本医疗保险缴费	144,420.99	30208	取暖费	5,700.00	31009	土地补偿	
288:30111	公务员医疗补助缴费	28,170.03	30209	物业管理费		31010	安置补助	
289:30112	其他社会保障缴费	8,738.56	30211	差旅费	64,105.00	31011	地上附着物和青苗补偿	
290:30113	住房公积金	286,286.68	30212	因公出国（境）费用		31012	拆迁补偿	
291:30114	医疗费		30213	维修(护)费		31013	公务用车购置	
292:30199	其他工资福利支出		30214	租赁费		31019	其他交通工具购置	
293:303	对个人和家庭的补助	3,360.00	30215	会议费		31021	文物和陈列品购置	
294:30301	离休费		30216	培训费	61,605.00	31022	无形资产购置	
295:30302	退休费		30217	公务接待费		31099	其他资本性支出	
296:30303	退职（役）费		30218	专用材料费		312	对企业补助	
297:30304	抚恤金		30224	被装购置费		31201	资本金注入	
298:30305	生活补助		30225	专用燃料费		31203	政府投资基金股权投资	
299:30306	救济费		30226	劳务费		31204	费用补贴	
300:30307	医疗费补助		30227	委托业务费		31205	利息补贴	
301:30308	助学金		30228	工会经费	31,006.00	31299	其他对企业补助	
302:30309	奖励金		30229	福利费		399	其他支出	
303:30310	个人农业生产补贴		30231	公务用车运行维护费		39906	赠与	
304:30311	代缴社会保险费		30239	其他交通费用	43,633.2	39907	国家赔偿费用支出	
305:30399	其他对个人和家庭的补助	3,360.00	30240	税金及附加费用	39.02	39908	对民间非营利组织和群众性自治组织补贴	
306:			30299	其他商品服务支出	17,606.44	39999	其他支出	
307:			307	债务利息及费用支出				
308:			30701	国内债务付息				
309:			30702	国外债务付息				
310:			30703	国内债务发行费用				
312:	人员经费合计	4,105,028.92		公用经费合计	343,371.77
313:	合计	4,448,400.69
`;

// Seed 002 (大宁县医疗保障局 2022, 元): printed numbers re-typed one row per line (its text wraps names).
const D02 = `
202:	合计	16296005.96	16296005.96
204:208	社会保障和就业支出	2126408.93	2126408.93
210:20805	行政事业单位养老支出	264988.93	264988.93
216:2080501	行政单位离退休	16212.00	16212.00
222:2080505	机关事业单位基本养老保险缴费支出	234203.54	234203.54
231:2080506	机关事业单位职业年金缴费支出	14573.39	14573.39
238:20830	财政代缴社会保险费支出	1861420.00	1861420.00
245:2083099	财政代缴其他社会保险费支出	1861420.00	1861420.00
252:210	卫生健康支出	13828310.03	13828310.03
258:21011	行政事业单位医疗	104087.51	104087.51
264:2101101	行政单位医疗	25451.16	25451.16
270:2101102	事业单位医疗	78636.35	78636.35
276:21012	财政对基本医疗保险基金的补助	4480425.60	4480425.60
283:2101202	财政对城乡居民基本医疗保险基金的补助	4480425.60	4480425.60
292:21013	医疗救助	5320000.00	5320000.00
294:2101301	城乡医疗救助	5320000.00	5320000.00
300:21015	医疗保障管理事务	3923796.92	3923796.92
306:2101501	行政运行	580897.52	580897.52
308:2101502	一般行政管理事务	605268.00	605268.00
314:2101550	事业运行	1390631.40	1390631.40
316:2101599	其他医疗保障管理事务支出	1347000.00	1347000.00
323:221	住房保障支出	201287.00	201287.00
329:22102	住房改革支出	201287.00	201287.00
335:2210201	住房公积金	201287.00	201287.00
336:229	其他支出	140000.00	140000.00
338:22960	彩票公益金安排的支出	140000.00	140000.00
344:2296013	用于城乡医疗救助的彩票公益金支出	140000.00	140000.00
`;
const D03 = `
380:	合计	16296005.96	2541892.36	13754113.60
382:208	社会保障和就业支出	2126408.93	264988.93	1861420.00
388:20805	行政事业单位养老支出	264988.93	264988.93	
394:2080501	行政单位离退休	16212.00	16212.00	
400:2080505	机关事业单位基本养老保险缴费支出	234203.54	234203.54	
409:2080506	机关事业单位职业年金缴费支出	14573.39	14573.39	
416:20830	财政代缴社会保险费支出	1861420.00		1861420.00
423:2083099	财政代缴其他社会保险费支出	1861420.00		1861420.00
430:210	卫生健康支出	13828310.03	2075616.43	11752693.60
436:21011	行政事业单位医疗	104087.51	104087.51	
442:2101101	行政单位医疗	25451.16	25451.16	
448:2101102	事业单位医疗	78636.35	78636.35	
454:21012	财政对基本医疗保险基金的补助	4480425.60		4480425.60
461:2101202	财政对城乡居民基本医疗保险基金的补助	4480425.60		4480425.60
470:21013	医疗救助	5320000.00		5320000.00
472:2101301	城乡医疗救助	5320000.00		5320000.00
478:21015	医疗保障管理事务	3923796.92	1971528.92	1952268.00
484:2101501	行政运行	580897.52	580897.52	
486:2101502	一般行政管理事务	605268.00		605268.00
492:2101550	事业运行	1390631.40	1390631.40	
494:2101599	其他医疗保障管理事务支出	1347000.00		1347000.00
501:221	住房保障支出	201287.00	201287.00	
507:22102	住房改革支出	201287.00	201287.00	
513:2210201	住房公积金	201287.00	201287.00	
514:229	其他支出	140000.00		140000.00
516:22960	彩票公益金安排的支出	140000.00		140000.00
522:2296013	用于城乡医疗救助的彩票公益金支出	140000.00		140000.00
`;
const D05 = `
773:	合计	16156005.96	2541892.36	13614113.60
775:208	社会保障和就业支出	2126408.93	264988.93	1861420.00
777:20805	行政事业单位养老支出	264988.93	264988.93	
779:2080501	行政单位离退休	16212.00	16212.00	
781:2080505	机关事业单位基本养老保险缴费支出	234203.54	234203.54	
787:2080506	机关事业单位职业年金缴费支出	14573.39	14573.39	
793:20830	财政代缴社会保险费支出	1861420.00		1861420.00
795:2083099	财政代缴其他社会保险费支出	1861420.00		1861420.00
801:210	卫生健康支出	13828310.03	2075616.43	11752693.60
803:21011	行政事业单位医疗	104087.51	104087.51	
805:2101101	行政单位医疗	25451.16	25451.16	
807:2101102	事业单位医疗	78636.35	78636.35	
809:21012	财政对基本医疗保险基金的补助	4480425.60		4480425.60
815:2101202	财政对城乡居民基本医疗保险基金的补助	4480425.60		4480425.60
821:21013	医疗救助	5320000.00		5320000.00
823:2101301	城乡医疗救助	5320000.00		5320000.00
825:21015	医疗保障管理事务	3923796.92	1971528.92	1952268.00
827:2101501	行政运行	580897.52	580897.52	
829:2101502	一般行政管理事务	605268.00		605268.00
831:2101550	事业运行	1390631.40	1390631.40	
833:2101599	其他医疗保障管理事务支出	1347000.00		1347000.00
835:221	住房保障支出	201287.00	201287.00	
837:22102	住房改革支出	201287.00	201287.00	
839:2210201	住房公积金	201287.00	201287.00	
`;
const D01 = `
71:一、一般公共预算财政拨款收入	1.00	16156005.96	一、一般公共服务支出	32.00	
76:二、政府性基金预算财政拨款收入	2.00	140000.00	二、外交支出	33.00	
81:三、国有资本经营预算财政拨款收入	3.00		三、国防支出	34.00	
83:四、上级补助收入	4.00		四、公共安全支出	35.00	
85:五、事业收入	5.00		五、教育支出	36.00	
87:六、经营收入	6.00		六、科学技术支出	37.00	
89:七、附属单位上缴收入	7.00	
95:八、其他收入	8.00		八、社会保障和就业支出	39.00	2126408.93
97:	9.00		九、卫生健康支出	40.00	13828310.03
125:	19.00		十九、住房保障支出	50.00	201287.00
141:	23.00		二十三、其他支出	54.00	140000.00
154:本年收入合计	27	16296005.96	本年支出合计	58.00	16296005.96
156:使用非财政拨款结余	28		结余分配	59.00	
158:年初结转和结余	29		年末结转和结余	60.00	
162:总计	31.00	16296005.96	总计	62.00	16296005.96
`;
const D04 = `
566:一、一般公共预算财政拨款	1	16156005.96	一、一般公共服务支出	33				
571:二、政府性基金预算财政拨款	2	140000.00	二、外交支出	34				
573:三、国有资本经营财政拨款	3		三、国防支出	35				
606:	8		八、社会保障和就业支出	40	2126408.93	2126408.93		
611:	9		九、卫生健康支出	41	13828310.03	13828310.03		
666:	19		十九、住房保障支出	51	201287.00	201287.00		
690:	23		二十三、其他支出	55	140000.00		140000.00	
726:本年收入合计	27	16296005.96	本年支出合计	59	16296005.96	16156005.96	140000.00	
732:年初财政拨款结转和结余	28		年末财政拨款结转和结余	60				
741:一般公共预算财政拨款	29			61
745:政府性基金预算财政拨款	30			62
750:国有资本经营预算财政拨款	31			63
755:收入总计	32	16296005.96	总计	64	16296005.96	16156005.96	140000.00	
`;
const D06 = `
881:301	工资福利支出	2315122.76	2315122.76
896:30101	基本工资	950305.00	950305.00
902:30102	津贴补贴	320000.52	320000.52
908:30103	奖金	14848.00	14848.00
928:30107	绩效工资	472906.76	472906.76
940:30108	机关事业单位基本养老保险缴费	234203.54	234203.54
950:30109	职业年金缴费	14573.39	14573.39
964:30110	职工基本医疗保险缴费	102225.51	102225.51
988:30112	其他社会保障缴费	4773.04	4773.04
990:30113	住房公积金	201287.00	201287.00
1025:303	对个人和家庭的补助	12804301.60	16212.00
1047:30302	退休费	16212.00	16212.00
1094:30307	医疗费补助	9800425.60	
1136:30311	代缴社会保险费	1861420.00	
1146:30399	其他对个人和家庭的补助	1126244.00	
885:302	商品和服务支出	986951.60	210557.60
896:30201	办公费	147917.60	46935.60
902:30202	印刷费	134000.00	
928:30205	水费	960.00	960.00
940:30206	电费	1711.00	1711.00
950:30207	邮电费	23989.00	3989.00
988:30211	差旅费	44484.00	14484.00
1088:30226	劳务费	18000.00	
1094:30227	委托业务费	433460.00	
1104:30228	工会经费	16118.00	16118.00
1115:30229	福利费	56310.00	56310.00
1140:30239	其他交通费用	38750.00	38750.00
1156:30299	其他商品和服务支出	71252.00	31300.00
885:307	债务利息及费用支出		
933:309	资本性支出（基本建设）	49630.00	────
944:30901	房屋构筑物构建		────
954:30902	办公设备购置	49630.00	────
968:30903	专用设备购置		────
1067:310	资本性支出		
958:311	对企业补助（基本建设）		────
988:312	对企业补助		
1055:313	对社会保障基金补助		────
1092:399	其他支出		
1158:	人员经费合计	15119424.36	2331334.76		公用经费合计	1036581.60	210557.60
`;
const D08 = `
1242:	合计		140000.00	140000.00		140000.00	
1244:229	其他支出		140000.00	140000.00		140000.00	
1246:22960	彩票公益金安排的支出		140000.00	140000.00		140000.00	
1252:2296013	用于城乡医疗救助的彩票公益金支出		140000.00	140000.00		140000.00	
`;

function seed001(): NormalizedDocument {
  return document(
    '001_55a449a7ecd7ae44.txt',
    [
      twoSided('t01', 'summary', '元', ['amount'], U01),
      coded('t02', 'income', '元', INCOME, U02),
      coded('t03', 'expenditure', '元', EXPENDITURE, U03),
      twoSided('t04', 'appropriation_summary', '元', APPROPRIATION, U04),
      coded('t05', 'general_budget', '元', GENERAL_BUDGET, U05),
      sideBySide('t06', '元', ['amount'], '一般公共预算财政拨款基本支出决算表', U06),
      table('t07', 'three_public', '元', [], { empty: true }),
      table('t08', 'gov_fund', '元', [], { empty: true }),
      table('t09', 'state_capital', '元', [], { empty: true }),
    ],
    '001_55a449a7ecd7ae44.txt',
  );
}

function seed002(): NormalizedDocument {
  return document(
    '002_6a44410de26ff4ed.txt',
    [
      twoSided('t01', 'summary', '元', ['amount'], D01),
      coded('t02', 'income', '元', INCOME, D02),
      coded('t03', 'expenditure', '元', EXPENDITURE, D03),
      twoSided('t04', 'appropriation_summary', '元', APPROPRIATION, D04),
      coded('t05', 'general_budget', '元', GENERAL_BUDGET, D05),
      sideBySide('t06', '元', ['amount', 'basic'], '一般公共预算财政拨款支出决算明细表', D06),
      table('t07', 'three_public', '元', [], { empty: true }),
      coded('t08', 'gov_fund', '元', GOV_FUND, D08),
      table('t09', 'state_capital', '元', [], { empty: true }),
    ],
    '002_6a44410de26ff4ed.txt',
  );
}

const failures = (results: ValidationResult[]) => results.filter((r) => r.status === 'fail');

const byCheck = (results: ValidationResult[], check: string) => {
  const r = results.find((x) => x.check === check);
  if (!r) throw new Error(`no result ${check}`);
  return r;
};
const cellsOf = (r: ValidationResult) => r.cells.map((c) => `${c.table_id}|${c.row}|${c.column}|${c.value}`);

describe('validateDocuments on seed 000 (万元)', () => {
  const results = validateDocuments([seed000()]);

  it('produces schema-valid results and a schema-valid report', () => {
    for (const r of results) ValidationResultSchema.parse(r);
    const report = ValidationReportSchema.parse(summarizeValidation(results, '2026-01-01T00:00:00Z'));
    expect(report.summary.checks).toBe(results.length);
    expect(report.summary.failed).toBe(0);
  });

  it('passes every check: no failure; skipped only what the text restates from a table it does not print', () => {
    expect(failures(results)).toEqual([]);
    // 机关运行经费 and 政府采购 belong to 部门决算公开相关信息统计表, which 000 does not publish.
    expect(results.filter((r) => r.status === 'skipped').map((r) => r.message)).toEqual(
      results.filter((r) => r.status === 'skipped').map(() => 'table absent or empty: other_info'),
    );
  });

  it('notes the 0.01 万元 rounding differences as warnings, within 0.01 万元 per summed term', () => {
    // 03 合计: 617.86 + 119.02 = 736.88 against 736.87 printed; 05 合计: 617.86 + 114.63 = 732.49 against 732.48;
    // 03 and 05 基本支出 合计 617.86 against 46.98 + 515.93 + 54.94 = 617.85.
    const rounding = results.filter((r) => r.severity === 'warning');
    expect(rounding.map((r) => [r.check, r.difference]).sort()).toEqual(
      [
        ['expenditure/columns-total/合计', '-100'],
        ['expenditure/total-of-classes/basic', '100'],
        ['general_budget/columns-total/合计', '-100'],
        ['general_budget/total-of-classes/basic', '100'],
      ].sort(),
    );
    const r = byCheck(results, 'expenditure/columns-total/合计');
    expect(r.status).toBe('pass');
    expect([r.actual, r.expected, r.tolerance]).toEqual(['7368700', '7368800', '500']);
    expect(r.tolerance_reason).toMatch(/万元/);
  });

  it('checks the hierarchy, including 类 = Σ 款 and 款 = Σ 项', () => {
    const r = byCheck(results, 'general_budget/children/210/total');
    // 55.74 + 17.56 + 58.89 + 497.17 + 1.20 = 630.56
    expect([r.status, r.severity, r.actual, r.expected]).toEqual(['pass', 'info', '6305600', '6305600']);
    expect(byCheck(results, 'income/children/21011/total').expected).toBe('175600'); // 2.41 + 15.15
  });

  it('ties 06 to 05: 人员经费 571 + 公用经费 46.86 = 05 基本支出 617.86', () => {
    expect(byCheck(results, 'general_budget_basic/personnel/amount').expected).toBe('5710000'); // 568.65 + 2.35
    expect(byCheck(results, 'general_budget_basic/public-use/amount').expected).toBe('468600'); // 45.06 + 1.80 + 0 …
    const cross = byCheck(results, 'cross/basic-detail/amount');
    expect([cross.status, cross.actual, cross.expected]).toEqual(['pass', '6178600', '6178600']);
  });

  it('matches the narrative: totals, 类 and 类/款/项 restatements agree', () => {
    const narrative = results.filter((r) => r.check.startsWith('narrative/') && r.cells[1]?.table_kind !== undefined);
    expect(narrative.filter((r) => r.status !== 'pass')).toEqual([]);
    const items = narrative.filter((r) => r.check.includes('(项)'));
    expect(items).toHaveLength(10);
    const relief = items.find((r) => r.check.includes('城乡医疗救助(项)'));
    expect(relief?.cells.map((c) => c.value)).toEqual(['588900', '588900']);
    expect(relief?.cells[1]?.row).toBe('2101301 城乡医疗救助');
    expect(narrative.some((r) => r.check.startsWith('narrative/本年收入合计/') && r.actual === '7368700')).toBe(true);
    expect(narrative.some((r) => r.check.startsWith('narrative/人员经费合计/') && r.actual === '5710000')).toBe(true);
  });
});

describe('validateDocuments on seed 002 (元, 06 with 金额 and 其中：基本支出)', () => {
  const results = validateDocuments([seed002()]);

  it('passes every check', () => {
    expect(failures(results)).toEqual([]);
    expect(results.some((r) => r.severity === 'warning')).toBe(false);
  });

  it('ties 06 金额 to 05 合计 and 06 基本支出 to 05 基本支出', () => {
    const amount = byCheck(results, 'cross/basic-detail/amount');
    expect([amount.status, amount.expected]).toEqual(['pass', '16156005.96']); // 15,119,424.36 + 1,036,581.60
    const basic = byCheck(results, 'cross/basic-detail/basic');
    expect([basic.status, basic.expected]).toEqual(['pass', '2541892.36']); // 2,331,334.76 + 210,557.60
  });

  it('reads the 政府性基金 sentence as the fund, not as the 财政拨款 totals', () => {
    const fundSentence = results.filter((r) => r.check.startsWith('narrative/') && r.actual === '140000');
    expect(fundSentence.every((r) => r.status === 'pass' || r.status === 'skipped')).toBe(true);
    expect(results.some((r) => r.check.startsWith('narrative/财政拨款收入总计/') && r.actual === '140000')).toBe(false);
  });

  it('checks the gov_fund carry-over identity and 04 ↔ 07', () => {
    expect(byCheck(results, 'gov_fund/columns-carryover/合计').status).toBe('pass');
    expect(byCheck(results, 'cross/appropriation-gov_fund/total').status).toBe('pass');
    expect(byCheck(results, 'cross/appropriation-gov_fund/229').status).toBe('pass');
  });
});

describe('validateDocuments on seed 001 (元, prints inconsistent numbers)', () => {
  const results = validateDocuments([seed001()]);

  it('reports exactly its real inconsistencies', () => {
    expect(
      failures(results)
        .map((r) => [r.check.replace(/\/L\d+$/, ''), r.severity])
        .sort(),
    ).toEqual(
      [
        // 04 prints 卫生健康 6,106,079.83 (and 本年支出合计 7,295,041.17) where 01/03/05 print 6,078,929.72.
        ['cross/appropriation-general_budget/210', 'error'],
        ['cross/appropriation-general_budget/total', 'error'],
        // 06 合计 4,448,400.69 against 05 基本支出 4,217,447.45.
        ['cross/basic-detail/amount', 'error'],
        // 公用经费合计 343,371.77 = 302 alone; 310 32,835.00 is left out.
        ['general_budget_basic/public-use/amount', 'error'],
        // The text restates 06's 4,448,400.69 as 一般公共预算财政拨款基本支出 (05 prints 4,217,447.45).
        ['narrative/一般公共预算财政拨款基本支出', 'warning'],
        // The text says "5. 资本性支出0元" where 06 prints 310 资本性支出 32,835.00.
        ['narrative/经济分类 资本性支出', 'warning'],
      ].sort(),
    );
  });

  it('checks the economic 类 the 基本支出 text restates by name', () => {
    const economic = results.filter((r) => r.check.startsWith('narrative/经济分类'));
    expect(economic.map((r) => [r.check.replace(/\/L\d+$/, ''), r.status, r.actual]).sort()).toEqual(
      [
        ['narrative/经济分类 工资福利支出', 'pass', '4101668.92'],
        ['narrative/经济分类 商品和服务支出', 'pass', '343371.77'],
        ['narrative/经济分类 对个人和家庭的补助', 'pass', '3360'],
        ['narrative/经济分类 资本性支出', 'fail', '0'],
        ['narrative/经济分类 对企业补助', 'pass', '0'],
        ['narrative/经济分类 其他支出', 'pass', '0'],
      ].sort(),
    );
  });

  it('names the cells of each inconsistency', () => {
    const cls = byCheck(results, 'cross/appropriation-general_budget/210');
    expect(cellsOf(cls)).toEqual([
      't04|210 卫生健康支出|general_budget|6106079.83',
      't05|210 卫生健康支出|total|6078929.72',
    ]);
    expect(cls.difference).toBe('27150.11');
    expect(cls.cells[0]?.source).toBe('lines 210-210');
    const basic = byCheck(results, 'cross/basic-detail/amount');
    expect(cellsOf(basic)).toEqual(['t06|合计|amount|4448400.69', 't05|合计|basic|4217447.45']);
    const pub = byCheck(results, 'general_budget_basic/public-use/amount');
    expect(cellsOf(pub)).toContain('t06|公用经费合计|amount|343371.77');
    expect(cellsOf(pub)).toContain('t06|310 资本性支出|amount|32835');
    expect([pub.actual, pub.expected, pub.tolerance]).toEqual(['343371.77', '376206.77', '0']);
  });

  it('skips the checks of its empty 政府性基金, 国有资本 and “三公” tables', () => {
    const skipped = results.filter((r) => r.status === 'skipped');
    expect(skipped.filter((r) => r.check.startsWith('cross/')).map((r) => r.check)).toEqual([
      'cross/appropriation-gov_fund',
      'cross/appropriation-state_capital',
    ]);
    // Its “三公” table prints no row and it publishes no 统计表: those sentences have nothing to be compared with.
    expect(
      skipped
        .filter((r) => !r.check.startsWith('cross/'))
        .every((r) => /^narrative\/(三公|政府采购)/.test(r.check) && /^table absent or empty/.test(r.message)),
    ).toBe(true);
  });

  it('formats a readable per-document summary naming the failing cells', () => {
    const text = formatValidationSummary(summarizeValidation(results));
    expect(text).toMatch(/^001_55a449a7ecd7ae44\.txt: \d+ checks/);
    expect(text).toContain('ERROR cross/appropriation-general_budget/210');
    expect(text).toContain('t04 appropriation_summary 210 卫生健康支出 [general_budget] = 6106079.83 (lines 210-210)');
  });
});
