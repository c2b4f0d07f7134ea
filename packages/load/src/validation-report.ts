/** validation.json: every check result with a summary of passes, failures, errors and warnings. */
import {
  summarizeValidation,
  type ValidationReport,
  ValidationReportSchema,
  type ValidationResult,
} from '@ledgerlift/normalize';

/** Summarise check results into the validation.json document (schema-checked). */
export function buildValidationReport(results: readonly ValidationResult[], generated: string): ValidationReport {
  return ValidationReportSchema.parse(summarizeValidation(results, generated));
}
