// vmap against its definition: the same as running the function once per example and
// stacking the results (the per-example runs use no batching rule at all).
import * as assert from 'node:assert/strict';
import * as K from '../../../src/engine/array/kernels';
import type { NDArray } from '../../../src/engine/array/ndarray';
import { avalOf, concreteValue, type Value } from '../../../src/engine/autodiff/core';
import * as lax from '../../../src/engine/autodiff/lax';
import { vjp, vmap } from '../../../src/engine/autodiff/transforms';
import { randomArray, rng } from './check';
import { allClose, arr, grad, values } from './helpers';

const next = rng(7);
const i32 = (v: unknown) => arr(v, 'int32');

/** Example b of `x` along `axis`. */
function example(x: NDArray, axis: number, b: number): NDArray {
  const start = x.shape.map((_, i) => (i === axis ? b : 0));
  const limit = x.shape.map((d, i) => (i === axis ? b + 1 : d));
  return K.squeeze(K.slice(x, start, limit), [axis]);
}

function loop(f: (xs: Value[]) => Value[], args: NDArray[], inAxes: (number | null)[], size: number): NDArray[] {
  const per = Array.from({ length: size }, (_, b) =>
    f(args.map((a, i) => (inAxes[i] === null ? a : example(a, inAxes[i] as number, b)))).map((o) => concreteValue(o) as NDArray),
  );
  return per[0].map((_, k) => K.concatenate(per.map((outs) => K.expandDims(outs[k], [0])), 0));
}

function check(f: (xs: Value[]) => Value[], args: NDArray[], inAxes: (number | null)[], size: number): void {
  const got = vmap(f, args, inAxes, size, f(args.map((a, i) => (inAxes[i] === null ? a : example(a, inAxes[i] as number, 0)))).map(() => 0));
  const want = loop(f, args, inAxes, size);
  got.forEach((g, k) => {
    assert.deepEqual(avalOf(g).shape, want[k].shape);
    assert.equal(avalOf(g).dtype, want[k].dtype);
    allClose(values(g), values(want[k]), 1e-12);
  });
}

/** A batch of `size` examples of `shape`, mapped along `axis`. */
function batch(shape: number[], axis: number, size: number): NDArray {
  const full = [...shape];
  full.splice(axis, 0, size);
  return randomArray(full, next);
}

const matmul = { contracting: [[1], [0]] as [number[], number[]], batch: [[], []] as [number[], number[]] };

const CASES: [string, (xs: Value[]) => Value[], number[][]][] = [
  ['tanh of a sum with broadcasting', ([x, y]) => [lax.tanh(lax.add(x, y))], [[2, 3], [1, 3]]],
  ['a 0-d operand against a matrix', ([x, y]) => [lax.mul(x, y)], [[], [2, 3]]],
  ['select and clamp', ([x, y]) => [lax.select(lax.gt(x, y), x, y), lax.clamp(lax.scalarLike(x, -0.5), x, y)], [[4], [4]]],
  ['reductions and argmax', ([x]) => [lax.reduceSum(x, [1]), lax.reduceMax(x, [0]), lax.argmax(x, 1, 'int32')], [[3, 4]]],
  ['cumulative', ([x]) => [lax.cumsum(x, 0), lax.cummax(x, 1, true)], [[3, 4]]],
  ['shape ops', ([x]) => [lax.transpose(lax.reshape(x, [3, 2, 2]), [1, 2, 0]), lax.rev(x, [0]), lax.broadcastInDim(x, [5, 3, 4], [1, 2])], [[3, 4]]],
  ['slice, pad, concatenate', ([x, y]) => [lax.slice(x, [1, 0], [3, 4], [1, 2]), lax.pad(x, y, [[1, 0, 1], [0, 2, 0]]), lax.concatenate([x, x], 1)], [[3, 4], []]],
  ['dot_general', ([x, y]) => [lax.dotGeneral(x, y, matmul)], [[2, 3], [3, 4]]],
  ['gather and scatter', ([x, u]) => [lax.gather(x, [i32([2, 0, 2])], 0, 'clip'), lax.scatter(x, [i32([1, 1])], 0, u, 'add')], [[3, 2], [2, 2]]],
  ['dynamic slices with static starts', ([x, u]) => [lax.dynamicSlice(x, [i32(1), i32(0)], [2, 2]), lax.dynamicUpdateSlice(x, u, [i32(0), i32(1)])], [[3, 3], [2, 2]]],
  ['sort and argsort', ([x]) => [lax.sort(x, 1), lax.argsort(x, 0, 'int32')], [[3, 4]]],
  ['convert and integer_pow', ([x]) => [lax.convertElementType(lax.integerPow(x, 3), 'float32', false)], [[5]]],
];

describe('vmap equals a per-example loop', () => {
  for (const [name, f, shapes] of CASES) {
    it(`${name}: every operand mapped along axis 0`, () => {
      check(f, shapes.map((s) => batch(s, 0, 3)), shapes.map(() => 0), 3);
    });
    it(`${name}: first operand mapped along its last axis, the others unmapped`, () => {
      const args = shapes.map((s, i) => (i === 0 ? batch(s, s.length, 2) : randomArray(s, next)));
      check(f, args, shapes.map((s, i) => (i === 0 ? s.length : null)), 2);
    });
    if (shapes.length > 1) {
      it(`${name}: only the last operand mapped`, () => {
        const args = shapes.map((s, i) => (i === shapes.length - 1 ? batch(s, 0, 2) : randomArray(s, next)));
        check(f, args, shapes.map((_, i) => (i === shapes.length - 1 ? 0 : null)), 2);
      });
    }
  }

  it('batched gather indices and batched dynamic_slice starts', () => {
    const x = randomArray([3, 4], next);
    const idx = i32([[0, 3], [2, 2]]);
    const f = ([v, i]: Value[]) => [lax.gather(v, [i], 1, 'clip')];
    check(f, [x, idx], [null, 0], 2);
    check(f, [randomArray([2, 3, 4], next), idx], [0, 0], 2);
    const starts = i32([0, 2, 1]);
    check(([v, s]) => [lax.dynamicSlice(v, [s], [2])], [randomArray([4], next), starts], [null, 0], 3);
  });

  it('out_axes moves the batch axis; an unmapped result is broadcast', () => {
    const x = arr([[1, 2], [3, 4], [5, 6]]);
    const [a, b] = vmap(([v]) => [lax.neg(v), lax.full([2], 1, 'float32')], [x], [0], 3, [1, 0]);
    assert.deepEqual(avalOf(a).shape, [2, 3]);
    assert.deepEqual(values(a), [-1, -3, -5, -2, -4, -6]);
    assert.deepEqual(avalOf(b).shape, [3, 2]);
    const [c] = vmap(([v]) => [lax.full([], 8, 'float32')], [x], [0], 3, [null]);
    assert.deepEqual(values(c), [8]);
    assert.throws(() => vmap(([v]) => [v], [x], [0], 3, [null]), /got axis spec None but output was batched on axis 0/);
  });
});

describe('vmap composes with grad', () => {
  it('per-example gradients: vmap(grad(loss)) equals the closed form 2(w·x - y)x', () => {
    const w = arr([0.5, -1]);
    const xs = arr([[1, 2], [3, 4], [-1, 0]]);
    const ys = arr([1, 0, 2]);
    const vv = { contracting: [[0], [0]] as [number[], number[]], batch: [[], []] as [number[], number[]] };
    const perExample = ([x, y]: Value[]) => {
      const { pullback } = vjp((ws) => ({ outs: [lax.integerPow(lax.sub(lax.dotGeneral(ws[0], x, vv), y), 2)] }), [w]);
      return pullback([lax.full([], 1, 'float32')]);
    };
    const [g] = vmap(perExample, [xs, ys], [0, 0], 3, [0]);
    // residuals: (0.5·1 - 2 - 1) = -2.5, (1.5 - 4 - 0) = -2.5, (-0.5 - 2) = -2.5
    assert.deepEqual(values(g), [-5, -10, -15, -20, 5, 0]);
  });

  it('grad of a vmapped function equals the gradient of the loop', () => {
    const f = (x: Value) => lax.reduceSum(vmap(([v]) => [lax.sin(lax.mul(v, v))], [x], [0], 3, [0])[0], [0]);
    const at = [0.1, 0.7, -1.2];
    allClose(values(grad(f)(arr(at, 'float64'))), at.map((v) => 2 * v * Math.cos(v * v)), 1e-12);
  });

  it('vmap of vmap: an outer product', () => {
    const [o] = vmap(([a, bs]) => vmap(([b]) => [lax.mul(a, b)], [bs], [0], 3, [0]), [arr([1, 2]), arr([1, 10, 100])], [0, null], 2, [0]);
    assert.deepEqual(values(o), [1, 10, 100, 2, 20, 200]);
  });

  it('vmap over 10^4 examples costs one vectorised evaluation, not 10^4', () => {
    const n = 10_000;
    const x = randomArray([n, 8], next);
    const w = randomArray([8, 4], next);
    const f = ([v]: Value[]) => [lax.reduceSum(lax.tanh(lax.dotGeneral(v, w, { contracting: [[0], [0]], batch: [[], []] })), [0])];
    const t0 = Date.now();
    const [out] = vmap(f, [x], [0], n, [0]);
    const elapsed = Date.now() - t0;
    assert.deepEqual(avalOf(out).shape, [n]);
    assert.ok(elapsed < 1000, `vmap took ${elapsed} ms`);
  });
});
