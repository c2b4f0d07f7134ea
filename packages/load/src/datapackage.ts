/**
 * datapackage.json: a Frictionless Data Package v2 descriptor for the CSVs of a run, with typed fields, keys and
 * Fiscal Data Package `columnType`s where a column has exactly one fiscal meaning.
 */
import { FACT_COLUMNS, TableKindSchema, ValueStatusSchema } from '@ledgerlift/normalize';
import { AMOUNT_COLUMNS } from './amounts.ts';
import { DOCUMENT_COLUMNS } from './documents.ts';

/** A Table Schema field descriptor (the subset we use) plus the Fiscal Data Package `columnType`. */
export interface FieldDescriptor {
  name: string;
  type: 'string' | 'number' | 'integer' | 'year';
  description?: string;
  columnType?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; pattern?: string };
}

type FieldSpec = Omit<FieldDescriptor, 'name'>;

const SHA256 = { pattern: '^[0-9a-f]{64}$' };

// Column meanings shared by facts.csv and amounts.csv.
const COMMON: Record<string, FieldSpec> = {
  document: { type: 'string', description: 'File name of the source document.' },
  document_sha256: { type: 'string', description: 'sha256 of the source file bytes.', constraints: SHA256 },
  entity: {
    type: 'string',
    description: 'Reporting department or unit (部门/单位).',
    columnType: 'administrative-classification:generic:label',
  },
  year: { type: 'year', description: 'Fiscal year of the report.', columnType: 'date:fiscal-year' },
  table_id: {
    type: 'string',
    description: "Table id, unique in the run: `<document stem>/<table id>`, as tables.json's `id`.",
  },
  table_kind: {
    type: 'string',
    description: 'Recognised table kind.',
    constraints: { enum: [...TableKindSchema.options] },
  },
  side: {
    type: 'string',
    description: 'income or expenditure side of two-sided tables; empty otherwise.',
    columnType: 'direction',
    constraints: { enum: ['income', 'expenditure'] },
  },
  project: {
    type: 'string',
    description: 'Project name (performance tables).',
    columnType: 'activity:generic:project:label',
  },
  row_name: { type: 'string', description: 'Canonical row name (code list name for coded rows).' },
  row_path: { type: 'string', description: 'Row hierarchy, levels joined with " / ".' },
  column_key: { type: 'string', description: 'Canonical column key (contract: table kinds and column keys).' },
  source: { type: 'string', description: 'Where the value was printed: `lines A-B` or `pN [x0,top,x1,bottom]`.' },
};

const FACT_FIELDS: Record<string, FieldSpec> = {
  ...COMMON,
  report_type: { type: 'string', description: 'Report type, e.g. 部门决算.' },
  table_number: { type: 'string', description: 'Table number as printed (公开NN表).' },
  table_title: { type: 'string', description: 'Table title as printed.' },
  row_code: {
    type: 'string',
    // One column holds codes of two schemes; amounts.csv splits them into typed columns.
    description: 'Classification code of the row; its scheme is in code_scheme.',
  },
  code_scheme: { type: 'string', description: 'exp_func (functional) or dep_bgt_eco (economic), when coded.' },
  row_level: { type: 'string', description: 'Level of the code (类/款/项).' },
  parent_code: { type: 'string', description: 'Code of the parent row.' },
  code_status: { type: 'string', description: 'Whether the code/name pair matched the code list.' },
  row_name_printed: { type: 'string', description: 'Row name as printed.' },
  row_line: { type: 'string', description: '行次 as printed.' },
  column_label: { type: 'string', description: 'Printed header path of the column.' },
  column_number: { type: 'string', description: '栏次 as printed.' },
  value: {
    type: 'string',
    description: 'Canonical decimal (money in 元) when value_status is number; printed text when text.',
  },
  value_status: { type: 'string', constraints: { enum: [...ValueStatusSchema.options] } },
  value_printed: { type: 'string', description: 'The cell text as printed.' },
  unit: { type: 'string', description: 'Unit of value: 元, ratio, 分, 辆 …; empty for text.' },
  unit_printed: { type: 'string', description: 'Unit printed on the table (万元, 元).' },
  page: { type: 'integer', description: 'Page number (text input: page by form feed).' },
  confidence: { type: 'number', description: 'Extraction confidence 0–1.' },
};

const AMOUNT_FIELDS: Record<string, FieldSpec> = {
  ...COMMON,
  functional_code: {
    type: 'string',
    description: '支出功能分类 code (exp_func).',
    columnType: 'functional-classification:generic:code',
  },
  economic_code: {
    type: 'string',
    description: '部门预算支出经济分类 code (dep_bgt_eco).',
    columnType: 'economic-classification:generic:code',
  },
  column_key: { ...COMMON.column_key, type: 'string', columnType: 'value-kind:code' },
  value: { type: 'number', description: 'Amount in 元 (exact decimal).', columnType: 'value' },
};

const DOCUMENT_FIELDS: Record<string, FieldSpec> = {
  sha256: { type: 'string', description: 'sha256 of the file bytes.', constraints: { ...SHA256, required: true } },
  document: { type: 'string', description: 'File name.' },
  path: { type: 'string', description: 'Path as given to the run.' },
  status: { type: 'string', constraints: { enum: ['ok', 'failed', 'skipped'] } },
  error: { type: 'string', description: 'Why the document failed.' },
  media_type: { type: 'string' },
  bytes: { type: 'integer' },
  pages: { type: 'integer' },
  entity: COMMON.entity as FieldSpec,
  year: COMMON.year as FieldSpec,
  report_type: { type: 'string' },
  profile: { type: 'string', description: 'Normalization profile used.' },
  tables: { type: 'integer', description: 'Tables extracted.' },
  facts: { type: 'integer', description: 'Facts written.' },
};

function fields(columns: readonly string[], specs: Record<string, FieldSpec>): FieldDescriptor[] {
  return columns.map((name) => {
    const spec = specs[name];
    if (!spec) throw new Error(`datapackage: no field description for column ${name}`);
    return { name, ...spec };
  });
}

const documentsKey = { fields: ['document_sha256'], reference: { resource: 'documents', fields: ['sha256'] } };

function csvResource(name: string, title: string, schema: object) {
  return {
    name,
    path: `${name}.csv`,
    type: 'table',
    title,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema,
  };
}

/** The datapackage.json descriptor for facts.csv, amounts.csv and documents.csv. */
export function buildDataPackage(created: string) {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'ledgerlift-run',
    title: 'Values extracted by ledgerlift',
    description:
      'Every printed value of the input reports (facts), the money values in Fiscal Data Package form (amounts) ' +
      'and the input documents. Money is in 元 as exact decimals; each value names where it was printed.',
    created,
    resources: [
      csvResource('facts', 'One row per printed value', {
        fields: fields(FACT_COLUMNS, FACT_FIELDS),
        foreignKeys: [documentsKey],
      }),
      csvResource('amounts', 'Money values (元), Fiscal Data Package columns', {
        fields: fields(AMOUNT_COLUMNS, AMOUNT_FIELDS),
        foreignKeys: [documentsKey],
      }),
      csvResource('documents', 'Input documents', {
        fields: fields(DOCUMENT_COLUMNS, DOCUMENT_FIELDS),
        primaryKey: ['sha256'],
      }),
    ],
  };
}
