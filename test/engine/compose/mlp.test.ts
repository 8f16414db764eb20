// examples/mlp.py against an independent oracle: the same MLP, SGD steps, per-example gradient
// norms and Newton step written by hand in plain TypeScript float64 (backpropagation derived
// on paper; the Hessian of sum(exp(A w)) + |w|^2/2 is A^T diag(exp(A w)) A + I). The engine
// computes in float32, so values are compared with float32 tolerance.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as K from '../../../src/engine/array/kernels';
import { JaxArray } from '../../../src/engine/jax/array';
import { PyTuple } from '../../../src/engine/interp/object';
import { runPython } from '../jax/run';

const X = [[0, 1], [1, 0], [1, 1], [0.5, -0.5]];
const Y = [1, -1, 0.5, 0];
interface Params { W1: number[][]; b1: number[]; W2: number[]; b2: number }

function forward(p: Params, x: number[]): { h: number[]; out: number } {
  const h = p.b1.map((b, j) => Math.tanh(x[0] * p.W1[0][j] + x[1] * p.W1[1][j] + b));
  return { h, out: h.reduce((s, hj, j) => s + hj * p.W2[j], p.b2) };
}

/** Gradient of sum_i weight * (out_i - y_i)^2 over the given rows. */
function grads(p: Params, rows: number[], weight: number): Params {
  const g: Params = { W1: [[0, 0, 0], [0, 0, 0]], b1: [0, 0, 0], W2: [0, 0, 0], b2: 0 };
  for (const i of rows) {
    const { h, out } = forward(p, X[i]);
    const dOut = 2 * weight * (out - Y[i]);
    g.b2 += dOut;
    h.forEach((hj, j) => {
      g.W2[j] += dOut * hj;
      const dz = dOut * p.W2[j] * (1 - hj * hj);
      g.b1[j] += dz;
      g.W1[0][j] += dz * X[i][0];
      g.W1[1][j] += dz * X[i][1];
    });
  }
  return g;
}

const loss = (p: Params) => Y.reduce((s, y, i) => s + (forward(p, X[i]).out - y) ** 2, 0) / Y.length;

function oracle() {
  let p: Params = { W1: [[0.1, -0.2, 0.3], [0.4, 0.1, -0.1]], b1: [0, 0.1, -0.1], W2: [0.5, -0.3, 0.2], b2: 0.05 };
  const losses: number[] = [];
  for (let step = 0; step < 3; step++) {
    losses.push(loss(p));
    const g = grads(p, [0, 1, 2, 3], 1 / Y.length);
    p = {
      W1: p.W1.map((r, a) => r.map((v, b) => v - 0.1 * g.W1[a][b])),
      b1: p.b1.map((v, j) => v - 0.1 * g.b1[j]),
      W2: p.W2.map((v, j) => v - 0.1 * g.W2[j]),
      b2: p.b2 - 0.1 * g.b2,
    };
  }
  const norms = [0, 1, 2, 3].map((i) => {
    const g = grads(p, [i], 1);
    const sq = [...g.W1.flat(), ...g.b1, ...g.W2, g.b2].reduce((s, v) => s + v * v, 0);
    return Math.sqrt(sq);
  });
  // Newton step on f(w) = sum(exp(A w)) + |w|^2 / 2.
  const A = [[1, 0.5], [-0.3, 1], [0.2, -0.4]];
  const f = (w: number[]) => A.reduce((s, r) => s + Math.exp(r[0] * w[0] + r[1] * w[1]), 0) + 0.5 * (w[0] ** 2 + w[1] ** 2);
  const w0 = [0.5, -0.5];
  const e = A.map((r) => Math.exp(r[0] * w0[0] + r[1] * w0[1]));
  const g = [0, 1].map((k) => A.reduce((s, r, i) => s + r[k] * e[i], 0) + w0[k]);
  const H = [0, 1].map((a) => [0, 1].map((b) => A.reduce((s, r, i) => s + r[a] * r[b] * e[i], 0) + (a === b ? 1 : 0)));
  const det = H[0][0] * H[1][1] - H[0][1] * H[1][0];
  const step = [(H[1][1] * g[0] - H[0][1] * g[1]) / det, (H[0][0] * g[1] - H[1][0] * g[0]) / det];
  const w1 = [w0[0] - step[0], w0[1] - step[1]];
  return { losses, final: loss(p), norms, w1, f0: f(w0), f1: f(w1) };
}

function nums(v: unknown): number[] {
  const c = (v as JaxArray).concrete!;
  return Array.from({ length: c.size }, (_, i) => Number(K.getScalar(c, i)));
}

function close(actual: number[], expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, what);
  actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]) <= 2e-5 * (1 + Math.abs(expected[i])), `${what}[${i}]: ${a} vs ${expected[i]}`));
}

describe('examples/mlp.py against a hand-written float64 oracle', () => {
  it('SGD losses, per-example gradient norms and the Newton step match', () => {
    const source = fs.readFileSync(path.join(__dirname, '../../../../examples/mlp.py'), 'utf8');
    const r = runPython(source + '\n(jnp.stack(losses), final_loss, grad_norms, w1, convex(w0), convex(w1))\n');
    if (r.error) assert.fail(`${r.error.pyType}: ${r.error.message}`);
    const [losses, final, norms, w1, f0, f1] = (r.value as PyTuple).items.map(nums);
    const o = oracle();
    close(losses, o.losses, 'losses');
    close(final, [o.final], 'final loss');
    assert.ok(o.final < o.losses[0], 'training lowers the loss');
    close(norms, o.norms, 'per-example gradient norms');
    close(w1, o.w1, 'Newton iterate');
    close([f0[0], f1[0]], [o.f0, o.f1], 'objective before/after');
    assert.ok(o.f1 < o.f0, 'the Newton step lowers the convex objective');
  });
});
