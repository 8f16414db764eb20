// Oracles: float64 reference sums, hand-computed reductions, lax's identities for empty
// reductions, NaN propagation as documented for jnp.max/argmax.
import * as assert from 'node:assert/strict';
import { argReduce, cumulative, reduce } from '../../../src/engine/array/kernels';
import { NDArray } from '../../../src/engine/array/ndarray';
import { arr, vals } from './helpers';

describe('reductions', () => {
  const m = arr([[1, 2, 3], [4, 5, 6]]);

  it('sum/prod/max/min over chosen axes, axes removed', () => {
    assert.deepEqual(vals(reduce('sum', m, [0])), [5, 7, 9]);
    assert.deepEqual(vals(reduce('sum', m, [1])), [6, 15]);
    assert.deepEqual(vals(reduce('sum', m, [0, 1])), 21);
    assert.deepEqual(vals(reduce('prod', m, [1])), [6, 120]);
    assert.deepEqual(vals(reduce('max', m, [0])), [4, 5, 6]);
    assert.deepEqual(vals(reduce('min', m, [1])), [1, 4]);
    const t = arr([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
    assert.deepEqual(vals(reduce('sum', t, [0, 2])), [1 + 2 + 5 + 6, 3 + 4 + 7 + 8]);
    assert.equal(reduce('sum', arr([1], 'float32', true), [0]).weakType, true);
  });

  it('float32 sum of 10^6 elements is within 1e-6 relative of a float64 reference', () => {
    const n = 1_000_000;
    const tenth = NDArray.zeros('float32', [n]);
    tenth.data.fill(0.1);
    const exact = n * Math.fround(0.1);
    const got = vals(reduce('sum', tenth, [0])) as number;
    assert.ok(Math.abs(got - exact) / exact < 1e-6, `${got} vs ${exact}`);
    // a deterministic pseudo-random set (linear congruential generator) in [-1, 1)
    const rnd = NDArray.zeros('float32', [n]);
    let s = 12345;
    let ref = 0;
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      rnd.data[i] = s / 2 ** 31 - 1;
      ref += rnd.data[i];
    }
    const got2 = vals(reduce('sum', rnd, [0])) as number;
    const scale = n; // relative to the sum of magnitudes' order, since the sum itself is near 0
    assert.ok(Math.abs(got2 - ref) / scale < 1e-6, `${got2} vs ${ref}`);
    assert.equal(got2, Math.fround(ref));
  });

  it('empty reductions give the identity', () => {
    const empty = NDArray.zeros('float32', [0, 2]);
    assert.deepEqual(vals(reduce('sum', empty, [0])), [0, 0]);
    assert.deepEqual(vals(reduce('prod', empty, [0])), [1, 1]);
    assert.deepEqual(vals(reduce('max', empty, [0])), [-Infinity, -Infinity]);
    assert.deepEqual(vals(reduce('min', empty, [0])), [Infinity, Infinity]);
    const ei = NDArray.zeros('int32', [0]);
    assert.deepEqual(vals(reduce('max', ei, [0])), -2147483648);
    assert.deepEqual(vals(reduce('min', ei, [0])), 2147483647);
    assert.deepEqual(vals(reduce('and', NDArray.zeros('bool', [0]), [0])), true);
    assert.deepEqual(vals(reduce('or', NDArray.zeros('bool', [0]), [0])), false);
  });

  it('max/min propagate NaN; integer sums and products wrap', () => {
    assert.ok(Number.isNaN(vals(reduce('max', arr([1, NaN, 3]), [0])) as number));
    assert.ok(Number.isNaN(vals(reduce('min', arr([NaN, 1]), [0])) as number));
    assert.equal(vals(reduce('sum', arr([2147483647, 1], 'int32'), [0])), -2147483648);
    assert.equal(vals(reduce('prod', arr([65536, 65536, 3], 'int32'), [0])), 0);
    assert.equal(vals(reduce('prod', arr([100000, 100000], 'int32'), [0])), 1410065408); // 10^10 mod 2^32
    assert.equal(vals(reduce('and', arr([true, false], 'bool'), [0])), false);
    assert.equal(vals(reduce('or', arr([6, 3], 'int32'), [0])), 7);
  });

  it('complex sum and product', () => {
    const z = arr([{ re: 1, im: 2 }, { re: 3, im: 4 }], 'complex64');
    assert.deepEqual(vals(reduce('sum', z, [0])), { re: 4, im: 6 });
    assert.deepEqual(vals(reduce('prod', z, [0])), { re: -5, im: 10 });
    const w = arr([{ re: 1, im: 9 }, { re: 3, im: -1 }, { re: 3, im: 2 }], 'complex64');
    assert.deepEqual(vals(reduce('max', w, [0])), { re: 3, im: 2 });
    assert.deepEqual(vals(reduce('min', w, [0])), { re: 1, im: 9 });
  });

  it('argmax/argmin: first occurrence, NaN wins', () => {
    assert.deepEqual(vals(argReduce('argmax', arr([1, 3, 3, 2]), 0, 'int32')), 1);
    assert.deepEqual(vals(argReduce('argmin', arr([2, 1, 1]), 0, 'int32')), 1);
    assert.deepEqual(vals(argReduce('argmax', arr([1, NaN, 5, NaN]), 0, 'int32')), 1);
    assert.deepEqual(vals(argReduce('argmin', arr([[3, 1], [0, 4]]), 0, 'int32')), [1, 0]);
    assert.deepEqual(vals(argReduce('argmax', arr([[3, 1], [0, 4]]), 1, 'int32')), [0, 1]);
  });

  it('cumulative scans along an axis, forward and reverse', () => {
    assert.deepEqual(vals(cumulative('sum', m, 1, false)), [[1, 3, 6], [4, 9, 15]]);
    assert.deepEqual(vals(cumulative('sum', m, 0, false)), [[1, 2, 3], [5, 7, 9]]);
    assert.deepEqual(vals(cumulative('sum', m, 1, true)), [[6, 5, 3], [15, 11, 6]]);
    assert.deepEqual(vals(cumulative('sum', m, 0, true)), [[5, 7, 9], [4, 5, 6]]);
    assert.deepEqual(vals(cumulative('sum', arr([2147483647, 1], 'int32'), 0, false)), [2147483647, -2147483648]);
    assert.deepEqual(vals(cumulative('prod', arr([1, 2, 3, 4]), 0, false)), [1, 2, 6, 24]);
    assert.deepEqual(vals(cumulative('max', arr([1, 3, 2, 5]), 0, false)), [1, 3, 3, 5]);
    assert.deepEqual(vals(cumulative('min', arr([4, 3, 5, 1]), 0, true)), [1, 1, 1, 1]);
  });
});
