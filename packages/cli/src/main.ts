/** Entry point of the `ledgerlift` command. */
import { runCli } from './cli.ts';
import { processIo } from './io.ts';
import { loadDependenciesPlainly } from './plain-dependencies.ts';

loadDependenciesPlainly();

try {
  process.exitCode = await runCli(process.argv.slice(2), processIo);
} catch (error) {
  // A bug, not bad input: still one line, and exit 1 rather than a stack trace.
  process.stderr.write(`ledgerlift: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
