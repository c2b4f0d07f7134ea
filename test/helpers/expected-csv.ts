/**
 * Reading the hand-made ground truth in corpus/expected/<seed>.tables.csv (format: docs/contract.md,
 * "Expected output files"). Kept free of pipeline code so the expectations stay independent of it.
 */
import { readFileSync } from 'node:fs';

export const EXPECTED_COLUMNS = [
  'table_kind',
  'project',
  'side',
  'row_code',
  'row_path',
  'row_name',
  'row_line',
  'column_key',
  'value',
  'line',
] as const;

/** Canonical decimal: no separators, no trailing fractional zeros, no trailing dot, no "-0". */
const CANONICAL_RE = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

/** One expected value: the CSV columns, with `line` as a number. */
export interface ExpectedRow {
  table_kind: string;
  project: string;
  side: '' | 'income' | 'expenditure';
  row_code: string;
  row_path: string;
  row_name: string;
  row_line: string;
  column_key: string;
  value: string;
  line: number;
}

/** Field rules (the root test folder cannot resolve zod, so they are checked by hand). */
const FIELD_RULES: Partial<Record<(typeof EXPECTED_COLUMNS)[number], RegExp>> = {
  table_kind: /^[a-z_]+$/,
  side: /^(income|expenditure)?$/,
  row_code: /^(\d{3}|\d{5}|\d{7})?$/,
  row_line: /^(\d+)?$/,
  column_key: /^[a-z_]+$/,
  value: CANONICAL_RE,
  line: /^[1-9]\d*$/,
};

/** Why a record is not a valid expected row, or undefined when it is. */
function recordProblem(record: string[]): string | undefined {
  if (record.length !== EXPECTED_COLUMNS.length) return `${record.length} fields, want ${EXPECTED_COLUMNS.length}`;
  const bad = EXPECTED_COLUMNS.find((column, j) => !(FIELD_RULES[column]?.test(record[j] ?? '') ?? true));
  if (bad) return `bad ${bad}`;
  // 三公 prints a single unnamed data row; every other row needs a code or a name.
  if (record[3] === '' && record[5] === '' && record[0] !== 'three_public') return 'no row_code and no row_name';
  return undefined;
}

/** Split CSV text into records (RFC 4180: quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Parse and validate an expected tables CSV; throws naming the file and line of the first bad record. */
export function parseExpectedTables(text: string, file: string): ExpectedRow[] {
  const [header, ...records] = parseCsv(text);
  if (header?.join(',') !== EXPECTED_COLUMNS.join(',')) {
    throw new Error(`${file}: header must be ${EXPECTED_COLUMNS.join(',')}`);
  }
  return records.map((record, i) => {
    const problem = recordProblem(record);
    if (problem) throw new Error(`${file}:${i + 2}: ${problem}: ${JSON.stringify(record)}`);
    const field = (column: (typeof EXPECTED_COLUMNS)[number]) => record[EXPECTED_COLUMNS.indexOf(column)] ?? '';
    return {
      table_kind: field('table_kind'),
      project: field('project'),
      side: field('side') as ExpectedRow['side'],
      row_code: field('row_code'),
      row_path: field('row_path'),
      row_name: field('row_name'),
      row_line: field('row_line'),
      column_key: field('column_key'),
      value: field('value'),
      line: Number(field('line')),
    };
  });
}

/** Read corpus/expected/<stem>.tables.csv. */
export function readExpectedTables(file: string): ExpectedRow[] {
  return parseExpectedTables(readFileSync(file, 'utf8'), file);
}
