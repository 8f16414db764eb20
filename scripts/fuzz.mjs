// Long interpreter fuzzing run (issue #7). `npm run fuzz`, or after `npx tsc -p .`:
//   GRADLENS_FUZZ_COUNT=100000 GRADLENS_FUZZ_SEED=1 node --expose-gc scripts/fuzz.mjs
// Half the programs come from the grammar, half are mutated examples and corpus snippets.
//
// Programs run in worker threads, a chunk of CHUNK programs per worker, each worker with a
// capped heap and a watchdog. So one program that exhausts memory or never returns is itself
// a finding (named, with its source) instead of the end of the run, and the run goes on with
// the next program in a fresh worker. This mirrors the editor, where the engine's worker has a
// heap cap and a wall-clock timeout.
//
// Prints programs tried, internal errors (escaped exceptions included), hangs, out-of-memory
// kills, state leaks, the heap kept after a chunk of runs, and the slowest case; exits 1 when
// any problem was found.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

const count = Number(process.env.GRADLENS_FUZZ_COUNT ?? 100_000);
const seed = Number(process.env.GRADLENS_FUZZ_SEED ?? 1);
/** Parallel workers (default 1: timings are the hang oracle, so leave the machine quiet). */
const jobs = Number(process.env.GRADLENS_FUZZ_JOBS ?? 1);
/** Heap cap of each worker: 512 MB like the editor's engine worker. */
const heapMb = Number(process.env.GRADLENS_FUZZ_HEAP_MB ?? 512);
/** A worker silent this long is stuck in one program: kill it and count a hang. */
const watchdogMs = Number(process.env.GRADLENS_FUZZ_WATCHDOG_MS ?? 60_000);
/** When set, every program with a problem is written there in full (the log shows 1,500 characters). */
const outDir = process.env.GRADLENS_FUZZ_OUT;
const CHUNK = 1000;
const workerFile = fileURLToPath(new URL('./fuzz-worker.mjs', import.meta.url));

const counts = { tried: 0, internal: 0, hangs: 0, leaks: 0, oom: 0, transient: 0 };
let slowest = { ms: 0, source: '', limit: 0 };
let heapKept = { mb: 0, chunk: -1 };
const shown = new Set();
const t0 = Date.now();

function record(problem, source, where) {
  if (problem.startsWith('hang')) counts.hangs++;
  else if (problem.startsWith('out of memory')) counts.oom++;
  else if (problem.startsWith('a reused engine')) counts.leaks++;
  else counts.internal++;
  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `${problem.split(/[: ]/)[0]}-seed${seed}-chunk${where.chunk}-${where.i}.py`), source);
  }
  const key = problem.split('\n')[0].slice(0, 120);
  if (!shown.has(key) && shown.size < 20) {
    shown.add(key);
    console.log(`--- ${problem.split('\n').slice(0, 6).join('\n')}\n--- program ${where.i} of chunk ${where.chunk} (seed ${seed}):\n${source.slice(0, 1500)}\n`);
  }
}

/** Runs programs [from, n) of one chunk in a fresh worker; resolves with the first index not run. */
function runWorker(chunk, from, n) {
  return new Promise((resolve) => {
    const worker = new Worker(workerFile, {
      workerData: { seed: seed * 1_000_003 + chunk, n, from },
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    let current = { i: from, source: '' };
    let settled = false;
    let timer;
    const finish = (next) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(next);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        counts.tried++;
        record(`hang: killed after ${watchdogMs / 1000} s without an answer`, current.source, { chunk, i: current.i });
        finish(current.i + 1);
      }, watchdogMs);
    };
    arm();
    worker.on('message', (m) => {
      arm();
      if (m.type === 'start') current = m;
      else if (m.type === 'done') {
        counts.tried++;
        if (m.transient) counts.transient++;
        if (m.ms > slowest.ms) slowest = { ms: m.ms, source: current.source, limit: m.maxMs };
        for (const p of m.problems) record(p, current.source, { chunk, i: current.i });
      } else if (m.type === 'end') {
        if (m.heapKeptMb > heapKept.mb) heapKept = { mb: m.heapKeptMb, chunk };
        finish(n);
      }
    });
    worker.on('error', (e) => {
      counts.tried++;
      const oom = e?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      record(oom ? `out of memory: the program exhausted a ${heapMb} MB heap` : `worker crashed: ${e?.stack ?? e}`, current.source, { chunk, i: current.i });
      finish(current.i + 1);
    });
    worker.on('exit', () => finish(current.i + 1));
  });
}

async function runChunk(chunk) {
  const n = Math.min(CHUNK, count - chunk * CHUNK);
  for (let from = 0; from < n; ) from = await runWorker(chunk, from, n);
}

const chunks = Math.ceil(count / CHUNK);
let nextChunk = 0;
async function lane() {
  while (nextChunk < chunks) {
    await runChunk(nextChunk++);
    const s = ((Date.now() - t0) / 1000).toFixed(0);
    console.log(`${counts.tried} programs, ${s} s: internal errors ${counts.internal}, hangs ${counts.hangs}, out of memory ${counts.oom}, state leaks ${counts.leaks}`);
  }
}
await Promise.all(Array.from({ length: jobs }, lane));

console.log(`\nprograms tried: ${counts.tried} (seed ${seed}, ${jobs} worker(s), ${((Date.now() - t0) / 60000).toFixed(1)} min)`);
console.log(`internal errors: ${counts.internal}`);
console.log(`hangs (over 30 x the time of a run spending its whole step budget, recalibrated per chunk, + 200 ms): ${counts.hangs}`);
console.log(`slow once but within the limit when timed again (machine load, not counted): ${counts.transient}`);
console.log(`out of memory (worker heap capped at ${heapMb} MB): ${counts.oom}`);
console.log(`state leaks (report changed on a reused engine, checked on every 10th program: A, B, A): ${counts.leaks}`);
console.log(
  heapKept.chunk < 0
    ? 'heap kept across runs: not measured (run node with --expose-gc)'
    : `heap kept across runs: at most ${heapKept.mb.toFixed(1)} MB growth after GC over one chunk of ${CHUNK} runs (chunk ${heapKept.chunk})`,
);
console.log(`slowest case: ${slowest.ms.toFixed(0)} ms (its limit ${slowest.limit.toFixed(0)} ms)\n${slowest.source.slice(0, 1500)}`);
process.exit(counts.internal + counts.hangs + counts.leaks + counts.oom > 0 ? 1 : 0);
