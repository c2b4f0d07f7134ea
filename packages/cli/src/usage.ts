/** Command-line usage: help texts, the usage error (exit 2) and strict option parsing. */
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** Bad usage: unknown command or option, missing or malformed argument. Exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command = '',
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export const HELP: Record<string, string> = {
  '': `ledgerlift: turn published report PDFs (and converted text, HTML, scans) into verified datasets

Usage:
  ledgerlift run <files or folders...> [--out <dir>] [--db <path>] [--jobs N]
  ledgerlift extract <file> [--out <file>]
  ledgerlift validate <dir>
  ledgerlift <command> --help

Exit codes: 0 all documents ok, 1 some documents failed (the others are still written), 2 bad usage.
`,
  run: `Usage: ledgerlift run <files or folders...> [--out <dir>] [--db <path>] [--jobs N]

Extract, normalize and validate every supported file (.pdf .txt .html .png .jpg .tif); folders are searched
recursively (README.md and expected/ folders are skipped). Writes into --out: tables.json, facts.csv,
facts.jsonl, amounts.csv, documents.csv, validation.json, run.json, datapackage.json; and loads the DuckDB
database (rows of re-run documents are replaced, keyed by sha256).

Options:
  --out <dir>    output folder (default: out)
  --db <path>    DuckDB file (default: <out>/ledgerlift.duckdb)
  --jobs <N>     documents processed at once (default: number of CPU cores)
  -h, --help     show this help

Inputs with the same bytes as an earlier input are skipped. Every input is recorded in run.json.

Exit codes: 0 all documents ok; 1 some failed (recorded in run.json, the others still written) or the outputs
or database could not be written; 2 bad usage.
`,
  extract: `Usage: ledgerlift extract <file> [--out <file>]

Extract the tables of one file (cells with provenance) as JSON, to stdout or to --out.

Options:
  --out <file>   write the JSON here instead of stdout
  -h, --help     show this help

Exit codes: 0 ok, 1 the file could not be extracted, 2 bad usage.
`,
  validate: `Usage: ledgerlift validate <dir>

Read <dir>/validation.json written by "ledgerlift run" and print a summary with every failed check.

Options:
  -h, --help     show this help

Exit codes: 0 no failed error-level check, 1 errors found (or the report cannot be read), 2 bad usage.
`,
};

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parse `args` strictly for `command`; parseArgs' own errors become UsageErrors. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // parseArgs appends advice about '--' to unknown options; the first sentence is the message.
    const first = (error as Error).message.split(/(?<=\.) /)[0] ?? '';
    if (code.startsWith('ERR_PARSE_ARGS')) throw new UsageError(first.replace(/\.$/, ''), command);
    throw error;
  }
}
