import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FACT_COLUMNS, ValidationReportSchema } from '@ledgerlift/normalize';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_FILES, writeRunOutputs } from '../src/index.ts';
import { FACTS_A, readCsv, SHA_A, SHA_B, sampleRun } from './fixtures.ts';

let out: string;

const readJson = async (name: string) => JSON.parse(await readFile(path.join(out, name), 'utf8'));

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'll-out-'));
  await writeRunOutputs(out, sampleRun());
});

describe('writeRunOutputs', () => {
  it('writes every output file and leaves no temp files', async () => {
    expect((await readdir(out)).sort()).toEqual([...OUTPUT_FILES].sort());
  });

  it('tables.json lists every extracted table with run-unique ids and the recognised kind', async () => {
    const { tables } = await readJson('tables.json');
    const ids = tables.map((t: { id: string }) => t.id);
    // Both documents have stem 000_a and a table t01: the second stem is disambiguated by its sha256 prefix.
    expect(ids).toEqual(['000_a~aaaaaaaa/t01', '000_a~aaaaaaaa/t02', '000_a~bbbbbbbb/t01']);
    expect(tables[0].recognised).toMatchObject({ kind: 'income', number: '公开02表', unit_printed: '万元' });
    expect(tables[1].recognised).toBeNull();
    expect(tables[0].cells[3]).toMatchObject({ text: '1,629.60', provenance: { lines: [13, 13] } });
    expect(tables[0]).toMatchObject({ table_id: 't01', document: '000_a.txt', document_sha256: SHA_A });
  });

  it('facts.csv has the FACT_COLUMNS header and exact values, text with commas and quotes intact', async () => {
    const text = await readFile(path.join(out, 'facts.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe(FACT_COLUMNS.join(','));
    const rows = await readCsv(path.join(out, 'facts.csv'));
    expect(rows.map((r) => r.value)).toEqual(['16296000', '0.05', '≥95%，"优"', '16296005.96']);
    expect(rows[0]).toMatchObject({ row_code: '201', value_printed: '1,629.60', source: 'lines 12-12' });
    expect(rows[3]?.document_sha256).toBe(SHA_B);
  });

  it("facts carry run-unique table ids, each one a table's id in tables.json", async () => {
    const rows = await readCsv(path.join(out, 'facts.csv'));
    const { tables } = await readJson('tables.json');
    // Both documents print a t01: facts of the second point at its own table, not the first document's.
    expect(rows.map((r) => r.table_id)).toEqual([
      '000_a~aaaaaaaa/t01',
      '000_a~aaaaaaaa/t03',
      '000_a~aaaaaaaa/t04',
      '000_a~bbbbbbbb/t01',
    ]);
    const ids = new Set(tables.map((t: { id: string }) => t.id));
    expect(ids.has(rows[0]?.table_id)).toBe(true);
    expect(ids.has(rows[3]?.table_id)).toBe(true);
  });

  it('facts.jsonl holds the same rows in column order', async () => {
    const lines = (await readFile(path.join(out, 'facts.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const first = JSON.parse(lines[0] ?? '{}');
    expect(Object.keys(first)).toEqual(FACT_COLUMNS);
    expect(first).toEqual({ ...FACTS_A[0], table_id: '000_a~aaaaaaaa/t01' });
  });

  it('amounts.csv keeps money facts only, with codes split by scheme', async () => {
    const rows = await readCsv(path.join(out, 'amounts.csv'));
    expect(rows.map((r) => [r.functional_code, r.economic_code, r.value])).toEqual([
      ['201', null, '16296000'],
      [null, '30101', '0.05'],
      [null, null, '16296005.96'],
    ]);
  });

  it('documents.csv has one row per readable document', async () => {
    const rows = await readCsv(path.join(out, 'documents.csv'));
    expect(rows.map((r) => [r.sha256, r.status, r.tables, r.facts])).toEqual([
      [SHA_A, 'ok', '2', '3'],
      [SHA_B, 'ok', '1', '1'],
    ]);
  });

  it('validation.json follows ValidationReportSchema with counted failures', async () => {
    const report = ValidationReportSchema.parse(await readJson('validation.json'));
    expect(report.summary).toEqual({ checks: 4, passed: 1, failed: 2, skipped: 1, errors: 1, warnings: 1 });
  });

  it('run.json records every input with status, error, counts and timings', async () => {
    const run = await readJson('run.json');
    expect(run.summary).toEqual({ documents: 3, ok: 2, failed: 1, skipped: 0 });
    expect(run.documents[0]).toMatchObject({ path: 'corpus/000_a.txt', sha256: SHA_A, status: 'ok', tables: 2 });
    expect(run.documents[0]).toMatchObject({ facts: 3, checks: 4, timings_ms: { extract: 10, total: 12 } });
    expect(run.documents[2]).toMatchObject({
      path: 'corpus/empty.pdf',
      status: 'failed',
      error: 'corpus/empty.pdf: file is empty (0 bytes)',
    });
  });

  it('rejects a run that does not match the schema before touching the folder', async () => {
    const bad = { ...sampleRun(), documents: [{ path: 'x', sha256: '', status: 'maybe', timings: {} }] };
    const dir = await mkdtemp(path.join(tmpdir(), 'll-bad-'));
    await expect(writeRunOutputs(dir, bad as never)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});
