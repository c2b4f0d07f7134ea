/**
 * Property tests of the raw-text extractor on generated 支出决算表-style tables: with the damage this converter
 * does (fake-bold headers, wrapped names, amounts glued to the next code, blank cells as spaces) every row comes
 * back exactly; with destructive damage (dropped lines, random bytes) it never throws and never outputs a value
 * that was not printed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, dec, toDecimalString } from '../src/common/decimal.ts';
import { toLines } from '../src/text/lines.ts';
import { undoubleToken } from '../src/text/raw/doubling.ts';
import { extractRawTables, readRawTables } from '../src/text/raw/index.ts';

interface Row {
  code: string;
  name: string;
  basic?: string;
  project?: string;
}

const NAME_CHARS = Array.from('社会保障和就业支出行政事业单位养老医疗卫生健康住房改革其他常务管理');
const amountArb = fc
  .tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }))
  .map(([i, f]) => `${i}.${String(f).padStart(2, '0')}`);
/** The pieces a name is printed in: wrapped after `wrap` characters when it is longer. */
const namePieces = (name: string, wrap: number) =>
  wrap > 0 && name.length > wrap ? [name.slice(0, wrap), name.slice(wrap)] : [name];
const rowArb = fc
  .record({
    name: fc.array(fc.constantFrom(...NAME_CHARS), { minLength: 2, maxLength: 14 }).map((cs) => cs.join('')),
    len: fc.constantFrom(3, 5, 7),
    basic: fc.option(amountArb, { nil: undefined }),
    project: fc.option(amountArb, { nil: undefined }),
    wrap: fc.integer({ min: 0, max: 6 }),
    glue: fc.boolean(),
    pageBreak: fc.boolean(),
  })
  // A printed piece that is two copies of ≥ 2 characters (位生位生, whole or as one wrapped line) is
  // indistinguishable from fake bold without glyph positions, so the generator leaves those out; one-character
  // repeats such as 社社 stay in and must survive.
  .filter((r) => namePieces(r.name, r.wrap).every((piece) => undoubleToken(piece) === undefined));
const tableArb = fc.array(rowArb, { minLength: 3, maxLength: 12 }).map((specs) =>
  specs.map((s, i) => ({
    ...s,
    // Unique codes of the drawn length: a running number padded after a fixed 类 prefix.
    code: `2${String(i + 10).padStart(s.len - 1, '0')}`,
    basic: s.basic ?? (s.project === undefined ? '1.00' : undefined),
  })),
);

const double = (s: string) => s + s;
const RUNNING_HEADER = '某县医疗保障局2022年部门决算公开报告';

/** Print rows the way this converter does; returns the text and the rows as printed. */
function render(specs: readonly (Row & { wrap: number; glue: boolean; pageBreak: boolean })[]): string {
  const out = [
    RUNNING_HEADER,
    '',
    ` ${double('支出决算表')}`,
    '',
    '公开03表',
    '',
    '部门名称：某县医疗保障局 2022年度  金额单位：元',
    '',
    double('项目'),
    `${double('本年支出合计')} ${double('基本支出')} ${double('项目支出')}`,
    '',
    double('功能分类'),
    double('科目编码'),
    '',
    double('科目名称'),
    '',
    '栏次栏次 1 2 3',
    '',
  ];
  let pending = '';
  for (const r of specs) {
    const total = toDecimalString(add(dec(r.basic ?? '0'), dec(r.project ?? '0')));
    const totalText = total.includes('.') ? total.padEnd(total.indexOf('.') + 3, '0') : `${total}.00`;
    const cells = [totalText, r.basic ?? '', r.project ?? ''];
    const values = cells.join(' ') + (cells.at(-1) === '' ? ' ' : '');
    if (r.pageBreak && !pending) {
      // Page furniture and the repeated header; the first line of the new page gains a leading space.
      out.push('-7-', '', RUNNING_HEADER, '', '', double('项目'), double('本年支出合计'), '栏次栏次 1 2 3', '');
    }
    const codeLine = (r.pageBreak && !pending ? ' ' : '') + pending + r.code;
    pending = '';
    const pieces = namePieces(r.name, r.wrap);
    if (pieces.length > 1) {
      out.push(codeLine, ...pieces, '');
      if (r.glue && cells.at(-1) !== '') pending = values;
      else out.push(values, '');
    } else {
      if (r.glue && cells.at(-1) !== '') pending = `${codeLine} ${r.name} ${values}`;
      else out.push(`${codeLine} ${r.name} ${values}`, '');
    }
  }
  if (pending) out.push(pending, '');
  out.push('注：本表反映部门本年度各项支出情况。');
  return out.join('\n');
}

function rowsOf(text: string) {
  const [table] = extractRawTables(toLines(text));
  const rows = new Map<string, (string | undefined)[]>();
  if (!table) return rows;
  for (let r = table.headerRows; r < table.nRows; r++) {
    const cells = table.cells.filter((c) => c.row === r && !c.header);
    const code = cells.find((c) => c.col === 0)?.text ?? '';
    rows.set(
      code,
      [1, 2, 3, 4].map((col) => cells.find((c) => c.col === col)?.text),
    );
  }
  return rows;
}

describe('raw text extractor, generated tables', () => {
  it('recovers every row exactly through doubling, wrapping, gluing, blank cells and page breaks', () => {
    fc.assert(
      fc.property(tableArb, (specs) => {
        const rows = rowsOf(render(specs));
        expect(rows.size).toBe(specs.length);
        for (const s of specs) {
          const total = toDecimalString(add(dec(s.basic ?? '0'), dec(s.project ?? '0')));
          const got = rows.get(s.code);
          expect(got?.[0]).toBe(s.name);
          expect(got?.[1] && toDecimalString(dec(got[1]))).toBe(total);
          expect(got?.[2]).toBe(s.basic);
          expect(got?.[3]).toBe(s.project);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never throws and never outputs a number that was not printed, whatever the damage', () => {
    const damage = fc.record({
      drop: fc.array(fc.nat(80), { maxLength: 6 }),
      noise: fc.array(fc.tuple(fc.nat(80), fc.string({ maxLength: 12 })), { maxLength: 4 }),
      doubleLine: fc.array(fc.nat(80), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(tableArb, damage, (specs, d) => {
        let lines = render(specs).split('\n');
        lines = lines.map((l, i) => (d.doubleLine.includes(i) ? l + l : l));
        for (const [at, junk] of d.noise) lines.splice(at % (lines.length + 1), 0, junk);
        lines = lines.filter((_, i) => !d.drop.includes(i));
        const text = lines.join('\n');
        const { tables, warnings } = readRawTables(toLines(text));
        expect(warnings).toEqual([]);
        const total = text.split('\n').length;
        for (const t of tables)
          for (const c of t.cells) {
            const [a, b] = c.provenance.lines ?? [1, 1];
            expect(a >= 1 && b <= total && a <= b).toBe(true);
            if (/^\d[\d.,]*$/.test(c.text)) expect(text.includes(c.text)).toBe(true);
          }
      }),
      { numRuns: 80 },
    );
  });

  it('survives random bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (junk) => {
        const text = `${double('支出决算表')}\n栏次栏次 1 2 3\n${junk}\n注：x`;
        expect(readRawTables(toLines(text)).warnings).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
