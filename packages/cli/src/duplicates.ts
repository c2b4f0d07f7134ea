/** Inputs with the same bytes as an earlier input are skipped, so their values are not counted twice. */
import type { RunDocument } from '@ledgerlift/load';

/** Mark every later document whose sha256 equals an earlier one's as skipped (naming the first path). */
export function skipDuplicates(docs: readonly RunDocument[]): RunDocument[] {
  const first = new Map<string, string>();
  return docs.map((doc) => {
    if (!doc.sha256) return doc;
    const earlier = first.get(doc.sha256);
    if (earlier === undefined) {
      first.set(doc.sha256, doc.path);
      return doc;
    }
    return {
      path: doc.path,
      sha256: doc.sha256,
      status: 'skipped',
      error: `${doc.path}: same content as ${earlier}`,
      timings: doc.timings,
    };
  });
}
