/** One input through extract and normalize, timed; any failure becomes a failed RunDocument, never a throw. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type ExtractedDocument, ExtractedDocumentSchema, type ExtractOptions, extractFile } from '@ledgerlift/extract';
import type { RunDocument } from '@ledgerlift/load';
import { NormalizedDocumentSchema, normalizeDocument } from '@ledgerlift/normalize';
import type { z } from 'zod';
import { errorLine } from './error-line.ts';

async function sha256Of(file: string): Promise<string> {
  try {
    return createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  } catch {
    return '';
  }
}

/** Check another package's output at this boundary, so one bad document cannot spoil the run's files. */
function checked<T>(stage: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`${stage} returned invalid data (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'schema'})`);
}

/** Extract and normalize `file`; the result says ok or failed (with a one-line error naming the file). */
export async function processDocument(file: string, options: ExtractOptions = {}): Promise<RunDocument> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  const failed = async (error: unknown, extracted?: ExtractedDocument): Promise<RunDocument> => ({
    path: file,
    sha256: extracted?.source.sha256 ?? (await sha256Of(file)),
    status: 'failed',
    error: errorLine(file, error),
    ...(extracted ? { extracted } : {}),
    timings: { ...timings, total: performance.now() - started },
  });

  let extracted: ExtractedDocument;
  try {
    extracted = checked('extract', ExtractedDocumentSchema, await extractFile(file, options));
    timings.extract = performance.now() - started;
  } catch (error) {
    return failed(error);
  }
  try {
    const stage = performance.now();
    const normalized = checked('normalize', NormalizedDocumentSchema, normalizeDocument(extracted));
    timings.normalize = performance.now() - stage;
    const total = performance.now() - started;
    return {
      path: file,
      sha256: extracted.source.sha256,
      status: 'ok',
      extracted,
      normalized,
      timings: { ...timings, total },
    };
  } catch (error) {
    return failed(error, extracted);
  }
}
