/**
 * amounts.csv: the money facts only (value_status `number`, unit 元), with the row code split by scheme so each
 * column has one Fiscal Data Package meaning (functional vs economic classification).
 */
import type { Fact } from '@ledgerlift/normalize';

/** One money value in Fiscal Data Package shape. */
export interface AmountRow {
  document_sha256: string;
  entity: string;
  year: string;
  table_id: string;
  table_kind: string;
  side: string;
  project: string;
  functional_code: string;
  economic_code: string;
  row_name: string;
  row_path: string;
  column_key: string;
  value: string;
  source: string;
}

export const AMOUNT_COLUMNS: (keyof AmountRow)[] = [
  'document_sha256',
  'entity',
  'year',
  'table_id',
  'table_kind',
  'side',
  'project',
  'functional_code',
  'economic_code',
  'row_name',
  'row_path',
  'column_key',
  'value',
  'source',
];

// Code schemes as named by normalize (contract: functional `exp_func`, economic `dep_bgt_eco`).
const FUNCTIONAL = 'exp_func';
const ECONOMIC = 'dep_bgt_eco';

/** The facts that are amounts of money, as amounts.csv rows. */
export function amountRows(facts: readonly Fact[]): AmountRow[] {
  return facts
    .filter((f) => f.value_status === 'number' && f.unit === '元')
    .map((f) => ({
      document_sha256: f.document_sha256,
      entity: f.entity,
      year: f.year,
      table_id: f.table_id,
      table_kind: f.table_kind,
      side: f.side,
      project: f.project,
      functional_code: f.code_scheme === FUNCTIONAL ? f.row_code : '',
      economic_code: f.code_scheme === ECONOMIC ? f.row_code : '',
      row_name: f.row_name,
      row_path: f.row_path,
      column_key: f.column_key,
      value: f.value,
      source: f.source,
    }));
}
