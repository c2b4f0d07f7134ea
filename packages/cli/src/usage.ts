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
  ledgerlift run <files or folders...> [--out <dir>] [--db <path>] [--jobs N] [--ocr-engine E] [--tessdata DIR]
  ledgerlift extract <file> [--out <file>]
  ledgerlift validate <dir>
  ledgerlift crawl <listing-url...> --out <store> [--keyword K]... [--year Y]... [--type pdf]...
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
  --ocr-engine <tesseract.js|cli>   recognizer for scanned pages and images (default tesseract.js; cli = the
                 native tesseract command, faster where installed; it draws pages with Poppler's pdftoppm
                 when that is installed too)
  --tessdata <dir>  OCR language data (chi_sim, eng); else LEDGERLIFT_TESSDATA, TESSDATA_PREFIX, system folders
  -h, --help     show this help

Inputs with the same bytes as an earlier input are skipped. Every input is recorded in run.json.

Exit codes: 0 all documents ok; 1 some failed (recorded in run.json, the others still written) or the outputs
or database could not be written; 2 bad usage.
`,
  extract: `Usage: ledgerlift extract <file> [--out <file>]

Extract the tables of one file (cells with provenance) as JSON, to stdout or to --out.

Options:
  --out <file>   write the JSON here instead of stdout
  --ocr-engine <tesseract.js|cli>   recognizer for scanned pages and images (default tesseract.js)
  --tessdata <dir>  OCR language data folder
  -h, --help     show this help

Exit codes: 0 ok, 1 the file could not be extracted, 2 bad usage.
`,
  validate: `Usage: ledgerlift validate <dir>

Read <dir>/validation.json written by "ledgerlift run" and print a summary with every failed check.

Options:
  -h, --help     show this help

Exit codes: 0 no failed error-level check, 1 errors found (or the report cannot be read), 2 bad usage.
`,
  crawl: `Usage: ledgerlift crawl <listing-url...> --out <store> [options]

Follow the listing pages (pagination included), pick links to reports by title keywords, year and file type,
and download them into a content-addressed store: <store>/files/<sha256>.<ext> plus <store>/manifest.json (url,
final url, title, publication date, sha256, size, content type, fetch time, ETag/Last-Modified, failures).
A re-run fetches only what is new or changed; a crawl killed midway resumes without loss or duplicates.
Then: ledgerlift run <store> --out <dir>.

Options:
  --out <dir>          the store folder (required)
  --keyword <text>     a report link's text must contain one of these (repeatable; default 决算, 预算, 绩效)
  --year <yyyy>        and mention one of these years (repeatable; default any)
  --type <ext>         file types to keep (repeatable; default pdf doc docx xls xlsx html)
  --allow-host <host>  hosts that may be fetched (repeatable; default the listing pages' hosts)
  --max-pages <N>      listing pages to follow at most (default 50)
  --max-bytes <N>      size limit per download (default 104857600)
  --timeout-ms <N>     per request (default 30000)
  --concurrency <N>    requests at once per host (default 2)
  --interval-ms <N>    minimum time between requests to one host (default 250)
  --ignore-robots      do not read robots.txt
  -h, --help           show this help

Exit codes: 0 every wanted file fetched or unchanged, 1 some failed (recorded in the manifest), 2 bad usage.
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
