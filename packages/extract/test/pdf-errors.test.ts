/** Bad PDF input: each case is a DocumentError whose one-line message names the file and the reason. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../src/extract-file.ts';
import { DocumentError } from '../src/model.ts';
import { renderPdf } from './fixtures/pdf/generate.ts';
import { incomeTable } from './fixtures/pdf/specs.ts';

let dir: string;
let good: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ledgerlift-pdf-errors-'));
  good = await renderPdf([{ layout: 'portrait', tables: [{ ...incomeTable, rowsPerPage: undefined }] }]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function errorFor(name: string, bytes: Uint8Array | string): Promise<DocumentError> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const error = await extractFile(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentError);
  const e = error as DocumentError;
  expect(e.file).toBe(file);
  expect(e.message.startsWith(`${file}: `)).toBe(true);
  expect(e.message).not.toContain('\n');
  return e;
}

describe('extractPdf on bad input', () => {
  it('zero-byte file', async () => {
    expect((await errorFor('empty.pdf', new Uint8Array())).reason).toMatch(/empty/);
  });

  it('not a PDF at all', async () => {
    expect((await errorFor('letter.pdf', 'Dear reader,\nthis is plain text.\n')).reason).toMatch(/not a PDF/);
  });

  it('corrupt: a PDF header followed by garbage', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set(Buffer.from('%PDF-1.7\n'));
    for (let i = 9; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    expect((await errorFor('corrupt.pdf', bytes)).reason).toMatch(/PDF/);
  });

  it('truncated: the first 2 KB of a real PDF', async () => {
    expect((await errorFor('truncated.pdf', good.subarray(0, 2048))).reason).toMatch(/PDF|page/);
  });

  it('encrypted with a user password', async () => {
    const bytes = await renderPdf([{ layout: 'portrait', tables: [] }], { userPassword: 'secret' });
    expect((await errorFor('locked.pdf', bytes)).reason).toMatch(/encrypted/);
  });

  it('a good PDF of the same generator extracts (the cases above fail for their own reason)', async () => {
    const file = path.join(dir, 'good.pdf');
    writeFileSync(file, good);
    const doc = await extractFile(file);
    expect(doc.tables.length).toBe(1);
    expect(doc.source.pages).toBe(1);
  });
});
