// The DESIGN §9 elementwise-gradient figure on its own: value_and_grad of
// jnp.sum(jnp.tanh(w * x + b) ** 2) over float32 vectors, next to the hand-written loop of
// handwritten.ts, both timed in the same run so the ratio is meaningful on a shared machine.
// `node out/bench/elementwise.js [n ...]` runs just this case (run.ts prints it with the rest);
// `--passes` also lists the primitives one call binds and how many touch full-size arrays.

import { NDArray } from '../src/engine/array/ndarray';
import { RunContext, withRunContext } from '../src/engine/context';
import { Interpreter, parseModule, type PyObject, PyTuple } from '../src/engine/interp';
import { wrap, isJaxArray } from '../src/engine/jax/array';
import { jaxModules } from '../src/engine/jax/modules';
import { RULES } from '../src/engine/autodiff/primitives/table';
import { handValueAndGrad, inputs } from './handwritten';
import { timePairMs } from './stats';

const LOSS = `
import jax
import jax.numpy as jnp

def loss(w, x, b):
    return jnp.sum(jnp.tanh(w * x + b) ** 2)

value_and_grad = jax.value_and_grad(loss, argnums=(0, 2))
`;

export function float32Leaf(o: PyObject): Float32Array {
  if (!isJaxArray(o) || !(o.value instanceof NDArray)) throw new Error('expected a concrete array');
  return o.value.data as Float32Array;
}

function runModule(interp: Interpreter, source: string): void {
  for (const stmt of parseModule(source).statements) {
    const r = interp.runStatement(stmt);
    if (!r.ok) throw r.error;
  }
}

/** An interpreter holding the loss and float32 inputs of size n; `call` runs value_and_grad. */
export function setUp(n: number): { call: () => PyObject; w: Float32Array; x: Float32Array; b: number } {
  const w = inputs(n, 1);
  const x = inputs(n, 2);
  const b = 0.25;
  const interp = new Interpreter({ modules: jaxModules() });
  runModule(interp, LOSS);
  interp.globals.set('w', wrap(new NDArray('float32', [n], w)));
  interp.globals.set('x', wrap(new NDArray('float32', [n], x)));
  interp.globals.set('b', wrap(new NDArray('float32', [], new Float32Array([b]))));
  return { call: () => interp.evalExpression('value_and_grad(w, x, b)'), w, x, b };
}

export function benchElementwiseGradient(n: number): number {
  const ctx = new RunContext({ limits: { maxTotalElements: Number.MAX_SAFE_INTEGER } });
  return withRunContext(ctx, () => {
    const { call, w, x, b } = setUp(n);
    const [value, grads] = (call() as PyTuple).items as [PyObject, PyTuple];
    const hand = handValueAndGrad(w, x, b);
    const engineValue = float32Leaf(value)[0];
    const gw = float32Leaf(grads.items[0]);
    let maxDiff = 0;
    for (let i = 0; i < n; i++) maxDiff = Math.max(maxDiff, Math.abs(gw[i] - hand.gradW[i]));
    const runs = n >= 1e6 ? 15 : n >= 1e5 ? 40 : 400;
    const { a: engineMs, b: handMs, ratio } = timePairMs(call, () => handValueAndGrad(w, x, b), runs);
    const agree = `value ${engineValue.toPrecision(7)} vs ${hand.value.toPrecision(7)}, max |Δ∇w| ${maxDiff.toExponential(1)}`;
    console.log(
      `value_and_grad tanh loss, n=${n.toExponential(0).padEnd(5)}  engine ${engineMs.toFixed(3).padStart(8)} ms  ` +
        `hand loop ${handMs.toFixed(3).padStart(8)} ms  ratio ${ratio.toFixed(2)}×  (${agree})`,
    );
    return ratio;
  });
}

/** Lists the primitives one call evaluates (impl runs) and marks those with full-size results. */
function countPasses(n: number): void {
  const ctx = new RunContext({ limits: { maxTotalElements: Number.MAX_SAFE_INTEGER } });
  withRunContext(ctx, () => {
    const { call } = setUp(n);
    const log: string[] = [];
    const table = RULES as unknown as Record<string, { impl: (a: NDArray[], p: unknown) => NDArray[] }>;
    const saved = new Map<string, (a: NDArray[], p: unknown) => NDArray[]>();
    for (const [name, rules] of Object.entries(table)) {
      saved.set(name, rules.impl);
      const impl = rules.impl;
      rules.impl = (args, params) => {
        const outs = impl(args, params);
        const full = outs.some((o) => o.size === n) || args.some((a) => a.size === n);
        log.push(`${full ? '*' : ' '} ${name}(${args.map((a) => `[${a.shape.join(',')}]`).join(', ')}) ${JSON.stringify(params)}`);
        return outs;
      };
    }
    try {
      call();
    } finally {
      for (const [name, impl] of saved) table[name].impl = impl;
    }
    console.log(log.join('\n'));
    console.log(`${log.filter((l) => l.startsWith('*')).length} primitives touch full-size arrays (of ${log.length})`);
  });
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const sizes = args.filter((a) => !a.startsWith('--')).map(Number);
  if (args.includes('--passes')) countPasses(sizes[0] ?? 1000);
  else for (const n of sizes.length ? sizes : [1e3, 1e5, 1e6]) benchElementwiseGradient(n);
}
