/**
 * The normalized model: recognised tables, one Fact per printed value, and validation results.
 * These schemas are the contract with packages/load (facts.csv columns follow FactSchema's key order).
 */
import { TextLineSchema } from '@ledgerlift/extract';
import { z } from 'zod';

export const TableKindSchema = z.enum([
  'summary',
  'income',
  'expenditure',
  'appropriation_summary',
  'general_budget',
  'general_budget_basic',
  'gov_fund',
  'state_capital',
  'three_public',
  'other_info',
  'performance',
  'unknown',
]);
export type TableKind = z.infer<typeof TableKindSchema>;

export const ValueStatusSchema = z.enum(['number', 'blank', 'not_applicable', 'text']);
export type ValueStatus = z.infer<typeof ValueStatusSchema>;

/** One printed value, long format. Column order here is the column order of facts.csv. */
export const FactSchema = z.object({
  document: z.string(),
  document_sha256: z.string(),
  entity: z.string(),
  year: z.string(),
  report_type: z.string(),
  table_id: z.string(),
  table_kind: TableKindSchema,
  table_number: z.string(),
  table_title: z.string(),
  row_code: z.string(),
  code_scheme: z.string(),
  row_level: z.string(),
  parent_code: z.string(),
  code_status: z.string(),
  row_name: z.string(),
  row_name_printed: z.string(),
  row_path: z.string(),
  row_line: z.string(),
  side: z.enum(['', 'income', 'expenditure']),
  project: z.string(),
  column_key: z.string(),
  column_label: z.string(),
  column_number: z.string(),
  value: z.string(),
  value_status: ValueStatusSchema,
  value_printed: z.string(),
  unit: z.string(),
  unit_printed: z.string(),
  page: z.string(),
  source: z.string(),
  confidence: z.string(),
});
export type Fact = z.infer<typeof FactSchema>;
export const FACT_COLUMNS = Object.keys(FactSchema.shape) as (keyof Fact)[];

/** Document-level metadata found in the text. */
export const DocumentMetaSchema = z.object({
  document: z.string(),
  sha256: z.string(),
  entity: z.string(),
  year: z.string(),
  reportType: z.string(),
  profile: z.string(),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

/** A normalized row: key (code or name), hierarchy and its values by canonical column. */
export const NormalizedRowSchema = z.object({
  code: z.string(),
  codeScheme: z.string(),
  level: z.string(),
  parentCode: z.string(),
  codeStatus: z.string(),
  name: z.string(),
  namePrinted: z.string(),
  path: z.string(),
  line: z.string(),
  side: z.enum(['', 'income', 'expenditure']),
  /** Cells of this row by canonical column key. */
  values: z.record(
    z.string(),
    z.object({
      value: z.string(),
      status: ValueStatusSchema,
      printed: z.string(),
      label: z.string(),
      page: z.number().int().positive().optional(),
      source: z.string(),
      confidence: z.number(),
    }),
  ),
});
export type NormalizedRow = z.infer<typeof NormalizedRowSchema>;

/** A performance target as printed, with its parse when it reads `[op] number [unit]` (op '' otherwise). */
export const TargetSchema = z.object({
  path: z.string(),
  name: z.string(),
  column: z.string(),
  raw: z.string(),
  op: z.string(),
  value: z.string(),
  unit: z.string(),
});
export type Target = z.infer<typeof TargetSchema>;

export const NormalizedTableSchema = z.object({
  id: z.string(),
  document: z.string(),
  kind: TableKindSchema,
  number: z.string(),
  title: z.string(),
  unit: z.string(),
  unitPrinted: z.string(),
  project: z.string(),
  pages: z.tuple([z.number().int(), z.number().int()]),
  rows: z.array(NormalizedRowSchema),
  /** True when the table prints no data (本表无数据). */
  empty: z.boolean(),
  warnings: z.array(z.string()),
  /** Performance tables: every 年度指标值/实际完成值 with its parse (tables.json field `targets`). */
  targets: z.array(TargetSchema).optional(),
});
export type NormalizedTable = z.infer<typeof NormalizedTableSchema>;

export const NormalizedDocumentSchema = z.object({
  meta: DocumentMetaSchema,
  tables: z.array(NormalizedTableSchema),
  facts: z.array(FactSchema),
  /** The document's text lines (for narrative checks: amounts restated in the 情况说明). */
  text: z.array(TextLineSchema),
  warnings: z.array(z.string()),
});
export type NormalizedDocument = z.infer<typeof NormalizedDocumentSchema>;

/** A cell that a check looked at. */
export const CheckCellSchema = z.object({
  table_id: z.string(),
  table_kind: TableKindSchema,
  row: z.string(),
  column: z.string(),
  page: z.string(),
  source: z.string(),
  value: z.string(),
});
export type CheckCell = z.infer<typeof CheckCellSchema>;

/** One check run by validation, with the numbers involved. */
export const ValidationResultSchema = z.object({
  document: z.string(),
  check: z.string(),
  description: z.string(),
  status: z.enum(['pass', 'fail', 'skipped']),
  severity: z.enum(['error', 'warning', 'info']),
  expected: z.string(),
  actual: z.string(),
  difference: z.string(),
  tolerance: z.string(),
  /** Why the tolerance is what it is (e.g. "万元 table: 0.01 per summed term"). */
  tolerance_reason: z.string(),
  cells: z.array(CheckCellSchema),
  message: z.string(),
});
export type ValidationResult = z.infer<typeof ValidationResultSchema>;

export const ValidationReportSchema = z.object({
  version: z.literal(1),
  generated: z.string(),
  summary: z.object({
    checks: z.number().int(),
    passed: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
  }),
  results: z.array(ValidationResultSchema),
});
export type ValidationReport = z.infer<typeof ValidationReportSchema>;
