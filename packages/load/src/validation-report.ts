/** validation.json: every check result with a summary of passes, failures, errors and warnings. */
import { type ValidationReport, ValidationReportSchema, type ValidationResult } from '@ledgerlift/normalize';

/** Summarise check results into the validation.json document (schema-checked). */
export function buildValidationReport(results: readonly ValidationResult[], generated: string): ValidationReport {
  const failed = results.filter((r) => r.status === 'fail');
  return ValidationReportSchema.parse({
    version: 1,
    generated,
    summary: {
      checks: results.length,
      passed: results.filter((r) => r.status === 'pass').length,
      failed: failed.length,
      skipped: results.filter((r) => r.status === 'skipped').length,
      errors: failed.filter((r) => r.severity === 'error').length,
      warnings: failed.filter((r) => r.severity === 'warning').length,
    },
    results,
  });
}
