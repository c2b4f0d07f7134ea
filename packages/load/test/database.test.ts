import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { upsertDatabase } from '../src/index.ts';
import { check, fact, SHA_A, SHA_B, sampleRun } from './fixtures.ts';

async function query(dbPath: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(dbPath);
  const connection = await DuckDBConnection.create(instance);
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const counts = (db: string) =>
  query(
    db,
    `SELECT (SELECT count(*) FROM documents)::INT AS documents, (SELECT count(*) FROM facts)::INT AS facts,
            (SELECT count(*) FROM validation)::INT AS checks`,
  );

describe('upsertDatabase', () => {
  it('loads documents, facts and validation; money is exact (VARCHAR + DECIMAL, never DOUBLE)', async () => {
    const db = path.join(await mkdtemp(path.join(tmpdir(), 'll-db-')), 'run.duckdb');
    const run = sampleRun();
    await upsertDatabase(db, run.documents, run.validation);
    // 2 readable documents (the failed one has no sha256), 3 + 1 facts, 4 checks about document A.
    expect(await counts(db)).toEqual([{ documents: 2, facts: 4, checks: 4 }]);
    const types = await query(
      db,
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'facts'
       AND column_name IN ('value', 'amount')  ORDER BY column_name`,
    );
    expect(types).toEqual([
      { column_name: 'amount', data_type: 'DECIMAL(38,10)' },
      { column_name: 'value', data_type: 'VARCHAR' },
    ]);
    const doubles = await query(
      db,
      `SELECT count(*)::INT AS n FROM information_schema.columns WHERE data_type IN ('DOUBLE', 'FLOAT')`,
    );
    expect(doubles).toEqual([{ n: 0 }]);
    // 16296000 + 0.05 + 16296005.96 = 32592006.01 exactly.
    const total = await query(db, `SELECT sum(amount)::VARCHAR AS s, count(amount)::INT AS n FROM facts`);
    expect(total).toEqual([{ s: '32592006.0100000000', n: 3 }]);
    // The same run-unique table ids as facts.csv: the two documents' t01 tables stay apart.
    const ids = await query(db, `SELECT DISTINCT table_id FROM facts ORDER BY 1`);
    expect(ids.map((r) => r.table_id)).toEqual([
      '000_a~aaaaaaaa/t01',
      '000_a~aaaaaaaa/t03',
      '000_a~aaaaaaaa/t04',
      '000_a~bbbbbbbb/t01',
    ]);
  });

  it('re-running the same documents replaces their rows instead of duplicating them', async () => {
    const db = path.join(await mkdtemp(path.join(tmpdir(), 'll-db-')), 'run.duckdb');
    const run = sampleRun();
    await upsertDatabase(db, run.documents, run.validation);
    await upsertDatabase(db, run.documents, run.validation);
    expect(await counts(db)).toEqual([{ documents: 2, facts: 4, checks: 4 }]);

    // Document B alone again, now with two facts and one check: only B's rows change.
    const b = run.documents[1]!;
    const normalized = b.normalized!;
    const facts = [...normalized.facts, fact({ document_sha256: SHA_B, column_key: 'fiscal', value: '1' })];
    const rerun = { ...b, normalized: { ...normalized, meta: { ...normalized.meta, document: '000_b.txt' }, facts } };
    await upsertDatabase(db, [rerun], [{ ...check('fail', 'error'), document: '000_b.txt' }]);
    expect(await counts(db)).toEqual([{ documents: 2, facts: 5, checks: 5 }]);
    const bySha = await query(db, `SELECT document_sha256 AS sha, count(*)::INT AS n FROM facts GROUP BY 1 ORDER BY 1`);
    expect(bySha).toEqual([
      { sha: SHA_A, n: 3 },
      { sha: SHA_B, n: 2 },
    ]);
  });

  it('refuses a database whose tables have other columns, naming the table', async () => {
    const db = path.join(await mkdtemp(path.join(tmpdir(), 'll-db-')), 'run.duckdb');
    await query(db, 'CREATE TABLE facts (document VARCHAR, value DOUBLE)');
    await expect(upsertDatabase(db, sampleRun().documents)).rejects.toThrow(
      /table facts has columns \(document, value\)/,
    );
  });

  it('a failing load rolls back: the previous rows stay', async () => {
    const db = path.join(await mkdtemp(path.join(tmpdir(), 'll-db-')), 'run.duckdb');
    // The same validation table as upsertDatabase creates, plus a CHECK that lets the test make an INSERT fail
    // after the document's old rows were already deleted inside the transaction.
    const columns = ['document_sha256', 'document', 'check', 'description', 'status', 'severity', 'expected']
      .concat(['actual', 'difference', 'tolerance', 'tolerance_reason', 'message', 'cells'])
      .map((c) => (c === 'check' ? `"check" VARCHAR CHECK ("check" <> 'boom')` : `"${c}" VARCHAR`));
    await query(db, `CREATE TABLE validation (${columns.join(', ')})`);
    const run = sampleRun();
    await upsertDatabase(db, run.documents, run.validation);
    expect(await counts(db)).toEqual([{ documents: 2, facts: 4, checks: 4 }]);
    const a = run.documents[0]!;
    const fewer = { ...a, normalized: { ...a.normalized!, facts: [] } };
    await expect(upsertDatabase(db, [fewer], [{ ...check('fail', 'error'), check: 'boom' }])).rejects.toThrow(
      /boom|CHECK/i,
    );
    expect(await counts(db)).toEqual([{ documents: 2, facts: 4, checks: 4 }]);
  });
});
