// Transformation benchmarks (issue #3), printed by `benchTransforms()`:
//   1. vmap(grad(loss)) over 10⁴ examples against the same per-example gradients written as one
//      vectorised jnp expression (ratio: what batching by rules costs over hand vectorisation);
//   2. jax.jit's trace cache: calls against traces for repeated calls with a few signatures.

import { RunContext, withRunContext } from '../src/engine/context';
import { Interpreter, parseModule } from '../src/engine/interp';
import { jitStats } from '../src/engine/jax/api/jit';
import { jaxModules } from '../src/engine/jax/modules';
import { timeMs } from './stats';

const SETUP = `
import jax
import jax.numpy as jnp

n, d = 10000, 8
X = jnp.sin(jnp.arange(n * d, dtype=jnp.float32).reshape(n, d) * 0.37)
Y = jnp.cos(jnp.arange(n, dtype=jnp.float32) * 0.11)
w = jnp.linspace(-0.5, 0.5, d)

def loss(w, x, y):
    return (jnp.tanh(jnp.dot(x, w)) - y) ** 2

per_example = jax.vmap(jax.grad(loss), in_axes=(None, 0, 0))

def by_hand(w, X, Y):
    t = jnp.tanh(X @ w)
    return (2 * (t - Y) * (1 - t ** 2))[:, None] * X

@jax.jit
def step(x):
    return jnp.sum(jnp.tanh(x) ** 2)
`;

function run(interp: Interpreter, source: string): void {
  for (const stmt of parseModule(source).statements) {
    const r = interp.runStatement(stmt);
    if (!r.ok) throw r.error;
  }
}

export function benchTransforms(): void {
  const ctx = new RunContext({ limits: { maxTotalElements: Number.MAX_SAFE_INTEGER, maxSteps: Number.MAX_SAFE_INTEGER } });
  withRunContext(ctx, () => {
    const interp = new Interpreter({ modules: jaxModules() });
    run(interp, SETUP);
    // Same numbers both ways (checked once, so the ratio compares equal work).
    run(interp, 'assert float(jnp.max(jnp.abs(per_example(w, X, Y) - by_hand(w, X, Y)))) < 1e-5');
    const vmapMs = timeMs(() => interp.evalExpression('per_example(w, X, Y)'), 20);
    const handMs = timeMs(() => interp.evalExpression('by_hand(w, X, Y)'), 20);
    console.log(
      `vmap(grad(loss)), 10^4 examples x 8     ${vmapMs.toFixed(2)} ms  vectorised by hand ${handMs.toFixed(2)} ms  ratio ${(vmapMs / handMs).toFixed(2)}×`,
    );

    const calls0 = jitStats.calls;
    const traces0 = jitStats.traces;
    run(interp, 'for i in range(100):\n    step(jnp.ones(3) * i)\n    step(jnp.ones(5))\n    step(float(i))\n');
    const calls = jitStats.calls - calls0;
    const traces = jitStats.traces - traces0;
    console.log(`jit cache: ${calls} calls, ${traces} traces, ${calls - traces} cache hits (3 signatures)`);
  });
}

if (require.main === module) benchTransforms();
