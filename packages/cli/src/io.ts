/** Where commands print: stdout for results and summaries, stderr for errors and progress. */
export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** The process's own streams. */
export const processIo: Io = { stdout: process.stdout, stderr: process.stderr };
