/** A one-line progress bar on a TTY stream (stderr), redrawn in place. */

/** Progress reporter: `tick` after each document, `done` to clear the line. */
export interface Progress {
  tick(label: string): void;
  done(): void;
}

const WIDTH = 24;

/** A bar on `stream` when it is a terminal and there is more than one item; otherwise a no-op. */
export function createProgress(total: number, stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY || total < 2) return { tick() {}, done() {} };
  let count = 0;
  const columns = stream.columns || 80;
  return {
    tick(label) {
      count += 1;
      const filled = Math.round((count / total) * WIDTH);
      const line = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${count}/${total} ${label}`;
      stream.write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`);
    },
    done() {
      stream.write(`\r${' '.repeat(columns - 1)}\r`);
    },
  };
}
