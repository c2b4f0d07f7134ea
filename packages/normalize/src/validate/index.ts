/** Checking normalized documents with the accounting identities their tables obey, and against their text. */

import type { NormalizedDocument, TableKind, ValidationResult } from '../model.ts';
import type { Identity } from '../profile/identities.ts';
import { PROFILES } from '../profile/select.ts';
import { basicDetailChecks } from './basic-detail.ts';
import { columnChecks } from './columns.ts';
import { crossTableChecks } from './cross-table.ts';
import { hierarchyChecks } from './hierarchy.ts';
import { CODED_KINDS, type ColumnIdentity, withProfileIdentities } from './identities.ts';
import { skipped } from './identity.ts';
import { narrativeChecks } from './narrative/index.ts';
import { otherInfoChecks } from './other-info.ts';
import { performanceChecks } from './performance.ts';
import { mergeContinuations } from './tables.ts';
import { twoSidedChecks } from './two-sided.ts';

export { formatValidationSummary, summarizeValidation } from './report.ts';

/** Identities within each table: hierarchy, 合计, column sums, two-sided totals, 基本支出 footers. */
function withinTableChecks(
  doc: NormalizedDocument,
  columns: Partial<Record<TableKind, ColumnIdentity[]>>,
): ValidationResult[] {
  // Tables marked empty are checked too: their printed zeros must still add up.
  return doc.tables.flatMap((table) => {
    if (CODED_KINDS.includes(table.kind))
      return [
        ...hierarchyChecks(doc, table, { withTotal: true }),
        ...columnChecks(doc, table, columns[table.kind] ?? []),
      ];
    if (table.kind === 'summary') return twoSidedChecks(doc, table);
    if (table.kind === 'appropriation_summary')
      return [...twoSidedChecks(doc, table), ...columnChecks(doc, table, columns[table.kind] ?? [])];
    if (table.kind === 'general_budget_basic') return basicDetailChecks(doc, table);
    if (table.kind === 'performance') return performanceChecks(doc, table);
    if (table.kind === 'other_info') return otherInfoChecks(doc, table);
    return columnChecks(doc, table, columns[table.kind] ?? []);
  });
}

/**
 * Run every applicable check on the documents: within tables, across tables and against the narrative.
 * A profile's `row_sum` identities are checked in addition to the built-in ones; without an explicit profile,
 * each document's own (the one normalize chose for it) is used.
 */
export function validateDocuments(
  docs: readonly NormalizedDocument[],
  profile?: { identities?: readonly Identity[] },
): ValidationResult[] {
  return docs.flatMap((original) => {
    const own = profile ?? PROFILES.find((p) => p.id === original.meta.profile);
    const columns = withProfileIdentities(own?.identities);
    const doc = { ...original, tables: mergeContinuations(original.tables) };
    try {
      return [...withinTableChecks(doc, columns), ...crossTableChecks(doc), ...narrativeChecks(doc)];
    } catch (error) {
      // One document's unexpected data must not cost the batch its other documents' checks.
      const reason = error instanceof Error ? error.message : String(error);
      return [skipped(doc.meta.document, 'validation', 'all checks of the document', `validation failed: ${reason}`)];
    }
  });
}
