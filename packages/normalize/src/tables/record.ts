/** The normalized row as built by the table readers, before it becomes NormalizedRow and Facts. */
import type { Cell } from '@ledgerlift/extract';
import type { ReadValue } from '../facts/values.ts';

export interface CellValue {
  key: string;
  label: string;
  number: string;
  cell: Cell;
  read: ReadValue;
}

export interface RowRecord {
  code: string;
  scheme: string;
  level: string;
  parent: string;
  codeStatus: string;
  name: string;
  namePrinted: string;
  path: string;
  line: string;
  side: '' | 'income' | 'expenditure';
  cells: CellValue[];
}

/** A record with no key yet. */
export function emptyRecord(side: RowRecord['side'] = ''): RowRecord {
  return {
    code: '',
    scheme: '',
    level: '',
    parent: '',
    codeStatus: '',
    name: '',
    namePrinted: '',
    path: '',
    line: '',
    side,
    cells: [],
  };
}
