/** What one ledgerlift run hands to the writers: per input, its status and whatever stages it got through. */
import { ExtractedDocumentSchema } from '@ledgerlift/extract';
import { NormalizedDocumentSchema, ValidationResultSchema } from '@ledgerlift/normalize';
import { z } from 'zod';

export const RunStatusSchema = z.enum(['ok', 'failed', 'skipped']);
export type RunStatus = z.infer<typeof RunStatusSchema>;

/** One input of the run. `extracted`/`normalized` are absent when the document failed before that stage. */
export const RunDocumentSchema = z.object({
  /** The path as found on the command line or while expanding folders. */
  path: z.string(),
  /** sha256 of the file's bytes; empty when the file could not be read. */
  sha256: z.string(),
  status: RunStatusSchema,
  /** One line naming the reason, for failed (and skipped) documents. */
  error: z.string().optional(),
  extracted: ExtractedDocumentSchema.optional(),
  normalized: NormalizedDocumentSchema.optional(),
  /** Milliseconds per stage (extract, normalize, …) and `total`. */
  timings: z.record(z.string(), z.number().nonnegative()),
});
export type RunDocument = z.infer<typeof RunDocumentSchema>;

/** A whole run: every input plus the validation results over all normalized documents. */
export const RunOutputsSchema = z.object({
  started: z.string(),
  finished: z.string(),
  documents: z.array(RunDocumentSchema),
  validation: z.array(ValidationResultSchema),
  /** Run-level timings in milliseconds (validate, write, total …). */
  timings: z.record(z.string(), z.number().nonnegative()).default({}),
  /** Run-level problems that are not tied to one document (e.g. validation crashed). */
  errors: z.array(z.string()).default([]),
});
export type RunOutputs = z.infer<typeof RunOutputsSchema>;
export type RunOutputsInput = z.input<typeof RunOutputsSchema>;
