/** The ledgerlift command line as a library (the binary is main.ts). */
export { runCli } from './cli.ts';
export type { Io } from './io.ts';
