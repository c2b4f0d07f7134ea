import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { OUTPUT_FILES, runOutputFiles, writeFileAtomic, writeFilesAtomic, writeRunOutputs } from '../src/index.ts';
import { sampleRun } from './fixtures.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
let out: string;

async function snapshot(dir: string, keep = (_name: string) => true): Promise<Record<string, string>> {
  const names = (await readdir(dir)).filter(keep).sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), 'utf8')])));
}

beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'll-atomic-'));
  await writeRunOutputs(out, sampleRun());
});

describe('atomic writes', () => {
  it('replaces a single file', async () => {
    await writeFileAtomic(path.join(out, 'note.txt'), 'first');
    await writeFileAtomic(path.join(out, 'note.txt'), ['sec', 'ond']);
    expect(await readFile(path.join(out, 'note.txt'), 'utf8')).toBe('second');
  });

  it('a writer that throws midway leaves every previous output intact and no temp file', async () => {
    const before = await snapshot(out);
    const run = sampleRun();
    run.documents = run.documents.slice(1);
    function* failing(): Generator<string> {
      yield 'document,document_sha256\n';
      throw new Error('disk on fire');
    }
    const files = runOutputFiles(run).map((f) => (f.name === 'amounts.csv' ? { ...f, content: failing() } : f));
    await expect(writeFilesAtomic(out, files)).rejects.toThrow('disk on fire');
    expect(await snapshot(out)).toEqual(before);
  });

  it('a child killed in the middle of writing leaves every previous output intact', async () => {
    const before = await snapshot(out);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'helpers/write-then-hang.ts'), out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => String(d).includes('midway') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
    });
    // Files before facts.jsonl were fully staged, facts.jsonl half-written: now kill it without warning.
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const after = await readdir(out);
    const temps = after.filter((n) => n.endsWith('.tmp'));
    expect(temps.length).toBeGreaterThan(0);
    expect(await snapshot(out, (n) => !n.endsWith('.tmp'))).toEqual(before);
    // The next run clears what the killed writer left behind.
    await writeRunOutputs(out, sampleRun());
    expect((await readdir(out)).sort()).toEqual([...OUTPUT_FILES].sort());
  });
});
