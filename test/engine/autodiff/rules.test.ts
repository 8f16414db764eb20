// Every differentiable primitive family through check_grads: the jvp matches central finite
// differences (float64) and the vjp is its transpose.
import type { Value } from '../../../src/engine/autodiff/core';
import * as lax from '../../../src/engine/autodiff/lax';
import { checkGrads, randomArray, rng } from './check';
import { vjp } from '../../../src/engine/autodiff/transforms';
import { arr } from './helpers';

const next = rng(42);
const r = (...shape: number[]) => randomArray(shape, next);
const pos = (...shape: number[]) => randomArray(shape, next, 2);
const i32 = (v: unknown) => arr(v, 'int32');
const s = (x: Value, v: number) => lax.scalarLike(x, v);

const CASES: [string, (xs: Value[]) => Value[], () => ReturnType<typeof r>[]][] = [
  ['mul with size-1 broadcasting', ([x, y]) => [lax.mul(x, y)], () => [r(2, 1, 3), r(1, 4, 3)]],
  ['div with a 0-d operand', ([x, y]) => [lax.div(x, y)], () => [r(3, 2), pos()]],
  ['pow of positive base', ([x, y]) => [lax.pow(x, y)], () => [pos(4), r(4)]],
  ['max and min of distinct values', ([x, y]) => [lax.max(x, y), lax.min(x, y)], () => [r(5), r(5)]],
  ['atan2', ([x, y]) => [lax.atan2(x, y)], () => [r(3), r(3)]],
  ['select_n', ([x, y]) => [lax.select(lax.gt(x, y), lax.sin(x), lax.mul(y, y))], () => [r(6), r(6)]],
  ['clamp with array bounds', ([lo, x]) => [lax.clamp(lo, x, s(x, 0.5))], () => [r(6), r(6)]],
  ['reduce_sum over two axes', ([x]) => [lax.reduceSum(lax.mul(x, x), [0, 2])], () => [r(2, 3, 4)]],
  ['reduce_max / reduce_min', ([x]) => [lax.reduceMax(x, [1]), lax.reduceMin(x, [0])], () => [r(3, 4)]],
  ['reduce_prod over an axis', ([x]) => [lax.reduceProd(x, [1])], () => [r(2, 4)]],
  ['reduce_prod over all axes', ([x]) => [lax.reduceProd(x, [0, 1])], () => [r(2, 3)]],
  ['cumsum forward and reverse', ([x]) => [lax.cumsum(x, 1), lax.cumsum(x, 0, true)], () => [r(3, 4)]],
  ['cumprod', ([x]) => [lax.cumprod(x, 1), lax.cumprod(x, 0, true)], () => [r(3, 5)]],
  ['cummax / cummin', ([x]) => [lax.cummax(x, 0), lax.cummin(x, 1, true)], () => [r(7, 3)]],
  ['broadcast_in_dim', ([x]) => [lax.broadcastInDim(x, [2, 3, 4], [0, 2])], () => [r(2, 4)]],
  ['broadcast_in_dim of size-1 dims', ([x]) => [lax.broadcastInDim(x, [3, 4], [0, 1])], () => [r(1, 4)]],
  ['reshape, squeeze, expand_dims', ([x]) => [lax.expandDims(lax.squeeze(lax.reshape(x, [2, 1, 6]), [1]), [0, 3])], () => [r(3, 4)]],
  ['transpose', ([x]) => [lax.transpose(x, [2, 0, 1])], () => [r(2, 3, 4)]],
  ['rev', ([x]) => [lax.rev(x, [0, 1])], () => [r(3, 4)]],
  ['strided slice', ([x]) => [lax.slice(x, [1, 0], [5, 3], [2, 2])], () => [r(6, 3)]],
  ['pad with interior and a traced value', ([x, v]) => [lax.pad(x, v, [[1, 2, 1], [0, 1, 0]])], () => [r(3, 2), r()]],
  ['pad with negative (cropping) edges', ([x, v]) => [lax.pad(x, v, [[-1, 2, 0]])], () => [r(4), r()]],
  ['concatenate', ([x, y]) => [lax.concatenate([x, y, x], 1)], () => [r(2, 3), r(2, 1)]],
  ['dot_general: matrix product', ([x, y]) => [lax.dotGeneral(x, y, { contracting: [[1], [0]], batch: [[], []] })], () => [r(3, 4), r(4, 2)]],
  [
    'dot_general: batch dims and unsorted contractions',
    ([x, y]) => [lax.dotGeneral(x, y, { contracting: [[3, 1], [1, 2]], batch: [[0], [3]] })],
    () => [r(2, 3, 5, 4), r(6, 4, 3, 2)],
  ],
  ['gather with repeated indices', ([x]) => [lax.gather(x, [i32([[0, 2], [2, 2]])], 1, 'clip')], () => [r(3, 4, 2)]],
  ['gather of two axes', ([x]) => [lax.gather(x, [i32([1, 0, 1]), i32([2, 2, 0])], 0, 'clip')], () => [r(2, 3, 2)]],
  ['scatter add with repeated indices', ([x, u]) => [lax.scatter(x, [i32([1, 1, 3])], 0, u, 'add')], () => [r(4, 2), r(3, 2)]],
  ['scatter set (unique indices)', ([x, u]) => [lax.scatter(x, [i32([2, 0])], 1, u, 'set')], () => [r(3, 4), r(3, 2)]],
  ['scatter mul (unique indices)', ([x, u]) => [lax.scatter(x, [i32([2, 0])], 0, u, 'mul')], () => [r(3), r(2)]],
  ['scatter max / min', ([x, u]) => [lax.scatter(x, [i32([0, 2])], 0, u, 'max'), lax.scatter(x, [i32([1])], 0, lax.slice(u, [0], [1]), 'min')], () => [r(3), r(2)]],
  ['dynamic_slice', ([x]) => [lax.dynamicSlice(x, [i32(1), i32(2)], [2, 2])], () => [r(4, 5)]],
  ['dynamic_update_slice', ([x, u]) => [lax.dynamicUpdateSlice(x, u, [i32(2), i32(1)])], () => [r(4, 5), r(2, 3)]],
  ['sort along each axis', ([x]) => [lax.sort(x, 0), lax.sort(x, 1, true)], () => [r(4, 3)]],
];

describe('check_grads over the primitive families', () => {
  for (const [name, f, inputs] of CASES) {
    it(name, () => checkGrads(f, inputs(), name.length));
  }
});

describe('second order: the VJP rules are differentiable again', () => {
  for (const [name, f, inputs] of CASES) {
    it(name, () => {
      const xs = inputs();
      // A fixed random cotangent per output, so the pullback is a generic function of xs.
      const shapes = f(xs).map((o) => lax.avalOf(o).shape);
      const cts = shapes.map((sh) => randomArray(sh, rng(name.length)));
      const pull = (ins: Value[]) => vjp((v) => ({ outs: f(v) }), ins).pullback(cts);
      checkGrads(pull, xs, name.length + 1, 1e-5);
    });
  }
});
