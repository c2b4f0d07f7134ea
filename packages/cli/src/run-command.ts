/** `ledgerlift run`: every input through extract → normalize, then validate all, then write outputs and the DB. */

import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  buildValidationReport,
  type RunDocument,
  type RunOutputs,
  upsertDatabase,
  writeRunOutputs,
} from '@ledgerlift/load';
import { type ValidationResult, ValidationResultSchema, validateDocuments } from '@ledgerlift/normalize';
import PQueue from 'p-queue';
import { z } from 'zod';
import { skipDuplicates } from './duplicates.ts';
import { errorLine } from './error-line.ts';
import { expandInputs } from './inputs.ts';
import type { Io } from './io.ts';
import type { RunOptions } from './options.ts';
import { processDocument } from './process-document.ts';
import { createProgress } from './progress.ts';
import { runSummary } from './summary.ts';

/** Check every document, isolating a crash of the checks from the documents themselves. */
function validateAll(docs: readonly RunDocument[], errors: string[]): ValidationResult[] {
  try {
    const normalized = docs.flatMap((d) => (d.status === 'ok' && d.normalized ? [d.normalized] : []));
    return z.array(ValidationResultSchema).parse(validateDocuments(normalized));
  } catch (error) {
    errors.push(errorLine('validation', error));
    return [];
  }
}

/** Run the pipeline on the given paths; returns the exit code. */
export async function runCommand(options: RunOptions, io: Io): Promise<number> {
  const { inputs, out: outDir, db: dbPath, jobs } = options;
  // Documents OCR'd at once share the cores: each gets its part of the recognizer pool.
  const ocr = { ...options.ocr, workers: Math.max(1, Math.floor(os.availableParallelism() / jobs)) };
  const started = new Date();
  const files = await expandInputs(inputs);
  if (files.length === 0) {
    io.stderr.write(`ledgerlift: no supported files in ${inputs.join(', ')}\n`);
    return 1;
  }

  const progress = createProgress(files.length, io.stderr);
  const queue = new PQueue({ concurrency: jobs });
  const processed = await Promise.all(
    files.map((file) =>
      queue.add(async () => {
        const doc = await processDocument(file, { ocr });
        progress.tick(path.basename(file));
        return doc;
      }),
    ),
  );
  progress.done();
  const documents = skipDuplicates(processed);

  const errors: string[] = [];
  const timings: Record<string, number> = {};
  let t = performance.now();
  const validation = validateAll(documents, errors);
  timings.validate = performance.now() - t;

  t = performance.now();
  try {
    await mkdir(path.dirname(path.resolve(dbPath)), { recursive: true });
    await upsertDatabase(dbPath, documents, validation);
  } catch (error) {
    errors.push(errorLine(dbPath, error));
  }
  timings.database = performance.now() - t;

  const finished = new Date();
  timings.total = finished.getTime() - started.getTime();
  const run: RunOutputs = {
    started: started.toISOString(),
    finished: finished.toISOString(),
    documents,
    validation,
    timings,
    errors,
  };
  try {
    await writeRunOutputs(outDir, run);
  } catch (error) {
    errors.push(errorLine(outDir, error));
  }

  for (const doc of documents) if (doc.status === 'failed') io.stderr.write(`ledgerlift: ${doc.error}\n`);
  for (const error of errors) io.stderr.write(`ledgerlift: ${error}\n`);
  const report = buildValidationReport(validation, run.finished);
  io.stdout.write(`${runSummary(run, report.summary).join('\n')}\noutputs: ${outDir}${path.sep} and ${dbPath}\n`);
  return documents.some((d) => d.status === 'failed') || errors.length > 0 ? 1 : 0;
}
