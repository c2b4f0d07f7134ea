/** `ledgerlift validate <dir>`: summary of a run's validation.json; exit 1 when error-level checks failed. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ValidationReport, ValidationReportSchema } from '@ledgerlift/normalize';
import { errorLine } from './error-line.ts';
import type { Io } from './io.ts';
import type { ValidateOptions } from './options.ts';
import { failureLines, validationLine } from './summary.ts';

async function readReport(file: string): Promise<ValidationReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read (${(error as NodeJS.ErrnoException).code ?? 'read error'})`);
  }
  const parsed = ValidationReportSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error('not a ledgerlift validation report');
  return parsed.data;
}

/** Print the validation summary of the run in the given folder; returns the exit code. */
export async function validateCommand({ dir }: ValidateOptions, io: Io): Promise<number> {
  const file = path.join(dir, 'validation.json');
  let report: ValidationReport;
  try {
    report = await readReport(file);
  } catch (error) {
    io.stderr.write(`ledgerlift: ${errorLine(file, error)}\n`);
    return 1;
  }
  const failures = failureLines(report.results);
  io.stdout.write(`${[validationLine(report.summary), ...failures].join('\n')}\n`);
  return report.summary.errors > 0 ? 1 : 0;
}
