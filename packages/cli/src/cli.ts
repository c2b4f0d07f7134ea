/** The ledgerlift command: dispatch to sub-commands and map outcomes to exit codes (0 ok, 1 failures, 2 usage). */
import type { Io } from './io.ts';
import { type Parsed, parseCrawl, parseExtract, parseRun, parseValidate } from './options.ts';
import { HELP, UsageError } from './usage.ts';

type Command = (args: string[], io: Io) => Promise<number>;

/** Parse first; load the implementation (pdf.js, OCR, DuckDB …) only when there is work to do. */
function command<T>(
  name: string,
  parse: (args: string[]) => Parsed<T>,
  load: () => Promise<(options: T, io: Io) => Promise<number>>,
): Command {
  return async (args, io) => {
    const options = parse(args);
    if (options === 'help') {
      io.stdout.write(HELP[name] ?? '');
      return 0;
    }
    return (await load())(options, io);
  };
}

const COMMANDS: Record<string, Command> = {
  run: command('run', parseRun, async () => (await import('./run-command.ts')).runCommand),
  extract: command('extract', parseExtract, async () => (await import('./extract-command.ts')).extractCommand),
  validate: command('validate', parseValidate, async () => (await import('./validate-command.ts')).validateCommand),
  crawl: command('crawl', parseCrawl, async () => (await import('./crawl-command.ts')).crawlCommand),
};

/** Run the command line `argv` (without node and script); returns the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) throw new UsageError('missing command');
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(HELP[rest[0] ?? ''] ?? HELP[''] ?? '');
      return 0;
    }
    const handler = COMMANDS[command];
    if (!handler) throw new UsageError(`unknown command "${command}"`);
    return await handler(rest, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const where = error.command ? ` ${error.command}` : '';
    io.stderr.write(`ledgerlift${where}: ${error.message} (see "ledgerlift${where} --help")\n`);
    return 2;
  }
}
