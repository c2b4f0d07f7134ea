/** Running a native helper (tesseract, pdftoppm) to completion: its stdout, or why it failed. */
import { spawn } from 'node:child_process';

/** A helper that could not start (`code` undefined) or exited non-zero; `detail` is one line saying why. */
export class ToolError extends Error {
  constructor(
    readonly code: number | undefined,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ToolError';
  }
}

/** Run `command` with `args`, feeding `input` on stdin when given; resolves to everything it wrote to stdout. */
export function runTool(
  command: string,
  args: readonly string[],
  options: { input?: Uint8Array; env?: NodeJS.ProcessEnv } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      ...(options.env ? { env: options.env } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(new ToolError(undefined, e.message)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new ToolError(code ?? -1, Buffer.concat(err).toString('utf8').trim().split('\n')[0] ?? ''));
    });
    if (options.input) child.stdin?.end(options.input);
  });
}
