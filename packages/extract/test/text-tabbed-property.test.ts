/**
 * Property tests: the tab-separated extractor fed damaged seed fragments (doubled, wrapped, glued, dropped lines,
 * random bytes and tabs, stray form feeds) never throws, always returns schema-valid tables, and never outputs
 * a cell whose text was not printed on the lines its provenance names.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../src/common/amount.ts';
import { ExtractedTableSchema } from '../src/model.ts';
import { toLines } from '../src/text/lines.ts';
import { cleanCell } from '../src/text/tabbed/cells.ts';
import { extractTabbedTables } from '../src/text/tabbed/index.ts';

function seedLines(stem: string, from: number, to: number): string[] {
  const text = readFileSync(new URL(`../../../corpus/${stem}.txt`, import.meta.url), 'utf8');
  return text.split('\n').slice(from - 1, to);
}

/** Fragments covering each builder: two-sided and paged grids, shifted grid + side-by-side, forms. */
const FRAGMENTS = [
  seedLines('000_9a60f633ec701c44', 103, 200),
  seedLines('001_55a449a7ecd7ae44', 238, 316),
  seedLines('004_a5c24cdf4fd3c526', 309, 400),
  seedLines('000_9a60f633ec701c44', 1099, 1118),
];

type Damage =
  | { op: 'double' | 'drop' | 'glue'; at: number }
  | { op: 'wrap'; at: number; cut: number }
  | { op: 'insert'; at: number; text: string };

const noise = fc
  .array(
    fc.constantFrom(
      '\t',
      '\t\t',
      'a',
      '1',
      '0',
      ',',
      '.',
      '%',
      '表',
      '合计',
      ' ',
      '<b>',
      '</b>',
      '─',
      '\f',
      '项目',
      '12.5',
      '—',
    ),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ op: fc.constantFrom('double' as const, 'drop' as const, 'glue' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('wrap' as const), at: fc.nat(), cut: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(noise, fc.string({ maxLength: 20 })) }),
);

/** Apply the damage to a copy of the lines. */
function applyDamage(lines: readonly string[], damages: readonly Damage[]): string[] {
  const out = [...lines];
  for (const d of damages) {
    if (out.length === 0) break;
    const i = d.at % out.length;
    const line = out[i]!;
    if (d.op === 'double') out.splice(i, 0, line);
    else if (d.op === 'drop') out.splice(i, 1);
    else if (d.op === 'glue') out[i] = line.replace('\t', '');
    else if (d.op === 'wrap') {
      const cut = line.length === 0 ? 0 : d.cut % line.length;
      out.splice(i, 1, line.slice(0, cut), line.slice(cut));
    } else if (d.op === 'insert') out.splice(i, 0, d.text);
  }
  return out;
}

/** True when `text` is a concatenation of printed cells or of their space-separated words (any number of times). */
function isConcatenation(text: string, pieces: readonly string[]): boolean {
  const words = pieces.filter((p) => p !== '');
  // reach[i]: text[0, i) is a concatenation of pieces.
  const reach = Array<boolean>(text.length + 1).fill(false);
  reach[0] = true;
  for (let i = 0; i < text.length; i++) {
    if (!reach[i]) continue;
    for (const w of words) if (text.startsWith(w, i)) reach[i + w.length] = true;
  }
  return text !== '' && reach[text.length] === true;
}

describe('damaged input', () => {
  it('never throws, stays schema-valid and never invents cell text', () => {
    fc.assert(
      fc.property(fc.nat(FRAGMENTS.length - 1), fc.array(damage, { maxLength: 12 }), (which, damages) => {
        const content = applyDamage(FRAGMENTS[which]!, damages).join('\n');
        const lines = toLines(content);
        const tables = extractTabbedTables(lines);
        const printed = (first: number, last: number): string[] =>
          lines
            .filter((l) => l.lineNo >= first && l.lineNo <= last)
            .flatMap((l) => l.text.split('\t').map(cleanCell))
            .flatMap((c) => [c, ...c.split(/\s+/)]);
        for (const table of tables) {
          ExtractedTableSchema.parse(table);
          for (const cell of table.cells) {
            const [first, last] = cell.provenance.lines!;
            expect(first).toBeGreaterThanOrEqual(1);
            expect(last).toBeLessThanOrEqual(lines.length);
            const pieces = printed(first, last);
            expect(isConcatenation(cell.text, pieces), `${cell.text} from lines ${first}-${last}`).toBe(true);
            if (table.layout?.kind === 'grid' && parseAmount(cell.text).status === 'number') {
              expect(pieces).toContain(cell.text);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('random bytes and tabs alone never throw', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(noise, fc.string({ maxLength: 30 })), { maxLength: 40 }), (rows) => {
        const tables = extractTabbedTables(toLines(rows.join('\n')));
        for (const table of tables) ExtractedTableSchema.parse(table);
      }),
      { numRuns: 60 },
    );
  });
});
