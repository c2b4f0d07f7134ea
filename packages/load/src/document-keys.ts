/** Run-unique short names for documents: the file stem, disambiguated when two inputs share one. */
import path from 'node:path';

/** Map each path to its stem (`a/000_x.txt` → `000_x`); stems used twice get `~<sha8>` (or `~<n>`) appended. */
export function documentKeys(docs: readonly { path: string; sha256: string }[]): string[] {
  const stems = docs.map((d) => path.basename(d.path, path.extname(d.path)));
  const counts = new Map<string, number>();
  for (const stem of stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  const used = new Set<string>();
  return stems.map((stem, i) => {
    let key = stem;
    if ((counts.get(stem) ?? 0) > 1) key = `${stem}~${docs[i]?.sha256.slice(0, 8) || String(i + 1)}`;
    // Same stem and same content (or no content): fall back to the position, which is unique.
    if (used.has(key)) key = `${stem}~${i + 1}`;
    used.add(key);
    return key;
  });
}
