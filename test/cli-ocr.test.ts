import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerlift } from './fixtures/cli/spawn-cli.ts';

// A valid 1×1 white PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC',
  'base64',
);

describe('ledgerlift and OCR language data', { timeout: 120_000 }, () => {
  it('a missing tessdata folder is one clear line naming the file, and no download is tried', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'll-ocr-'));
    const image = path.join(dir, 'scan.png');
    await writeFile(image, PNG);
    const r = await ledgerlift('extract', image, '--tessdata', path.join(dir, 'no-tessdata'));
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ledgerlift: .*scan\.png: OCR language data not found: need chi_sim\.traineddata/);
    expect(lines[0]).toContain('no-tessdata');
  });
});
