/** `ledgerlift extract <file>`: the tables of one file as JSON. */
import { extractFile } from '@ledgerlift/extract';
import { writeFileAtomic } from '@ledgerlift/load';
import { errorLine } from './error-line.ts';
import type { Io } from './io.ts';
import type { ExtractOptions } from './options.ts';

/** Extract one file's tables to stdout or --out; returns the exit code. */
export async function extractCommand({ file, out, ocr }: ExtractOptions, io: Io): Promise<number> {
  try {
    const { source, tables, warnings } = await extractFile(file, { ocr });
    const json = `${JSON.stringify({ source, tables, warnings }, null, 2)}\n`;
    if (out) await writeFileAtomic(out, json);
    else io.stdout.write(json);
    return 0;
  } catch (error) {
    io.stderr.write(`ledgerlift: ${errorLine(file, error)}\n`);
    return 1;
  }
}
