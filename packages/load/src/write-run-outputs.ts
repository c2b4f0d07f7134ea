/** Writing all file outputs of a run into one folder, atomically as a set. */
import { mkdir } from 'node:fs/promises';
import { FACT_COLUMNS } from '@ledgerlift/normalize';
import { AMOUNT_COLUMNS, amountRows } from './amounts.ts';
import { type OutputFile, writeFilesAtomic } from './atomic-write.ts';
import { csvChunks, jsonlChunks } from './csv.ts';
import { buildDataPackage } from './datapackage.ts';
import { DOCUMENT_COLUMNS, documentRows } from './documents.ts';
import { runFacts, writtenDocuments } from './run-facts.ts';
import { buildRunJson } from './run-json.ts';
import { type RunOutputs, type RunOutputsInput, RunOutputsSchema } from './run-model.ts';
import { tablesJson } from './tables-json.ts';
import { buildValidationReport } from './validation-report.ts';

/** The files of a run output folder. */
export const OUTPUT_FILES = [
  'tables.json',
  'facts.csv',
  'facts.jsonl',
  'amounts.csv',
  'documents.csv',
  'validation.json',
  'run.json',
  'datapackage.json',
] as const;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The content of every output file of `run` (lazy where large). */
export function runOutputFiles(run: RunOutputs): OutputFile[] {
  // Facts of documents that share content (same sha256) are written once.
  const docs = writtenDocuments(run.documents);
  const facts = runFacts(docs);
  return [
    { name: 'tables.json', content: tablesJson(docs, run.finished) },
    { name: 'facts.csv', content: csvChunks(FACT_COLUMNS, facts) },
    { name: 'facts.jsonl', content: jsonlChunks(FACT_COLUMNS, facts) },
    { name: 'amounts.csv', content: csvChunks(AMOUNT_COLUMNS, amountRows(facts)) },
    { name: 'documents.csv', content: csvChunks(DOCUMENT_COLUMNS, documentRows(run.documents)) },
    { name: 'validation.json', content: json(buildValidationReport(run.validation, run.finished)) },
    { name: 'run.json', content: json(buildRunJson(run)) },
    { name: 'datapackage.json', content: json(buildDataPackage(run.finished)) },
  ];
}

/**
 * Write tables.json, facts.csv/jsonl, amounts.csv, documents.csv, validation.json, run.json and datapackage.json
 * into `outDir`. Either all files are replaced or (on any failure) none is.
 */
export async function writeRunOutputs(outDir: string, run: RunOutputsInput): Promise<void> {
  const parsed = RunOutputsSchema.parse(run);
  await mkdir(outDir, { recursive: true });
  await writeFilesAtomic(outDir, runOutputFiles(parsed));
}
