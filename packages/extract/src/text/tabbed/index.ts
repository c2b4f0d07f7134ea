/** Tables from tab-separated converter output (seeds 000, 001, 003, 004). */
import type { ExtractedTableInput, TextLine } from '../../model.ts';

/** Find and parse every table in tab-separated text. */
export function extractTabbedTables(_lines: readonly TextLine[]): ExtractedTableInput[] {
  return [];
}
