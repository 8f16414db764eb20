// Oracles: the definitions of the lax shape operations on small hand-made arrays.
import * as assert from 'node:assert/strict';
import {
  broadcastInDim, concatenate, dynamicSlice, dynamicUpdateSlice, expandDims, pad, reshape, rev, slice, squeeze, transpose,
} from '../../../src/engine/array/kernels';
import { arr, vals } from './helpers';

describe('shape kernels', () => {
  const m = arr([[1, 2, 3], [4, 5, 6]], 'int32');

  it('transpose, including 3-d permutations', () => {
    assert.deepEqual(vals(transpose(m, [1, 0])), [[1, 4], [2, 5], [3, 6]]);
    const t = arr([[[0, 1, 2], [3, 4, 5]]], 'int32'); // shape (1, 2, 3)
    const p = transpose(t, [2, 0, 1]);
    assert.deepEqual(p.shape, [3, 1, 2]);
    assert.deepEqual(vals(p), [[[0, 3]], [[1, 4]], [[2, 5]]]);
  });

  it('reshape, squeeze, expand_dims share the row-major order', () => {
    assert.deepEqual(vals(reshape(m, [3, 2])), [[1, 2], [3, 4], [5, 6]]);
    assert.deepEqual(vals(reshape(arr([7], 'int32'), [])), 7);
    assert.throws(() => reshape(m, [4]), { name: 'TypeError', message: 'cannot reshape array of shape (2, 3) (size 6) into shape (4,) (size 4)' });
    assert.deepEqual(squeeze(arr([[[1], [2]]]), [0, 2]).shape, [2]);
    assert.deepEqual(expandDims(arr([1, 2]), [0, 2]).shape, [1, 2, 1]);
  });

  it('broadcast_in_dim', () => {
    assert.deepEqual(vals(broadcastInDim(arr([1, 2, 3], 'int32'), [2, 3], [1])), [[1, 2, 3], [1, 2, 3]]);
    assert.deepEqual(vals(broadcastInDim(arr([1, 2], 'int32'), [2, 3], [0])), [[1, 1, 1], [2, 2, 2]]);
    assert.deepEqual(vals(broadcastInDim(arr([[1], [2]], 'int32'), [2, 2], [0, 1])), [[1, 1], [2, 2]]);
    assert.deepEqual(vals(broadcastInDim(arr(5, 'int32'), [2], [])), [5, 5]);
    const w = broadcastInDim(arr(1, 'float32', true), [3], []);
    assert.equal(w.weakType, true);
  });

  it('rev, slice with strides, dynamic slices clamp their start', () => {
    assert.deepEqual(vals(rev(m, [1])), [[3, 2, 1], [6, 5, 4]]);
    assert.deepEqual(vals(rev(m, [0, 1])), [[6, 5, 4], [3, 2, 1]]);
    assert.deepEqual(vals(slice(m, [0, 1], [2, 3])), [[2, 3], [5, 6]]);
    assert.deepEqual(vals(slice(arr([0, 1, 2, 3, 4, 5, 6], 'int32'), [1], [7], [3])), [1, 4]);
    assert.deepEqual(vals(dynamicSlice(arr([0, 1, 2, 3, 4], 'int32'), [4], [2])), [3, 4]); // start 4 clamps to 3
    assert.deepEqual(vals(dynamicSlice(arr([0, 1, 2, 3, 4], 'int32'), [-2], [2])), [0, 1]);
    assert.deepEqual(vals(dynamicUpdateSlice(m, arr([[9, 9]], 'int32'), [1, 5])), [[1, 2, 3], [4, 9, 9]]);
    assert.deepEqual(vals(m), [[1, 2, 3], [4, 5, 6]]); // input untouched
    const weak = arr([1, 2], 'float32', true);
    assert.equal(dynamicUpdateSlice(weak, arr([5], 'float32', true), [0]).weakType, true);
    assert.equal(dynamicUpdateSlice(weak, arr([5]), [0]).weakType, false);
  });

  it('concatenate along any axis', () => {
    assert.deepEqual(vals(concatenate([m, arr([[7, 8, 9]], 'int32')], 0)), [[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    assert.deepEqual(vals(concatenate([m, arr([[0], [0]], 'int32')], 1)), [[1, 2, 3, 0], [4, 5, 6, 0]]);
    // jnp.concatenate's text for an empty sequence
    assert.throws(() => concatenate([], 0), { name: 'ValueError', message: 'Need at least one array to concatenate.' });
  });

  it('pad with low, high (negative crops) and interior padding', () => {
    const x = arr([1, 2, 3], 'int32');
    const zero = arr(0, 'int32');
    assert.deepEqual(vals(pad(x, zero, [[1, 2, 0]])), [0, 1, 2, 3, 0, 0]);
    assert.deepEqual(vals(pad(x, zero, [[0, 0, 1]])), [1, 0, 2, 0, 3]);
    assert.deepEqual(vals(pad(x, arr(9, 'int32'), [[-1, 1, 0]])), [2, 3, 9]);
    assert.deepEqual(vals(pad(m, zero, [[1, 0, 0], [0, 1, 0]])), [[0, 0, 0, 0], [1, 2, 3, 0], [4, 5, 6, 0]]);
  });
});
