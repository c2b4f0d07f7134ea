/**
 * Atomic file replacement: content goes to a temp file in the target folder, is fsynced, then renamed over the
 * target. A crash at any point leaves either the old file or the new one, never a torn mix.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** File content: a whole string, or chunks (so large outputs are streamed rather than built in memory). */
export type FileContent = string | Iterable<string> | AsyncIterable<string>;

/** One output file, by name relative to the output folder. */
export interface OutputFile {
  name: string;
  content: FileContent;
}

function tempPathFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

async function fsyncDir(dir: string): Promise<void> {
  // Persist the rename itself; some file systems refuse fsync on a directory handle, which is harmless.
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    /* not supported here */
  } finally {
    await handle.close();
  }
}

/** Write `content` to a new temp file next to `target` and fsync it; returns the temp path. */
async function stage(target: string, content: FileContent): Promise<string> {
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx');
  try {
    if (typeof content === 'string') await handle.writeFile(content, 'utf8');
    else for await (const chunk of content) await handle.write(chunk, null, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

const TEMP_RE = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Delete temp files that a killed writer left behind for `names` (only those of processes no longer alive). */
async function removeStaleTemps(dir: string, names: readonly string[]): Promise<void> {
  const wanted = new Set(names);
  const stale = (await readdir(dir)).filter((entry) => {
    const m = TEMP_RE.exec(entry);
    return m && wanted.has(m[1] ?? '') && !isAlive(Number(m[2]));
  });
  await Promise.all(stale.map((entry) => rm(path.join(dir, entry), { force: true })));
}

/** Replace one file atomically. */
export async function writeFileAtomic(target: string, content: FileContent): Promise<void> {
  await writeFilesAtomic(path.dirname(target), [{ name: path.basename(target), content }]);
}

/**
 * Replace several files in `dir` as one step: every file is staged and fsynced first, and only when all of them
 * are complete are they renamed into place. If producing any content fails, no target is touched.
 */
export async function writeFilesAtomic(dir: string, files: readonly OutputFile[]): Promise<void> {
  await removeStaleTemps(
    dir,
    files.map((f) => f.name),
  );
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of files) {
      const target = path.join(dir, file.name);
      staged.push({ temp: await stage(target, file.content), target });
    }
  } catch (error) {
    await Promise.all(staged.map((s) => rm(s.temp, { force: true })));
    throw error;
  }
  for (const { temp, target } of staged) await rename(temp, target);
  await fsyncDir(dir);
}
