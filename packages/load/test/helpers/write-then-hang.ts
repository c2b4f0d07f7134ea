/**
 * Child process for the kill test: starts replacing the outputs in argv[2] with a new run, announces "midway"
 * once part of facts.jsonl is staged, then hangs until it is killed.
 */
import { runOutputFiles, writeFilesAtomic } from '../../src/index.ts';
import { sampleRun } from '../fixtures.ts';

async function* hangAfterFirstChunk(): AsyncGenerator<string> {
  yield '{"partial": true}\n';
  process.stdout.write('midway\n');
  await new Promise(() => setInterval(() => {}, 1000));
}

const run = sampleRun();
run.documents = run.documents.slice(1);
const files = runOutputFiles(run).map((f) => (f.name === 'facts.jsonl' ? { ...f, content: hangAfterFirstChunk() } : f));
await writeFilesAtomic(process.argv[2] ?? '.', files);
