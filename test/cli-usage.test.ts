import { describe, expect, it } from 'vitest';
import { ledgerlift } from './fixtures/cli/spawn-cli.ts';

describe('ledgerlift usage (exit 2 on bad usage, 0 on help)', () => {
  it.concurrent('no arguments: exit 2 with one line', async () => {
    const r = await ledgerlift();
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['ledgerlift: missing command (see "ledgerlift --help")']);
  });

  it.concurrent('unknown command: exit 2 naming it', async () => {
    const r = await ledgerlift('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('ledgerlift: unknown command "frobnicate" (see "ledgerlift --help")');
  });

  it.concurrent('unknown option: exit 2 naming it', async () => {
    const r = await ledgerlift('run', 'corpus', '--bogus');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('ledgerlift run: Unknown option \'--bogus\' (see "ledgerlift run --help")');
  });

  it.concurrent('run without inputs or with a bad --jobs: exit 2', async () => {
    const [none, jobs] = await Promise.all([ledgerlift('run'), ledgerlift('run', 'corpus', '--jobs', 'many')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('missing input files or folders');
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toContain('--jobs must be a positive integer, got "many"');
  });

  it.concurrent('--help everywhere: exit 0 with usage on stdout', async () => {
    const results = await Promise.all([
      ledgerlift('--help'),
      ledgerlift('run', '--help'),
      ledgerlift('extract', '-h'),
      ledgerlift('validate', '--help'),
    ]);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(results[0]?.stdout).toContain('ledgerlift run <files or folders...>');
    expect(results[1]?.stdout).toContain('--jobs <N>');
    expect(results[2]?.stdout).toContain('Usage: ledgerlift extract <file>');
    expect(results[3]?.stdout).toContain('Usage: ledgerlift validate <dir>');
  });
});
