/** The short human summary printed after a run and by `ledgerlift validate`. */
import type { RunOutputs } from '@ledgerlift/load';
import type { ValidationReport, ValidationResult } from '@ledgerlift/normalize';

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const list = (counts: Map<string, number>) => [...counts].map(([k, n]) => `${k} ${n}`).join(', ');

/** Lines summarising a run: documents ok/failed, tables by kind, values, validation failures. */
export function runSummary(run: RunOutputs, report: ValidationReport['summary']): string[] {
  const docs = run.documents;
  const byStatus = countBy(docs, (d) => d.status);
  const lines = [`documents: ${docs.length} (${list(byStatus)})`];
  for (const d of docs) if (d.status !== 'ok') lines.push(`  ${d.status}: ${d.error ?? d.path}`);

  const extracted = docs.flatMap((d) => d.extracted?.tables ?? []);
  const normalizedTables = docs.flatMap((d) => d.normalized?.tables ?? []);
  const kinds = countBy(normalizedTables, (t) => t.kind);
  const unrecognised = extracted.length - normalizedTables.filter((t) => t.kind !== 'unknown').length;
  const kindText = [...kinds].filter(([k]) => k !== 'unknown').map(([k, n]) => `${k} ${n}`);
  if (unrecognised > 0) kindText.push(`not recognised ${unrecognised}`);
  lines.push(`tables: ${extracted.length}${kindText.length ? ` (${kindText.join(', ')})` : ''}`);

  const facts = docs.flatMap((d) => (d.status === 'ok' ? (d.normalized?.facts ?? []) : []));
  const numbers = facts.filter((f) => f.value_status === 'number').length;
  lines.push(`values: ${facts.length} (${numbers} numbers)`);
  lines.push(validationLine(report));
  for (const error of run.errors) lines.push(`  error: ${error}`);
  return lines;
}

/** One line: checks run, passed, and failures split into errors and warnings. */
export function validationLine(s: ValidationReport['summary']): string {
  return `validation: ${s.checks} checks, ${s.passed} passed, ${s.failed} failed (${s.errors} errors, ${s.warnings} warnings), ${s.skipped} skipped`;
}

/** One line per failed check: severity, document, check, expected vs actual, where. */
export function failureLines(results: readonly ValidationResult[]): string[] {
  const order = { error: 0, warning: 1, info: 2 };
  return results
    .filter((r) => r.status === 'fail')
    .sort((a, b) => order[a.severity] - order[b.severity])
    .map((r) => {
      const where = [...new Set(r.cells.map((c) => c.source).filter(Boolean))].slice(0, 3).join('; ');
      const numbers = r.expected || r.actual ? ` expected ${r.expected}, actual ${r.actual}` : '';
      const diff = r.difference ? ` (difference ${r.difference})` : '';
      return `  ${r.severity} ${r.document} ${r.check}:${numbers}${diff}${where ? ` at ${where}` : ''}${r.message ? ` — ${r.message}` : ''}`;
    });
}
