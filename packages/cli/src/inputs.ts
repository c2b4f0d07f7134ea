/** Turning command-line paths into the list of input files: folders expand recursively to supported files. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { mediaTypeOf } from '@ledgerlift/extract';

// In a corpus folder, README.md describes the corpus and expected/ holds reference outputs: neither is input.
const SKIP_FILES = new Set(['readme.md']);
const SKIP_DIRS = new Set(['expected', 'node_modules']);

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name.toLowerCase())) files.push(...(await walk(full)));
    } else if (entry.isFile() && !SKIP_FILES.has(entry.name.toLowerCase()) && mediaTypeOf(entry.name)) {
      files.push(full);
    }
  }
  return files;
}

/**
 * Expand paths: a folder gives its supported files (sorted, recursive); a file is taken as given, supported
 * or not, so that a bad file named on the command line is reported rather than silently dropped. Paths that do
 * not exist are kept too: processing reports them. Duplicates are removed.
 */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (info?.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return [...new Set(out)];
}
