/** run.json: what happened to each input (status, error, counts, timings) and to the run as a whole. */
import type { RunOutputs } from './run-model.ts';

/** Per-input record of run.json. */
export interface RunRecord {
  path: string;
  sha256: string;
  status: string;
  error?: string;
  tables: number;
  facts: number;
  checks: number;
  timings_ms: Record<string, number>;
}

/** The run.json document. */
export function buildRunJson(run: RunOutputs) {
  const checksByDocument = new Map<string, number>();
  for (const r of run.validation) checksByDocument.set(r.document, (checksByDocument.get(r.document) ?? 0) + 1);
  // Checks name their document by file name only: when two inputs share a name, the first one gets the count.
  const counted = new Set<string>();
  const checksOf = (name: string) => {
    if (counted.has(name)) return 0;
    counted.add(name);
    return checksByDocument.get(name) ?? 0;
  };
  const documents: RunRecord[] = run.documents.map((doc) => ({
    path: doc.path,
    sha256: doc.sha256,
    status: doc.status,
    ...(doc.error ? { error: doc.error } : {}),
    tables: doc.extracted?.tables.length ?? 0,
    facts: doc.normalized?.facts.length ?? 0,
    checks: doc.normalized ? checksOf(doc.normalized.meta.document) : 0,
    timings_ms: roundTimings(doc.timings),
  }));
  const count = (status: string) => run.documents.filter((d) => d.status === status).length;
  return {
    version: 1,
    started: run.started,
    finished: run.finished,
    summary: { documents: run.documents.length, ok: count('ok'), failed: count('failed'), skipped: count('skipped') },
    timings_ms: roundTimings(run.timings),
    errors: run.errors,
    documents,
  };
}

function roundTimings(timings: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}
