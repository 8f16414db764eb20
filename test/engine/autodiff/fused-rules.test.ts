// Rules whose derivative runs as one fused loop on concrete arrays (tanh, logistic,
// integer_pow by 2, square) give bit-identical results to their unfused chain of primitives.
// The oracle for the chain: the same rule evaluated under jit, where the operands are tracers, so the rule binds
// mul/add/sub one by one (one float32 rounding per primitive, as XLA on CPU); and for a few
// points, lax's rule written out with Math.fround per operation.
import * as assert from 'node:assert/strict';
import * as K from '../../../src/engine/array/kernels';
import { NDArray } from '../../../src/engine/array/ndarray';
import * as lax from '../../../src/engine/autodiff/lax';
import { jit, jvp, vjp } from '../../../src/engine/autodiff/transforms';
import type { Value } from '../../../src/engine/autodiff/core';

function f32(values: number[]): NDArray {
  return new NDArray('float32', [values.length], Float32Array.from(values));
}

function spread(n: number, seed: number): NDArray {
  let s = seed >>> 0;
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = (s / 2 ** 31 - 1) * 4;
  }
  data[0] = 0;
  data[1] = -0;
  data[2] = 20; // tanh saturates to 1: the derivative is exactly 0
  return new NDArray('float32', [n], data);
}

function sameBits(a: Value, b: Value, what: string): void {
  const x = a as NDArray;
  const y = b as NDArray;
  assert.equal(x.dtype, y.dtype, what);
  assert.equal(x.weakType, y.weakType, `${what}: weak type`);
  assert.deepEqual(x.shape, y.shape, what);
  for (let i = 0; i < x.size; i++) assert.ok(Object.is(x.data[i], y.data[i]), `${what}: element ${i}: ${x.data[i]} vs ${y.data[i]}`);
}

const CASES: [string, (x: Value) => Value][] = [
  ['tanh', (x) => lax.tanh(x)],
  ['logistic', (x) => lax.logistic(x)],
  ['integer_pow 2', (x) => lax.integerPow(x, 2)],
  ['square', (x) => lax.square(x)],
  ['sum(tanh(x)**2)', (x) => lax.reduceSum(lax.integerPow(lax.tanh(x), 2), [0])],
];

describe('autodiff: fused derivative rules equal their unfused chain bit for bit', () => {
  const x = spread(257, 11);
  const ct = spread(257, 12);
  for (const [name, f] of CASES) {
    it(`${name}: vjp and jvp on arrays equal the same under jit (traced, unfused)`, () => {
      const cot = name.startsWith('sum') ? K.full('float32', [], 1.5) : ct;
      const eager = (xs: Value[]) => vjp((ys) => ({ outs: [f(ys[0])] }), xs).pullback([cot]);
      const staged = jit((xs: Value[]) => eager(xs));
      sameBits(eager([x])[0], staged([x])[0], `${name} vjp`);
      const forward = (xs: Value[]) => jvp((ys) => ({ outs: [f(ys[0])] }), [xs[0]], [xs[1]]).tangentsOut;
      sameBits(forward([x, ct])[0], jit(forward)([x, ct])[0], `${name} jvp`);
    });
  }

  it('the gradient of a sum over 5000 elements (a shared uniform cotangent) equals the traced chain', () => {
    const big = spread(5000, 13);
    const f = (v: Value) => lax.reduceSum(lax.integerPow(lax.logistic(lax.tanh(v)), 2), [0]);
    const eager = (xs: Value[]) => vjp((ys) => ({ outs: [f(ys[0])] }), xs).pullback([K.full('float32', [], 0.75)]);
    sameBits(eager([big])[0], jit(eager)([big])[0], 'grad of sum');
  });

  it("tanh's vjp is lax's mul(add(g, mul(g, y)), sub(1, y)) with a float32 rounding per operation", () => {
    const xs = f32([0.5, -1.25, 3, 1e-3]);
    const g = f32([1, -0.75, 2.5, 7]);
    const got = vjp((ys) => ({ outs: [lax.tanh(ys[0])] }), [xs]).pullback([g])[0] as NDArray;
    const r = Math.fround;
    const y = K.unary('tanh', xs).data;
    g.data.forEach((gi, i) => assert.equal(got.data[i], r(r(gi + r(gi * y[i])) * r(1 - y[i]))));
  });

  it('weakly typed operands keep a weakly typed cotangent', () => {
    const weak = new NDArray('float32', [3], Float32Array.of(0.5, 1, -2), true);
    const pull = vjp((ys) => ({ outs: [lax.tanh(lax.integerPow(ys[0], 2))] }), [weak]).pullback;
    const got = pull([new NDArray('float32', [3], Float32Array.of(1, 1, 1), true)])[0] as NDArray;
    assert.equal(got.weakType, true);
  });
});
