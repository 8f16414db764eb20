// Long interpreter fuzzing run (issue #7). Run after `npx tsc -p .`:
//   GRADLENS_FUZZ_COUNT=100000 GRADLENS_FUZZ_SEED=1 node scripts/fuzz.mjs
// Half the programs come from the grammar, half are mutated examples and corpus snippets.
// Prints programs tried, internal errors (escaped exceptions included), hangs, state leaks
// and the slowest case; exits 1 when any problem was found.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fc = require('fast-check');
const { program } = require('../out/test/engine/fuzz/grammar.js');
const { mutated, seedPrograms } = require('../out/test/engine/fuzz/mutate.js');
const { budgetTimeMs, checkCase } = require('../out/test/engine/fuzz/harness.js');

const count = Number(process.env.GRADLENS_FUZZ_COUNT ?? 100_000);
const seed = Number(process.env.GRADLENS_FUZZ_SEED ?? 1);
/** A hang: over this factor of the time a run takes to spend its whole step budget. */
const FACTOR = Number(process.env.GRADLENS_FUZZ_FACTOR ?? 30);
/** Re-run every Nth program after another one to look for state leaking across runs. */
const LEAK_EVERY = Number(process.env.GRADLENS_FUZZ_LEAK_EVERY ?? 10);
const CHUNK = 1000;
const budgetMs = budgetTimeMs();
const maxMs = FACTOR * budgetMs + 200;
const arb = fc.oneof(program, mutated(seedPrograms()));
const counts = { tried: 0, internal: 0, hangs: 0, leaks: 0 };
let slowest = { ms: 0, source: '' };
const shown = new Set();
const t0 = Date.now();

for (let chunk = 0; counts.tried < count; chunk++) {
  const n = Math.min(CHUNK, count - counts.tried);
  const samples = fc.sample(arb, { seed: seed * 1_000_003 + chunk, numRuns: n });
  for (let i = 0; i < samples.length; i++) {
    const source = samples[i];
    const other = counts.tried % LEAK_EVERY === 0 ? samples[(i + 1) % samples.length] : null;
    const { problems, ms } = checkCase(source, other, maxMs);
    counts.tried++;
    if (ms > slowest.ms) slowest = { ms, source };
    for (const p of problems) {
      if (p.startsWith('hang')) counts.hangs++;
      else if (p.startsWith('a reused engine')) counts.leaks++;
      else counts.internal++;
      const key = p.split('\n')[0].slice(0, 120);
      if (!shown.has(key) && shown.size < 20) {
        shown.add(key);
        console.log(`--- ${p.split('\n').slice(0, 6).join('\n')}\n--- program:\n${source.slice(0, 1500)}\n`);
      }
    }
  }
  {
    console.log(`${counts.tried} programs, ${((Date.now() - t0) / 1000).toFixed(0)} s: internal errors ${counts.internal}, hangs ${counts.hangs}, state leaks ${counts.leaks}`);
  }
}

console.log(`\nprograms tried: ${counts.tried}`);
console.log(`internal errors: ${counts.internal}`);
console.log(`hangs (over ${maxMs.toFixed(0)} ms = ${FACTOR} x ${budgetMs.toFixed(0)} ms budget time + 200 ms): ${counts.hangs}`);
console.log(`state leaks (report changed on a reused engine): ${counts.leaks}`);
console.log(`leak checks: every ${LEAK_EVERY}th program (A, B, A)`);
console.log(`slowest case: ${slowest.ms.toFixed(0)} ms\n${slowest.source.slice(0, 1500)}`);
process.exit(counts.internal + counts.hangs + counts.leaks > 0 ? 1 : 0);
