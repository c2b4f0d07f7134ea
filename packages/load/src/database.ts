/**
 * The embedded DuckDB database: documents, facts and validation results of every run, keyed by document sha256.
 * Loading a document again replaces its rows in one transaction; money stays exact (VARCHAR + DECIMAL, no DOUBLE).
 */
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { FACT_COLUMNS, type Fact, type ValidationResult } from '@ledgerlift/normalize';
import { DOCUMENT_COLUMNS, type DocumentRow, documentRows } from './documents.ts';
import { runFacts, writtenDocuments } from './run-facts.ts';
import type { RunDocument } from './run-model.ts';

// DECIMAL(38,10) holds any 元 amount to the fen and ratios to 10 places; values with more places keep only `value`.
const AMOUNT_TYPE = 'DECIMAL(38,10)';
const AMOUNT_RE = /^-?\d{1,28}(?:\.\d{1,10})?$/;

const VALIDATION_COLUMNS = [
  'document_sha256',
  'document',
  'check',
  'description',
  'status',
  'severity',
  'expected',
  'actual',
  'difference',
  'tolerance',
  'tolerance_reason',
  'message',
  'cells',
] as const;

const INTEGER_DOCUMENT_COLUMNS = new Set<string>(['bytes', 'pages', 'tables', 'facts']);

const q = (name: string) => `"${name}"`;

const SCHEMA_SQL = [
  `CREATE TABLE IF NOT EXISTS documents (${DOCUMENT_COLUMNS.map(
    (c) => `${q(c)} ${INTEGER_DOCUMENT_COLUMNS.has(c) ? 'BIGINT' : 'VARCHAR'}`,
  ).join(', ')}, loaded_at TIMESTAMP)`,
  `CREATE TABLE IF NOT EXISTS facts (${FACT_COLUMNS.map((c) => `${q(c)} VARCHAR`).join(', ')}, amount ${AMOUNT_TYPE})`,
  `CREATE TABLE IF NOT EXISTS validation (${VALIDATION_COLUMNS.map((c) => `${q(c)} VARCHAR`).join(', ')})`,
];

/** Fail clearly when a database made by another version has other columns (the appender relies on order). */
async function checkColumns(connection: DuckDBConnection, table: string, expected: readonly string[]): Promise<void> {
  const reader = await connection.runAndReadAll(
    'SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position',
    [table],
  );
  const actual = reader.getRows().map((r) => String(r[0]));
  if (actual.join(',') !== expected.join(',')) {
    throw new Error(
      `table ${table} has columns (${actual.join(', ')}), expected (${expected.join(', ')}): use a new database file`,
    );
  }
}

/** Exact numeric value of a fact for the `amount` column, or null when it is not a number that fits. */
function amountOf(fact: Fact): string | null {
  return fact.value_status === 'number' && AMOUNT_RE.test(fact.value) ? fact.value : null;
}

async function insertRows(
  connection: DuckDBConnection,
  table: string,
  columns: readonly string[],
  placeholders: readonly string[],
  rows: readonly DuckDBValue[][],
): Promise<void> {
  // Multi-row INSERTs with bound parameters: no quoting of data into SQL. Fine for a few rows (documents).
  const batch = Math.max(1, Math.floor(4000 / columns.length));
  const tuple = `(${placeholders.join(', ')})`;
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const sql = `INSERT INTO ${table} (${columns.map(q).join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`;
    await connection.run(sql, chunk.flat());
  }
}

/**
 * Bulk rows through DuckDB's appender, which joins the open transaction (a ROLLBACK drops them) and is far
 * faster than bound INSERTs. Strings are cast by DuckDB to the column type, so decimals stay exact.
 */
async function appendRows(
  connection: DuckDBConnection,
  table: string,
  rows: Iterable<readonly (string | null)[]>,
): Promise<void> {
  const appender = await connection.createAppender(table);
  try {
    for (const row of rows) {
      for (const value of row) {
        if (value === null) appender.appendNull();
        else appender.appendVarchar(value);
      }
      appender.endRow();
    }
    appender.flushSync();
  } catch (error) {
    try {
      appender.closeSync();
    } catch {
      // Closing an appender in an aborted transaction fails too; the first error is the one to report.
    }
    throw error;
  }
  appender.closeSync();
}

function documentValues(row: DocumentRow): DuckDBValue[] {
  return DOCUMENT_COLUMNS.map((c) => row[c]);
}

/** Rows to load: documents with known content, first input per sha256, facts only for successful ones. */
function loadPlan(docs: readonly RunDocument[], validation: readonly ValidationResult[]) {
  const documents = documentRows(docs);
  // The documents and facts the output folder holds: the first input of each sha256, table ids as facts.csv has them.
  const written = writtenDocuments(docs);
  const unique = written.filter((d) => d.sha256);
  const facts = runFacts(written);
  // Validation results name their document by file name only; when two inputs share a name the first one wins.
  const shaByName = new Map<string, string>();
  for (const d of unique)
    if (d.normalized && !shaByName.has(d.normalized.meta.document)) shaByName.set(d.normalized.meta.document, d.sha256);
  const checks = validation.flatMap((r) => {
    const sha = shaByName.get(r.document);
    return sha ? [{ sha, r }] : [];
  });
  return { documents, facts, checks };
}

/**
 * Load the documents (and the validation results about them) into the DuckDB file at `dbPath`, replacing any
 * rows of the same documents (by sha256) from earlier runs. All or nothing: one transaction.
 */
export async function upsertDatabase(
  dbPath: string,
  docs: readonly RunDocument[],
  validation: readonly ValidationResult[] = [],
): Promise<void> {
  const { documents, facts, checks } = loadPlan(docs, validation);
  const instance = await DuckDBInstance.create(dbPath);
  const connection = await DuckDBConnection.create(instance);
  try {
    for (const sql of SCHEMA_SQL) await connection.run(sql);
    await checkColumns(connection, 'facts', [...FACT_COLUMNS, 'amount']);
    await checkColumns(connection, 'validation', VALIDATION_COLUMNS);
    await connection.run('BEGIN TRANSACTION');
    try {
      const shas = documents.map((d) => d.sha256);
      if (shas.length > 0) {
        const list = shas.map(() => '?').join(', ');
        await connection.run(`DELETE FROM facts WHERE document_sha256 IN (${list})`, shas);
        await connection.run(`DELETE FROM validation WHERE document_sha256 IN (${list})`, shas);
        await connection.run(`DELETE FROM documents WHERE sha256 IN (${list})`, shas);
      }
      await insertRows(
        connection,
        'documents',
        [...DOCUMENT_COLUMNS, 'loaded_at'],
        [
          ...DOCUMENT_COLUMNS.map((c) => (INTEGER_DOCUMENT_COLUMNS.has(c) ? "TRY_CAST(NULLIF(?, '') AS BIGINT)" : '?')),
          'now()',
        ],
        documents.map(documentValues),
      );
      // Appender rows follow the table's column order, as created in SCHEMA_SQL.
      await appendRows(
        connection,
        'facts',
        facts.map((f) => [...FACT_COLUMNS.map((c) => f[c]), amountOf(f)]),
      );
      await appendRows(
        connection,
        'validation',
        checks.map(({ sha, r }) => [
          sha,
          r.document,
          r.check,
          r.description,
          r.status,
          r.severity,
          r.expected,
          r.actual,
          r.difference,
          r.tolerance,
          r.tolerance_reason,
          r.message,
          JSON.stringify(r.cells),
        ]),
      );
      await connection.run('COMMIT');
    } catch (error) {
      await connection.run('ROLLBACK');
      throw error;
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
