import { describe, expect, it } from 'vitest';
import { FACT_COLUMNS, FactSchema, TableKindSchema, ValidationResultSchema } from '../src/model.ts';

describe('normalized model schemas', () => {
  it('facts carry the columns of the output contract, in order', () => {
    const required = ['document', 'entity', 'year', 'table_id', 'table_kind', 'table_number', 'table_title'];
    const rest = ['row_code', 'row_name', 'row_line', 'side', 'project', 'column_key', 'column_label', 'value'];
    const tail = ['value_printed', 'unit', 'unit_printed', 'page', 'source'];
    for (const column of [...required, ...rest, ...tail]) expect(FACT_COLUMNS).toContain(column);
    expect(FACT_COLUMNS.indexOf('value')).toBeLessThan(FACT_COLUMNS.indexOf('value_printed'));
  });

  it('accept exactly the table kinds of the contract', () => {
    expect(TableKindSchema.options).toEqual([
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
    expect(TableKindSchema.safeParse('budget_summary').success).toBe(false);
  });

  it('reject a fact with a side that is not income/expenditure, and a result without a status', () => {
    const fact = Object.fromEntries(FACT_COLUMNS.map((c) => [c, ''])) as Record<string, string>;
    expect(FactSchema.safeParse({ ...fact, table_kind: 'summary', value_status: 'number' }).success).toBe(true);
    expect(FactSchema.safeParse({ ...fact, table_kind: 'summary', value_status: 'number', side: 'left' }).success).toBe(
      false,
    );
    expect(ValidationResultSchema.safeParse({ document: 'a', check: 'x' }).success).toBe(false);
  });
});
