/**
 * The content-addressed store and its manifest. Files land under files/<sha256>.<ext> by rename from a temp file,
 * and the manifest is rewritten atomically after every change, so a killed crawl resumes without loss or duplicates.
 */
import { randomUUID } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const ManifestEntrySchema = z.object({
  url: z.string(),
  finalUrl: z.string(),
  title: z.string(),
  publishedAt: z.string().optional(),
  sha256: z.string(),
  size: z.number().int().nonnegative(),
  contentType: z.string(),
  fetchedAt: z.string(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** Path of the stored file, relative to the store folder. */
  file: z.string(),
  /** The listing or report page the link was found on. */
  foundOn: z.string(),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export const PageCacheSchema = z.object({
  url: z.string(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  fetchedAt: z.string(),
  title: z.string(),
  publishedAt: z.string().optional(),
  links: z.array(z.object({ url: z.string(), text: z.string(), date: z.string().optional() })),
});
export type PageCache = z.infer<typeof PageCacheSchema>;

export const FailureSchema = z.object({
  url: z.string(),
  reason: z.string(),
  attempts: z.number().int(),
  at: z.string(),
});
export type Failure = z.infer<typeof FailureSchema>;

export const ManifestSchema = z.object({
  version: z.literal(1),
  documents: z.record(z.string(), ManifestEntrySchema),
  pages: z.record(z.string(), PageCacheSchema),
  failures: z.record(z.string(), FailureSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const MANIFEST_FILE = 'manifest.json';

/** Read the store's manifest, or an empty one for a new store. */
export async function loadManifest(dir: string): Promise<Manifest> {
  try {
    return ManifestSchema.parse(JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { version: 1, documents: {}, pages: {}, failures: {} };
    throw new Error(`${path.join(dir, MANIFEST_FILE)}: unreadable manifest (${(error as Error).message})`);
  }
}

/** Write the manifest atomically (temp file + rename). */
export async function saveManifest(dir: string, manifest: Manifest): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, MANIFEST_FILE);
  const temp = `${target}.${randomUUID()}.tmp`;
  await writeFile(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temp, target);
}

/** Move a downloaded temp file into the store under its hash; a file already stored is kept and the temp dropped. */
export async function storeFile(dir: string, tempPath: string, sha256: string, extension: string): Promise<string> {
  const relative = path.join('files', `${sha256}${extension}`);
  const target = path.join(dir, relative);
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await access(target);
    await rm(tempPath, { force: true });
  } catch {
    await rename(tempPath, target);
  }
  return relative;
}
