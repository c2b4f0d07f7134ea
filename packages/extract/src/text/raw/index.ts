/** Tables from raw pdftotext-style output where cell boundaries are lost (seed 002). */
import type { ExtractedTableInput, TextLine } from '../../model.ts';

/** Find and parse every table in raw converter text. */
export function extractRawTables(_lines: readonly TextLine[]): ExtractedTableInput[] {
  return [];
}
