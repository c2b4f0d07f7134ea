/** The ledgerlift command: dispatch to sub-commands and map outcomes to exit codes (0 ok, 1 failures, 2 usage). */
import type { Io } from './io.ts';
import { HELP, UsageError } from './usage.ts';

type Command = (args: string[], io: Io) => Promise<number>;

// Loaded on demand: the pipeline pulls in pdf.js, OCR and DuckDB, which `--help` and usage errors do not need.
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run-command.ts')).runCommand,
  extract: async () => (await import('./extract-command.ts')).extractCommand,
  validate: async () => (await import('./validate-command.ts')).validateCommand,
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
    const load = COMMANDS[command];
    if (!load) throw new UsageError(`unknown command "${command}"`);
    return await (await load())(rest, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const where = error.command ? ` ${error.command}` : '';
    io.stderr.write(`ledgerlift${where}: ${error.message} (see "ledgerlift${where} --help")\n`);
    return 2;
  }
}
