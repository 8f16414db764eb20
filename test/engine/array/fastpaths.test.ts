// The monomorphic float loops (kernels/floatLoops.ts) against the general paths and against
// closed forms, bit for bit. Oracles: the broadcasting path (index maps and a scalar function,
// taken when an operand broadcasts along one axis only), IEEE arithmetic done in float64 and
// rounded once with Math.fround (exact for + - * / on float32 inputs: float64 has more than
// 2·24 + 2 bits), the generic pairwise sum over a plain Array, and Math's functions.
import * as assert from 'node:assert/strict';
import { binary, integerPow, reduce, unary, type BinaryKernel, type UnaryKernel } from '../../../src/engine/array/kernels';
import { pairwiseSum } from '../../../src/engine/array/kernels/reduce';
import { NDArray } from '../../../src/engine/array/ndarray';

type FloatDtype = 'float32' | 'float64';

/** Deterministic awkward values: signed zeros, infinities, NaN, tiny and huge, and a spread. */
function sample(n: number, dtype: FloatDtype, seed: number, shape: number[] = [n]): NDArray {
  const special = [0, -0, Infinity, -Infinity, NaN, 1e-40, -3.5, 1e30, 0.1, -0.0003];
  const data = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = i < special.length ? special[(i + seed) % special.length] : (s / 2 ** 31 - 1) * 8;
  }
  return new NDArray(dtype, shape, data);
}

/** The same values repeated `times` times along a new leading axis (a materialised broadcast). */
function tiled(x: NDArray, times: number): NDArray {
  const n = x.data.length;
  const data = x.dtype === 'float32' ? new Float32Array(n * times) : new Float64Array(n * times);
  for (let t = 0; t < times; t++) data.set(x.data, t * n);
  return new NDArray(x.dtype, [times, ...x.shape], data);
}

function sameBits(actual: NDArray, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.data.length, expected.length, what);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Object.is(actual.data[i], expected[i]), `${what}: element ${i} is ${actual.data[i]}, expected ${expected[i]}`);
  }
}

const BINARY: [BinaryKernel, (a: number, b: number) => number][] = [
  ['add', (a, b) => a + b],
  ['sub', (a, b) => a - b],
  ['mul', (a, b) => a * b],
  ['div', (a, b) => a / b],
  ['max', Math.max],
  ['min', Math.min],
];

describe('array kernels: monomorphic float fast paths', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    const round = dtype === 'float32' ? Math.fround : (v: number) => v;

    it(`${dtype}: equal shapes and a scalar on either side match IEEE arithmetic rounded once`, () => {
      const x = sample(300, dtype, 1);
      const y = sample(300, dtype, 2);
      const s = -3.5;
      const scalar = new NDArray(dtype, [], dtype === 'float32' ? Float32Array.of(s) : Float64Array.of(s));
      for (const [op, f] of BINARY) {
        sameBits(binary(op, x, y), Array.from(x.data, (v, i) => round(f(v, y.data[i]))), `${op} same`);
        sameBits(binary(op, scalar, y), Array.from(y.data, (v) => round(f(s, v))), `${op} scalar left`);
        sameBits(binary(op, x, scalar), Array.from(x.data, (v) => round(f(v, s))), `${op} scalar right`);
      }
    });

    it(`${dtype}: the fast loops equal the broadcasting path bit for bit`, () => {
      // y of shape [1, 50] against x of [4, 50] takes the index-map path; tiling y takes the fast one.
      const x = sample(200, dtype, 3, [4, 50]);
      const y = sample(50, dtype, 4, [1, 50]);
      const yFull = tiled(new NDArray(dtype, [50], y.data), 4);
      for (const [op] of BINARY) {
        sameBits(binary(op, x, yFull), binary(op, x, y).data, `${op} (x, y)`);
        sameBits(binary(op, yFull, x), binary(op, y, x).data, `${op} (y, x)`);
      }
    });

    it(`${dtype}: unary loops match Math's functions rounded once`, () => {
      const x = sample(400, dtype, 5);
      const closed: [UnaryKernel, (a: number) => number][] = [
        ['neg', (a) => -a], ['exp', Math.exp], ['log', Math.log], ['sin', Math.sin], ['cos', Math.cos],
        ['sqrt', Math.sqrt], ['abs', Math.abs], ['square', (a) => a * a], ['reciprocal', (a) => 1 / a],
        ['logistic', (a) => 1 / (1 + Math.exp(-a))],
      ];
      for (const [op, f] of closed) sameBits(unary(op, x), Array.from(x.data, (v) => round(f(v))), op);
    });

    it(`${dtype}: integer_pow 2 is the rounded product, as the squaring chain of power 3 implies`, () => {
      const x = sample(300, dtype, 6);
      sameBits(integerPow(x, 2), Array.from(x.data, (v) => round(v * v)), 'x ** 2');
      // x ** 3 runs the general chain fround(x · fround(x²)): consistent with x ** 2 · x
      sameBits(integerPow(x, 3), Array.from(x.data, (v) => round(v * round(v * v))), 'x ** 3');
    });

    it(`${dtype}: the pairwise sum over typed storage equals the generic one over a plain array`, () => {
      for (const n of [1, 127, 128, 129, 1000, 4099]) {
        const x = sample(n, dtype, n);
        for (let i = 0; i < 10 && i < n; i++) x.data[i] = (i % 3) - 1; // keep the sum finite
        const plain = Array.from(x.data);
        assert.ok(Object.is(pairwiseSum(x.data, 0, n), pairwiseSum(plain, 0, n)), `n = ${n}`);
        assert.ok(Object.is(reduce('sum', x, [0]).data[0], round(pairwiseSum(plain, 0, n))), `reduce n = ${n}`);
      }
    });
  }

  it('float32 tanh (one exp) equals Math.tanh rounded to float32 on a dense grid', () => {
    const n = 20001;
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = (i - 10000) / 1000; // [-10, 10], through the Taylor zone
    data[10000] = -0;
    const x = new NDArray('float32', [n], data);
    sameBits(unary('tanh', x), Array.from(data, (v) => Math.fround(Math.tanh(v))), 'tanh');
    const specials = new NDArray('float32', [4], Float32Array.of(Infinity, -Infinity, NaN, 1e-30));
    sameBits(unary('tanh', specials), [1, -1, NaN, Math.fround(1e-30)], 'tanh specials');
  });

  it('float64 tanh is Math.tanh exactly', () => {
    const x = sample(300, 'float64', 9);
    sameBits(unary('tanh', x), Array.from(x.data, Math.tanh), 'tanh');
  });

  it('float16 and bfloat16 (Float32Array storage) still round to their own dtype', () => {
    const h = new NDArray('float16', [2], Float32Array.of(1, 2));
    const third = new NDArray('float16', [2], Float32Array.of(3, 3));
    // 1/3 in float16 is 0.333251953125 (0x3555); 2/3 is 0.66650390625 (0x3955)
    sameBits(binary('div', h, third), [0.333251953125, 0.66650390625], 'float16 div');
    const b = new NDArray('bfloat16', [1], Float32Array.of(0.333984375)); // 1/3 in bfloat16 (0x3EAB)
    // its square 0.11154460906982422 keeps 8 significant bits in bfloat16: 0.111328125 (0x3DE4)
    sameBits(integerPow(b, 2), [0.111328125], 'bfloat16 square');
  });
});
