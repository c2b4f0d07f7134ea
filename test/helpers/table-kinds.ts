/** Table kinds the tests select facts by, taken from the model so a new kind is not silently left out. */
import { TableKindSchema } from '@ledgerlift/normalize';

/** The kinds of the 公开 tables (every kind but performance and unknown): what the *.tables.csv files cover. */
export const PUBLIC_TABLE_KINDS: ReadonlySet<string> = new Set(
  TableKindSchema.options.filter((kind) => kind !== 'performance' && kind !== 'unknown'),
);
