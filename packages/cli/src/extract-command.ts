/** `ledgerlift extract <file>`: the tables of one file as JSON. */
import { extractFile } from '@ledgerlift/extract';
import { writeFileAtomic } from '@ledgerlift/load';
import { errorLine } from './error-line.ts';
import type { Io } from './io.ts';
import { HELP, parseCommandArgs, UsageError } from './usage.ts';

/** Extract one file's tables to stdout or --out; returns the exit code. */
export async function extractCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('extract', args, { out: { type: 'string' } });
  if (values.help) {
    io.stdout.write(HELP.extract ?? '');
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError('missing the file to extract', 'extract');
  if (extra.length > 0) throw new UsageError(`extract takes one file, got ${positionals.length}`, 'extract');
  try {
    const { source, tables, warnings } = await extractFile(file);
    const json = `${JSON.stringify({ source, tables, warnings }, null, 2)}\n`;
    if (values.out) await writeFileAtomic(values.out, json);
    else io.stdout.write(json);
    return 0;
  } catch (error) {
    io.stderr.write(`ledgerlift: ${errorLine(file, error)}\n`);
    return 1;
  }
}
