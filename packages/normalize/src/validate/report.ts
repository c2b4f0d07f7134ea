/** Summaries of check results: the validation.json report and a readable per-document text for the CLI. */
import type { ValidationReport, ValidationResult } from '../model.ts';

/** Count the results (warnings include passes noted as rounding-only) into a ValidationReport. */
export function summarizeValidation(
  results: readonly ValidationResult[],
  generated: string = new Date().toISOString(),
): ValidationReport {
  return {
    version: 1,
    generated,
    summary: {
      checks: results.length,
      passed: results.filter((r) => r.status === 'pass').length,
      failed: results.filter((r) => r.status === 'fail').length,
      skipped: results.filter((r) => r.status === 'skipped').length,
      errors: results.filter((r) => r.status === 'fail' && r.severity === 'error').length,
      // Failed warnings only: checks that pass within rounding are passes (the per-document text counts them).
      warnings: results.filter((r) => r.status === 'fail' && r.severity === 'warning').length,
    },
    results: [...results],
  };
}

function describeFailure(r: ValidationResult): string[] {
  const head = `  ${r.severity === 'error' ? 'ERROR' : 'WARN '} ${r.check}: ${r.description}`;
  const numbers = `      expected ${r.expected}, actual ${r.actual}, difference ${r.difference} (tolerance ${r.tolerance}) — ${r.message}`;
  // Blank cells count as 0 and are many in summary tables: listed by number only, to keep the text readable.
  const printed = r.cells.filter((c) => c.value !== '');
  const cells = printed.map(
    (c) =>
      `      · ${c.table_id || 'text'} ${c.table_kind} ${c.row} [${c.column}] = ${c.value}${c.source ? ` (${c.source}${c.page ? `, p${c.page}` : ''})` : ''}`,
  );
  const blanks = r.cells.length - printed.length;
  return [
    head,
    numbers,
    ...cells,
    ...(blanks > 0 ? [`      · and ${blanks} blank cell${blanks === 1 ? '' : 's'} (0)`] : []),
  ];
}

/** A readable summary: one block per document with its failures (and rounding notes counted). */
export function formatValidationSummary(report: ValidationReport): string {
  const byDoc = new Map<string, ValidationResult[]>();
  for (const r of report.results) byDoc.set(r.document, [...(byDoc.get(r.document) ?? []), r]);
  const out: string[] = [];
  for (const [doc, results] of byDoc) {
    const count = (f: (r: ValidationResult) => boolean) => results.filter(f).length;
    const failed = results.filter((r) => r.status === 'fail');
    out.push(
      `${doc}: ${results.length} checks — ${count((r) => r.status === 'pass')} passed (${count(
        (r) => r.status === 'pass' && r.severity === 'warning',
      )} within rounding), ${failed.length} failed (${count((r) => r.status === 'fail' && r.severity === 'error')} errors, ${count(
        (r) => r.status === 'fail' && r.severity === 'warning',
      )} warnings), ${count((r) => r.status === 'skipped')} skipped`,
    );
    for (const r of failed) out.push(...describeFailure(r));
  }
  const s = report.summary;
  out.push(
    `All documents: ${s.checks} checks, ${s.passed} passed, ${s.failed} failed (${s.errors} errors), ${s.skipped} skipped, ${s.warnings} warnings`,
  );
  return out.join('\n');
}
