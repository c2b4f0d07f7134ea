/**
 * Debug aid: print ledgerlift's tables for one corpus-external PDF page next to the expected ones.
 * Usage: tsx bench/show-table.ts <suite/file.pdf> [page]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tableRows } from '../packages/extract/src/pdf/grid.ts';
import { extractPdf } from '../packages/extract/src/pdf/index.ts';
import { readSource } from '../packages/extract/src/source.ts';

const corpus = process.env.CORPUS_EXTERNAL ?? '/work/shared/corpus-external';
const [rel, pageArg] = process.argv.slice(2);
if (!rel) throw new Error('usage: show-table.ts <suite/file.pdf> [page]');
const page = pageArg ? Number(pageArg) : undefined;
const { source, bytes } = await readSource(path.join(corpus, rel));
const doc = await extractPdf(source, bytes);
const show = (rows: string[][]) => {
  for (const r of rows) console.log(`  ${r.map((c) => c.replace(/\n/g, '⏎')).join(' | ')}`);
};
for (const t of doc.tables) {
  if (page !== undefined && (page < t.pages[0] || page > t.pages[1])) continue;
  console.log(
    `OURS ${t.id} ${t.method} pages ${t.pages} ${t.nRows}x${t.nCols} header ${t.headerRows} title ${t.title ?? '-'}`,
  );
  show(tableRows(t, page));
}
const expected = JSON.parse(readFileSync(path.join(corpus, rel.replace(/\.pdf$/, '.expected.json')), 'utf8')) as {
  tables: { id: string; page: number; rows: string[][] }[];
};
for (const t of expected.tables) {
  if (page !== undefined && t.page !== page) continue;
  console.log(`EXPECTED ${t.id} page ${t.page}`);
  show(t.rows);
}
