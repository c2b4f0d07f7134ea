/** What a table reader needs besides the table: the kind's spec, the code list and the printed unit. */
import type { CodeList } from '../codes/code-list.ts';
import type { TableSpec } from '../profile/schema.ts';

export interface TableContext {
  spec: TableSpec;
  codes: CodeList;
  /** The table's printed money unit (`元` / `万元`), or the document's. */
  unitPrinted: string;
  /** Document text printed between the table's first line and its first body row (header as printed). */
  printedHeader?: string;
}
