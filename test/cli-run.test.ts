import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OUTPUT_FILES } from '@ledgerlift/load';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ledgerlift } from './fixtures/cli/spawn-cli.ts';

const tmp = () => mkdtemp(path.join(tmpdir(), 'll-cli-'));
const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

// Each test spawns the whole pipeline (pdf.js, OCR and DuckDB load at start-up): allow for a busy machine.
describe('ledgerlift run', { timeout: 180_000 }, () => {
  it.concurrent('a folder with one good and one bad file: exit 1, good one written, both in run.json', async () => {
    const out = await tmp();
    const r = await ledgerlift('run', path.join(FIXTURES, 'folder'), '--out', out, '--jobs', '2');
    expect(r.code).toBe(1);
    const empty = path.join(FIXTURES, 'folder/sub/empty.txt');
    expect(r.stderr.trim().split('\n')).toEqual([`ledgerlift: ${empty}: file is empty (0 bytes)`]);
    expect(r.stdout).toContain('documents: 2 (ok 1, failed 1)');

    const run = await readJson(path.join(out, 'run.json'));
    // README.md and expected/ are skipped; files in sorted order.
    expect(run.documents.map((d: { path: string; status: string }) => [path.basename(d.path), d.status])).toEqual([
      ['good.txt', 'ok'],
      ['empty.txt', 'failed'],
    ]);
    expect(run.documents[1].error).toBe(`${empty}: file is empty (0 bytes)`);
    // sha256 of the good file, checked against the fixture's bytes independently of the pipeline.
    const { createHash } = await import('node:crypto');
    const bytes = await readFile(path.join(FIXTURES, 'folder/good.txt'));
    expect(run.documents[0].sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const documents = await readFile(path.join(out, 'documents.csv'), 'utf8');
    expect(documents).toContain(`,good.txt,${path.join(FIXTURES, 'folder/good.txt')},ok,`);
    const written = (await readdir(out)).sort();
    expect(written).toEqual([...OUTPUT_FILES, 'ledgerlift.duckdb'].sort());
  });

  it.concurrent('nonexistent, zero-byte, unsupported and duplicate files: each recorded with its reason', async () => {
    const out = await tmp();
    const missing = path.join(FIXTURES, 'no-such-file.pdf');
    const empty = path.join(FIXTURES, 'folder/sub/empty.txt');
    const docx = path.join(FIXTURES, 'report.docx');
    // good.txt and folder/good.txt have the same bytes: the second is skipped, not counted twice.
    const good = path.join(FIXTURES, 'good.txt');
    const copy = path.join(FIXTURES, 'folder/good.txt');
    const db = path.join(out, 'elsewhere', 'db.duckdb');
    const r = await ledgerlift('run', missing, empty, docx, good, copy, '--out', out, '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `ledgerlift: ${missing}: cannot read file (ENOENT)`,
      `ledgerlift: ${empty}: file is empty (0 bytes)`,
      `ledgerlift: ${docx}: unsupported file type ".docx"`,
    ]);
    const run = await readJson(path.join(out, 'run.json'));
    expect(run.summary).toEqual({ documents: 5, ok: 1, failed: 3, skipped: 1 });
    expect(run.documents.map((d: { sha256: string }) => d.sha256 !== '')).toEqual([false, true, true, true, true]);
    expect(run.documents[4]).toMatchObject({ status: 'skipped', error: `${copy}: same content as ${good}` });
    const documents = (await readFile(path.join(out, 'documents.csv'), 'utf8')).trim().split('\n');
    expect(documents).toHaveLength(1 + 3); // header, empty.txt, report.docx, good.txt (the copy shares its row)
    await expect(readFile(db)).resolves.toBeTruthy();
  });

  it.concurrent('extract prints tables JSON; validate reads validation.json and fails on errors', async () => {
    const dir = await tmp();
    const good = path.join(FIXTURES, 'good.txt');
    const report = {
      version: 1,
      generated: '2026-11-22T00:00:00.000Z',
      summary: { checks: 2, passed: 1, failed: 1, skipped: 0, errors: 1, warnings: 0 },
      results: [
        {
          document: 'good.txt',
          check: 'income.total_equals_columns',
          description: '本年收入合计 = 财政拨款收入 + 其他收入',
          status: 'fail',
          severity: 'error',
          expected: '16296000',
          actual: '16296100',
          difference: '100',
          tolerance: '0',
          tolerance_reason: 'exact',
          cells: [],
          message: '',
        },
      ],
    };
    await writeFile(path.join(dir, 'validation.json'), JSON.stringify(report));
    const [extracted, missing, validated, noReport] = await Promise.all([
      ledgerlift('extract', good),
      ledgerlift('extract', path.join(FIXTURES, 'nope.txt')),
      ledgerlift('validate', dir),
      ledgerlift('validate', path.join(dir, 'nothing-here')),
    ]);
    expect(extracted.code).toBe(0);
    const json = JSON.parse(extracted.stdout);
    expect(json.source).toMatchObject({ name: 'good.txt', mediaType: 'text/plain' });
    expect(Array.isArray(json.tables)).toBe(true);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`ledgerlift: ${path.join(FIXTURES, 'nope.txt')}: cannot read file (ENOENT)`);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain('validation: 2 checks, 1 passed, 1 failed (1 errors, 0 warnings)');
    expect(validated.stdout).toContain(
      'error good.txt income.total_equals_columns: expected 16296000, actual 16296100',
    );
    expect(noReport.code).toBe(1);
    expect(noReport.stderr).toContain('validation.json: cannot read (ENOENT)');
  });
});
