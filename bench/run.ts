// `npm run bench`: the DESIGN §9 figures, all from one run so they can be compared as ratios.
//
//   1. full check of the worked example, warm (ms), and the same without finite differences
//   2. check of a generated 1,000-line file with 50 annotated functions (ms)
//   3. value_and_grad of jnp.sum(jnp.tanh(w * x + b) ** 2) at 10³, 10⁵, 10⁶ float32 elements,
//      next to a hand-written Float32Array loop computing the same value and gradient (ratio)
//   4. float32 sum accuracy at 10⁶ elements against a float64 reference (relative error)
//   5. transformations (bench/transforms.ts): vmap(grad) over 10⁴ examples against hand
//      vectorisation, and jax.jit's trace-cache hits

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { NDArray } from '../src/engine/array/ndarray';
import { RunContext, withRunContext } from '../src/engine/context';
import { checkSource } from '../src/engine';
import { Interpreter, parseModule } from '../src/engine/interp';
import { wrap } from '../src/engine/jax/array';
import { jaxModules } from '../src/engine/jax/modules';
import { benchElementwiseGradient, float32Leaf } from './elementwise';
import { timeMs } from './stats';
import { generatedFile } from './generated';
import { benchTransforms } from './transforms';

const root = path.join(__dirname, '..', '..');

function benchWorkedExample(): void {
  const source = readFileSync(path.join(root, 'examples', 'worked_example.py'), 'utf8');
  const ms = timeMs(() => checkSource(source, { fileName: "worked_example.py" }), 200, 3000);
  console.log(`worked example, full check (warm)          ${ms.toFixed(2)} ms`);
  // the same without the finite-difference check, to show what that check costs
  const noFd = timeMs(() => checkSource(source, { fileName: "worked_example.py", finiteDifferences: false }), 200, 1000);
  console.log(`  the same, finite differences off         ${noFd.toFixed(2)} ms`);
}

function benchLargeFile(): void {
  const source = generatedFile(50, 1000);
  const lines = source.split('\n').length;
  const ms = timeMs(() => checkSource(source, { fileName: "large.py" }), 10, 3000);
  console.log(`${lines}-line file, 50 annotated functions     ${ms.toFixed(1)} ms`);
}

function runModule(interp: Interpreter, source: string): void {
  for (const stmt of parseModule(source).statements) {
    const r = interp.runStatement(stmt);
    if (!r.ok) throw r.error;
  }
}

function benchSumAccuracy(): void {
  const n = 1_000_000;
  const ctx = new RunContext();
  withRunContext(ctx, () => {
    const interp = new Interpreter({ modules: jaxModules() });
    runModule(interp, 'import jax.numpy as jnp');
    // 0.1 has no exact float32 form, so naive float32 accumulation drifts far from the truth.
    interp.globals.set('x', wrap(new NDArray('float32', [n], new Float32Array(n).fill(0.1))));
    const got = float32Leaf(interp.evalExpression('jnp.sum(x)'))[0];
    const exact = Math.fround(0.1) * n; // float64 reference of the same float32 inputs
    let naive = 0;
    for (let i = 0; i < n; i++) naive = Math.fround(naive + Math.fround(0.1));
    const rel = (v: number) => Math.abs(v - exact) / exact;
    console.log(`float32 sum of 10^6 × 0.1                  relative error ${rel(got).toExponential(2)} (naive float32 loop ${rel(naive).toExponential(2)})`);
  });
}

function main(): void {
  console.log(`Grad Lens benchmarks (node ${process.version}, ${new Date().toISOString()})`);
  benchWorkedExample();
  benchLargeFile();
  for (const n of [1e3, 1e5, 1e6]) benchElementwiseGradient(n);
  benchSumAccuracy();
  benchTransforms();
}

main();
