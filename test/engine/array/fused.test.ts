// The fused derivative loops (kernels/fused.ts) bit for bit. Oracles: lax's rules written out
// as scalar IEEE operations, each rounded to float32 with Math.fround (what XLA on CPU and the
// unfused chain of primitives do: one rounding per operation), and the unfused chain of this
// engine's own kernels in lax's order, which the fused loop must reproduce exactly.
import * as assert from 'node:assert/strict';
import { binary, logisticDerivative, squareDerivative, tanhDerivative, unary } from '../../../src/engine/array/kernels';
import { NDArray } from '../../../src/engine/array/ndarray';

type FloatDtype = 'float32' | 'float64';

/** Awkward values first (signed zeros, infinities, NaN, subnormal, huge, ±1), then a spread. */
function sample(n: number, dtype: FloatDtype, seed: number, weakType = false): NDArray {
  const special = [0, -0, Infinity, -Infinity, NaN, 1e-40, -1, 1, 3e38, -2e38, 0.1, -0.999999];
  const data = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = i < special.length ? special[(i * 5 + seed) % special.length] : (s / 2 ** 31 - 1) * 3;
  }
  return new NDArray(dtype, [n], data, weakType);
}

function scalar(dtype: FloatDtype, v: number): NDArray {
  return new NDArray(dtype, [1], dtype === 'float32' ? Float32Array.of(v) : Float64Array.of(v), true);
}

function sameBits(actual: NDArray, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.data.length, expected.length, what);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Object.is(actual.data[i], expected[i]), `${what}: element ${i} is ${actual.data[i]}, expected ${expected[i]}`);
  }
}

describe('array kernels: fused derivative loops', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    const r = dtype === 'float32' ? Math.fround : (v: number) => v;

    it(`${dtype}: tanh's (g + g·y)·(1 − y) rounds after each operation`, () => {
      const g = sample(500, dtype, 3);
      const y = unary('tanh', sample(500, dtype, 4));
      const expected = Array.from(g.data, (gi, i) => {
        const yi = y.data[i];
        return r(r(gi + r(gi * yi)) * r(1 - yi));
      });
      const got = tanhDerivative(g, y)!;
      sameBits(got, expected, 'scalar reference');
      // the unfused chain of kernels in lax's order: mul(add(g, mul(g, y)), sub(1, y))
      const chain = binary('mul', binary('add', g, binary('mul', g, y)), binary('sub', scalar(dtype, 1), y));
      sameBits(got, chain.data, 'unfused chain');
      assert.equal(got.dtype, dtype);
      assert.deepEqual(got.shape, [500]);
    });

    it(`${dtype}: logistic's g·(y·(1 − y)) rounds after each operation`, () => {
      const g = sample(500, dtype, 7);
      const y = unary('logistic', sample(500, dtype, 8));
      const expected = Array.from(g.data, (gi, i) => r(gi * r(y.data[i] * r(1 - y.data[i]))));
      const got = logisticDerivative(g, y)!;
      sameBits(got, expected, 'scalar reference');
      // the unfused chain in lax's order: mul(g, mul(y, sub(1, y)))
      sameBits(got, binary('mul', g, binary('mul', y, binary('sub', scalar(dtype, 1), y))).data, 'unfused chain');
    });

    it(`${dtype}: x**2's g·(2·x) rounds after each product (2·x overflows to inf as in float32)`, () => {
      const g = sample(500, dtype, 5);
      const x = sample(500, dtype, 6);
      const expected = Array.from(g.data, (gi, i) => r(gi * r(2 * x.data[i])));
      const got = squareDerivative(g, x)!;
      sameBits(got, expected, 'scalar reference');
      sameBits(got, binary('mul', g, binary('mul', scalar(dtype, 2), x)).data, 'unfused chain');
      // 2·3e38 overflows float32 before the product with g: g·(2·x) is inf there, not 6e38·g
      const big = squareDerivative(scalar(dtype, 0.5), scalar(dtype, 3e38))!.data[0];
      assert.equal(big, dtype === 'float32' ? Infinity : 3e38);
    });
  }

  it('keeps the weak type of the chain: weak only when both operands are', () => {
    for (const [gw, yw] of [[false, false], [true, false], [false, true], [true, true]]) {
      assert.equal(tanhDerivative(sample(4, 'float32', 1, gw), sample(4, 'float32', 2, yw))!.weakType, gw && yw);
      assert.equal(squareDerivative(sample(4, 'float32', 1, gw), sample(4, 'float32', 2, yw))!.weakType, gw && yw);
      assert.equal(logisticDerivative(sample(4, 'float32', 1, gw), sample(4, 'float32', 2, yw))!.weakType, gw && yw);
    }
  });

  it('declines (null) mixed dtypes, other dtypes and unequal shapes, so the rule binds its chain', () => {
    const f32 = sample(4, 'float32', 1);
    assert.equal(tanhDerivative(f32, sample(4, 'float64', 2)), null);
    assert.equal(tanhDerivative(f32, sample(5, 'float32', 2)), null);
    assert.equal(squareDerivative(f32, scalar('float32', 2)), null);
    const f16 = new NDArray('float16', [2], Float32Array.of(1, 2));
    assert.equal(squareDerivative(f16, f16), null);
    const c64 = new NDArray('complex64', [1], Float32Array.of(1, 2));
    assert.equal(tanhDerivative(c64, c64), null);
  });
});
