/** Hand-built run inputs for load tests: small documents whose expected outputs can be read off by eye. */
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { ExtractedDocument, ExtractedTable } from '@ledgerlift/extract';
import type { Fact, NormalizedDocument, NormalizedTable, ValidationResult } from '@ledgerlift/normalize';
import type { RunDocument, RunOutputs } from '../src/index.ts';

export const SHA_A = 'a'.repeat(64);
export const SHA_B = 'b'.repeat(64);

/** A 2×2 table: header row and one body row, printed on text lines `first`..`first+1`. */
export function table(id: string, title: string, first: number): ExtractedTable {
  return {
    id,
    pages: [1, 1],
    lines: [first, first + 1],
    title,
    caption: [{ lineNo: first - 1, text: '单位：万元' }],
    headerRows: 1,
    nRows: 2,
    nCols: 2,
    cells: [
      {
        text: '项目',
        row: 0,
        col: 0,
        rowspan: 1,
        colspan: 1,
        header: true,
        provenance: { lines: [first, first] },
        confidence: 1,
      },
      {
        text: '合计',
        row: 0,
        col: 1,
        rowspan: 1,
        colspan: 1,
        header: true,
        provenance: { lines: [first, first] },
        confidence: 1,
      },
      {
        text: '一般公共服务支出',
        row: 1,
        col: 0,
        rowspan: 1,
        colspan: 1,
        header: false,
        provenance: { lines: [first + 1, first + 1] },
        confidence: 1,
      },
      {
        text: '1,629.60',
        row: 1,
        col: 1,
        rowspan: 1,
        colspan: 1,
        header: false,
        provenance: { lines: [first + 1, first + 1] },
        confidence: 1,
      },
    ],
    layout: { kind: 'grid' },
    confidence: 1,
    method: 'text-tabbed',
    warnings: [],
  };
}

/** A fact with every column filled from `over` or blank. */
export function fact(over: Partial<Fact>): Fact {
  return {
    document: '000_a.txt',
    document_sha256: SHA_A,
    entity: '某市农业农村局',
    year: '2023',
    report_type: '部门决算',
    table_id: 't01',
    table_kind: 'income',
    table_number: '公开02表',
    table_title: '收入决算表',
    row_code: '',
    code_scheme: '',
    row_level: '',
    parent_code: '',
    code_status: '',
    row_name: '',
    row_name_printed: '',
    row_path: '',
    row_line: '',
    side: '',
    project: '',
    column_key: 'total',
    column_label: '本年收入合计',
    column_number: '',
    value: '',
    value_status: 'number',
    value_printed: '',
    unit: '元',
    unit_printed: '万元',
    page: '',
    source: 'lines 12-12',
    confidence: '1',
    ...over,
  };
}

function extracted(path: string, sha256: string, tables: ExtractedTable[]): ExtractedDocument {
  const name = path.split('/').at(-1) ?? path;
  return {
    source: { path, name, sha256, bytes: 1234, mediaType: 'text/plain', pages: 1 },
    text: [{ lineNo: 1, text: '某市农业农村局2023年度部门决算' }],
    tables,
    warnings: [],
  };
}

function normalizedTable(id: string, document: string): NormalizedTable {
  return {
    id,
    document,
    kind: 'income',
    number: '公开02表',
    title: '收入决算表',
    unit: '元',
    unitPrinted: '万元',
    project: '',
    pages: [1, 1],
    rows: [],
    empty: false,
    warnings: [],
  };
}

function normalized(doc: ExtractedDocument, facts: Fact[], tables: NormalizedTable[]): NormalizedDocument {
  return {
    meta: {
      document: doc.source.name,
      sha256: doc.source.sha256,
      entity: '某市农业农村局',
      year: '2023',
      reportType: '部门决算',
      profile: 'cn-final-accounts',
    },
    tables,
    facts,
    text: doc.text,
    warnings: [],
  };
}

/** Facts of document A: printed 1,629.60 万元 → 16296000 元; a functional and an economic code; a text value. */
export const FACTS_A: Fact[] = [
  fact({
    row_code: '201',
    code_scheme: 'exp_func',
    row_name: '一般公共服务支出',
    row_name_printed: '一般公共服务支出',
    value: '16296000',
    value_printed: '1,629.60',
  }),
  fact({
    table_id: 't03',
    table_kind: 'general_budget_basic',
    row_code: '30101',
    code_scheme: 'dep_bgt_eco',
    row_name: '基本工资',
    column_key: 'amount',
    value: '0.05',
    value_printed: '0.05',
    unit_printed: '元',
  }),
  fact({
    table_id: 't04',
    table_kind: 'performance',
    project: '高标准农田建设',
    row_path: '产出指标 / 质量指标',
    row_name: '验收合格率',
    column_key: 'target',
    value: '≥95%，"优"',
    value_status: 'text',
    value_printed: '≥95%，"优"',
    unit: '',
    unit_printed: '',
  }),
];

/** A run of three inputs: two documents with the same stem (and both a `t01`) and one that failed. */
export function sampleRun(): RunOutputs {
  const docA = extracted('corpus/000_a.txt', SHA_A, [table('t01', '收入决算表', 12), table('t02', '说明', 30)]);
  const docB = extracted('corpus/sub/000_a.txt', SHA_B, [table('t01', '收入决算表', 5)]);
  const factB = fact({
    document_sha256: SHA_B,
    row_name: '本年收入合计',
    value: '16296005.96',
    value_printed: '1629.600596',
  });
  const documents: RunDocument[] = [
    {
      path: 'corpus/000_a.txt',
      sha256: SHA_A,
      status: 'ok',
      extracted: docA,
      normalized: normalized(docA, FACTS_A, [normalizedTable('t01', '000_a.txt')]),
      timings: { extract: 10, normalize: 2, total: 12 },
    },
    {
      path: 'corpus/sub/000_a.txt',
      sha256: SHA_B,
      status: 'ok',
      extracted: docB,
      normalized: normalized(docB, [factB], []),
      timings: { extract: 5, normalize: 1, total: 6 },
    },
    {
      path: 'corpus/empty.pdf',
      sha256: '',
      status: 'failed',
      error: 'corpus/empty.pdf: file is empty (0 bytes)',
      timings: { total: 1 },
    },
  ];
  return {
    started: '2026-11-22T08:00:00.000Z',
    finished: '2026-11-22T08:00:01.000Z',
    documents,
    validation: [check('pass', 'error'), check('fail', 'error'), check('fail', 'warning'), check('skipped', 'info')],
    timings: { total: 1000 },
    errors: [],
  };
}

/** A validation result about document A. */
export function check(status: ValidationResult['status'], severity: ValidationResult['severity']): ValidationResult {
  return {
    document: '000_a.txt',
    check: `income.total_equals_sum.${status}`,
    description: '合计 = sum of columns',
    status,
    severity,
    expected: '16296000',
    actual: status === 'fail' ? '16296100' : '16296000',
    difference: status === 'fail' ? '100' : '0',
    tolerance: '0',
    tolerance_reason: 'exact',
    cells: [
      {
        table_id: 't01',
        table_kind: 'income',
        row: '201',
        column: 'total',
        page: '',
        source: 'lines 12-12',
        value: '16296000',
      },
    ],
    message: '',
  };
}

/** Read a CSV back with DuckDB's own parser (independent of csv-stringify); empty fields come back as null. */
export async function readCsv(file: string): Promise<Record<string, string | null>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await DuckDBConnection.create(instance);
  try {
    const reader = await connection.runAndReadAll(
      `SELECT * FROM read_csv(?, header = true, all_varchar = true, delim = ',', quote = '"')`,
      [file],
    );
    return reader.getRowObjectsJS() as Record<string, string | null>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
