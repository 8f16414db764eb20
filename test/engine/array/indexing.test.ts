// Oracles: SEMANTICS §1.11 (clip and fill modes, dropped out-of-range updates), and the
// reference corpus cases at_get_out_of_bounds_clamped, at_get_fill_nan, at_add_docstring,
// at_add_out_of_bounds_dropped.
import * as assert from 'node:assert/strict';
import { gather, scatter } from '../../../src/engine/array/kernels';
import { arr, vals } from './helpers';

describe('gather / scatter', () => {
  const five = arr([1, 2, 3, 4, 5], 'int32');

  it('clip mode wraps negatives once then clamps (SEMANTICS §1.11)', () => {
    const idx = arr([-10, -6, -5, -4, 0, 3, 4, 5, 6, 100], 'int32');
    assert.deepEqual(vals(gather(five, [idx], 0, 'clip')), [1, 1, 1, 2, 1, 4, 5, 5, 5, 5]);
    assert.deepEqual(vals(gather(arr([0, 1, 2, 3, 4]), [arr(20, 'int32')], 0, 'clip')), 4);
  });

  it('fill mode reads the fill value (NaN for floats, min int, True for bool)', () => {
    const got = vals(gather(arr([0, 1, 2, 3, 4]), [arr([20, -1, -6], 'int32')], 0, 'fill')) as number[];
    assert.ok(Number.isNaN(got[0]));
    assert.equal(got[1], 4);
    assert.ok(Number.isNaN(got[2]));
    assert.deepEqual(vals(gather(five, [arr([7], 'int32')], 0, 'fill')), [-2147483648]);
    assert.deepEqual(vals(gather(arr([3], 'uint8'), [arr([7], 'int32')], 0, 'fill')), [255]);
    assert.deepEqual(vals(gather(arr([false], 'bool'), [arr([7], 'int32')], 0, 'fill')), [true]);
    assert.deepEqual(vals(gather(five, [arr([7], 'int32')], 0, 'fill', 0)), [0]);
  });

  it('result shape is prefix + index shape + suffix', () => {
    const m = arr([[1, 2, 3], [4, 5, 6]], 'int32');
    const rows = gather(m, [arr([[1], [0]], 'int32')], 0, 'clip');
    assert.deepEqual(rows.shape, [2, 1, 3]);
    assert.deepEqual(vals(rows), [[[4, 5, 6]], [[1, 2, 3]]]);
    const cols = gather(m, [arr([2, 0], 'int32')], 1, 'clip');
    assert.deepEqual(vals(cols), [[3, 1], [6, 4]]);
    const points = gather(m, [arr([0, 1], 'int32'), arr([2, 0], 'int32')], 0, 'clip');
    assert.deepEqual(vals(points), [3, 4]);
  });

  it('scatter add accumulates repeats, set lets the last write win, out-of-range is dropped', () => {
    const x = arr([0, 1, 2, 3, 4]);
    assert.deepEqual(vals(scatter(x, [arr([2], 'int32')], 0, arr([10]), 'add')), [0, 1, 12, 3, 4]);
    assert.deepEqual(vals(scatter(x, [arr([10], 'int32')], 0, arr([10]), 'add')), [0, 1, 2, 3, 4]);
    assert.deepEqual(vals(scatter(x, [arr([1, 1, -1], 'int32')], 0, arr([5, 6, 7]), 'add')), [0, 12, 2, 3, 11]);
    assert.deepEqual(vals(scatter(x, [arr([1, 1], 'int32')], 0, arr([5, 6]), 'set')), [0, 6, 2, 3, 4]);
    assert.deepEqual(vals(scatter(x, [arr([0, 4, -6], 'int32')], 0, arr([-1, -1, -1]), 'min')), [-1, 1, 2, 3, -1]);
    assert.deepEqual(vals(scatter(x, [arr([2, 2], 'int32')], 0, arr([3, 3]), 'mul')), [0, 1, 18, 3, 4]);
    assert.deepEqual(vals(x), [0, 1, 2, 3, 4]);
  });

  it('scatter rows of a matrix', () => {
    const m = arr([[1, 2], [3, 4]], 'int32');
    assert.deepEqual(vals(scatter(m, [arr([1], 'int32')], 0, arr([[10, 20]], 'int32'), 'add')), [[1, 2], [13, 24]]);
    assert.deepEqual(vals(scatter(m, [arr([0], 'int32'), arr([1], 'int32')], 0, arr([9], 'int32'), 'set')), [[1, 9], [3, 4]]);
  });
});
