// One chunk of the long fuzz run (see fuzz.mjs): regenerates the chunk's programs from its
// seed, runs programs [from, n) and reports each to the parent. The parent watches this worker:
// if a program never returns or exhausts the heap, it names that program and starts a fresh
// worker after it.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';

const require = createRequire(import.meta.url);
const fc = require('fast-check');
const { program } = require('../out/test/engine/fuzz/grammar.js');
const { mutated, seedPrograms } = require('../out/test/engine/fuzz/mutate.js');
const { budgetTimeMs, checkCase, run } = require('../out/test/engine/fuzz/harness.js');

/** A hang: over this factor of the time a run takes to spend its whole step budget. */
const FACTOR = Number(process.env.GRADLENS_FUZZ_FACTOR ?? 30);
/** Re-run every Nth program after another one to look for state leaking across runs. */
const LEAK_EVERY = Number(process.env.GRADLENS_FUZZ_LEAK_EVERY ?? 10);
/** Programs run before the heap baseline is taken (module caches fill up first). */
const WARMUP = 20;

const { seed, n, from } = workerData;
const samples = fc.sample(fc.oneof(program, mutated(seedPrograms())), { seed, numRuns: n });
// Calibrated here, per chunk, so the limit follows how loaded the machine is right now.
const maxMs = FACTOR * budgetTimeMs() + 200;

const heapAfterGc = () => {
  globalThis.gc?.();
  return getHeapStatistics().used_heap_size / 2 ** 20;
};

let baseline = null;
for (let i = from; i < samples.length; i++) {
  const source = samples[i];
  parentPort.postMessage({ type: 'start', i, source });
  const other = i % LEAK_EVERY === 0 ? samples[(i + 1) % samples.length] : null;
  let { problems, ms } = checkCase(source, other, maxMs);
  // A hang is deterministic, a scheduling hiccup on a busy machine is not: a slow program is
  // timed twice more and counts as a hang only if it is over the limit every time.
  let transient = false;
  if (problems.some((p) => p.startsWith('hang'))) {
    const best = Math.min(ms, run(source).ms, run(source).ms);
    if (best <= maxMs) {
      problems = problems.filter((p) => !p.startsWith('hang'));
      transient = true;
    }
    ms = best;
  }
  parentPort.postMessage({ type: 'done', i, problems, ms, maxMs, transient });
  if (i - from === WARMUP && globalThis.gc) baseline = heapAfterGc();
}
const heapKeptMb = baseline === null ? 0 : heapAfterGc() - baseline;
parentPort.postMessage({ type: 'end', heapKeptMb });
