// Oracles: XLA's conversion rules (truncation toward zero, saturation, NaN -> 0), NumPy's
// `!= 0` for bool, IEEE float16 rounding, and hand-built arrays for the creation kernels.
import * as assert from 'node:assert/strict';
import { convert, fromNested, full, getScalar, iota, toNested } from '../../../src/engine/array/kernels';
import { arr, vals } from './helpers';

describe('convert and creation kernels', () => {
  it('float -> int truncates toward zero, NaN gives 0, out of range saturates', () => {
    const x = arr([1.7, -1.7, NaN, 3e9, -3e9, Infinity], 'float32');
    assert.deepEqual(vals(convert(x, 'int32', false)), [1, -1, 0, 2147483647, -2147483648, 2147483647]);
    assert.deepEqual(vals(convert(arr([-5, 300, 7.9]), 'uint8', false)), [0, 255, 7]);
  });

  it('int -> narrower int wraps; anything -> bool is != 0', () => {
    assert.deepEqual(vals(convert(arr([300, -1], 'int32'), 'uint8', false)), [44, 255]);
    assert.deepEqual(vals(convert(arr([0, 2, NaN, -0]), 'bool', false)), [false, true, true, false]);
    assert.deepEqual(vals(convert(arr([{ re: 0, im: 1 }, { re: 0, im: 0 }], 'complex64'), 'bool', false)), [true, false]);
  });

  it('float -> float rounds; complex <-> real', () => {
    assert.deepEqual(vals(convert(arr([1 / 3], 'float64'), 'float32', false)), [Math.fround(1 / 3)]);
    assert.deepEqual(vals(convert(arr([1 / 3], 'float64'), 'float16', false)), [0.333251953125]);
    assert.deepEqual(vals(convert(arr([70000], 'float32'), 'float16', false)), [Infinity]);
    assert.deepEqual(vals(convert(arr([{ re: 1.5, im: 2 }], 'complex64'), 'float32', false)), [1.5]);
    assert.deepEqual(vals(convert(arr([2], 'int32'), 'complex64', false)), [{ re: 2, im: 0 }]);
    assert.deepEqual(vals(convert(arr([true, false], 'bool'), 'float32', false)), [1, 0]);
  });

  it('sets the requested weak type', () => {
    const x = arr([1], 'int32');
    const y = convert(x, 'float32', true);
    assert.equal(y.weakType, true);
    assert.equal(y.dtype, 'float32');
    assert.equal(convert(y, 'float32', false).weakType, false);
  });

  it('full, iota', () => {
    assert.deepEqual(vals(full('float32', [2, 2], 0.1)), [[Math.fround(0.1), Math.fround(0.1)], [Math.fround(0.1), Math.fround(0.1)]]);
    assert.deepEqual(vals(full('bool', [2], true)), [true, true]);
    assert.deepEqual(vals(full('complex64', [1], { re: 1, im: -1 })), [{ re: 1, im: -1 }]);
    assert.equal(full('int32', [], 3, true).weakType, true);
    assert.deepEqual(vals(iota('int32', [4], 0)), [0, 1, 2, 3]);
    assert.deepEqual(vals(iota('float32', [2, 3], 1)), [[0, 1, 2], [0, 1, 2]]);
    assert.deepEqual(vals(iota('int32', [2, 3], 0)), [[0, 0, 0], [1, 1, 1]]);
  });

  it('fromNested / toNested / getScalar round-trip, ragged input is a ValueError', () => {
    const x = fromNested([[1, 2], [3, 4]], 'int32', false);
    assert.deepEqual(x.shape, [2, 2]);
    assert.deepEqual(toNested(x), [[1, 2], [3, 4]]);
    assert.equal(getScalar(x, 3), 4);
    assert.equal(getScalar(fromNested([true], 'bool', false), 0), true);
    assert.deepEqual(getScalar(fromNested({ re: 1, im: 2 }, 'complex128', false), 0), { re: 1, im: 2 });
    assert.deepEqual(fromNested([], 'float32', false).shape, [0]);
    assert.deepEqual(toNested(fromNested(2.5, 'float32', true)), 2.5);
    assert.throws(() => fromNested([[1, 2], [3]], 'int32', false), { name: 'ValueError' });
  });
});
