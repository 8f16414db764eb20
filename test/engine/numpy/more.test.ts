// append, delete, rot90, isin, nanargmax/nanargmin, nancumsum, apply_along_axis, unstack,
// cumulative_sum, angle, isreal, vander, *_indices_from, Array-API spellings. Oracles: NumPy's
// documented examples; JAX's -1 for an all-NaN slice in nanargmax.

import { strict as assert } from 'node:assert';
import { close, err, val, values } from './helpers';

describe('more jax.numpy functions (NumPy docs)', () => {
  it('append and delete', () => {
    assert.deepEqual(val('jnp.append(jnp.array([1, 2, 3]), jnp.array([[4, 5, 6], [7, 8, 9]]))').value, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(val('jnp.append(jnp.array([[1, 2, 3], [4, 5, 6]]), jnp.array([[7, 8, 9]]), axis=0)').value, [[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    const arr = 'arr = jnp.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])\n';
    assert.deepEqual(val(arr + 'jnp.delete(arr, 1, 0)').value, [[1, 2, 3, 4], [9, 10, 11, 12]]);
    assert.deepEqual(val(arr + 'jnp.delete(arr, jnp.array([1, 3, 5]), None)').value, [1, 3, 5, 7, 8, 9, 10, 11, 12]);
  });
  it('rot90', () => {
    const m = 'm = jnp.array([[1, 2], [3, 4]])\n';
    assert.deepEqual(val(m + 'jnp.rot90(m)').value, [[2, 4], [1, 3]]);
    assert.deepEqual(val(m + 'jnp.rot90(m, 2)').value, [[4, 3], [2, 1]]);
    assert.deepEqual(val('jnp.rot90(jnp.arange(8).reshape((2, 2, 2)), 1, (1, 2))').value, [[[1, 3], [0, 2]], [[5, 7], [4, 6]]]);
    assert.deepEqual(val(m + 'jnp.rot90(m, -1)').value, [[3, 1], [4, 2]]);
  });
  it('isin, with invert', () => {
    const e = 'element = 2 * jnp.arange(4).reshape((2, 2))\n';
    assert.deepEqual(val(e + 'jnp.isin(element, jnp.array([1, 2, 4, 8]))').value, [[false, true], [true, false]]);
    assert.deepEqual(val(e + 'jnp.isin(element, jnp.array([1, 2, 4, 8]), invert=True)').value, [[true, false], [false, true]]);
  });
  it('nanargmax / nanargmin / nancumsum; an all-NaN slice gives -1', () => {
    const a = 'a = jnp.array([[jnp.nan, 4], [2, 3]])\n';
    assert.deepEqual(val(a + 'jnp.nanargmax(a, axis=0)').value, [1, 0]);
    assert.deepEqual(val(a + 'jnp.nanargmin(a, axis=1)').value, [1, 0]);
    assert.equal(val(a + 'jnp.nanargmin(a)').value, 2);
    assert.deepEqual(val('jnp.nanargmax(jnp.array([[jnp.nan, 1.], [jnp.nan, 2.]]), axis=0)').value, [-1, 1]);
    assert.deepEqual(val('jnp.nancumsum(jnp.array([[1, 2], [3, jnp.nan]]))').value, [1, 3, 6, 6]);
  });
  it('apply_along_axis over either axis, and a function returning a matrix', () => {
    const b = 'b = jnp.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])\nmid = lambda a: (a[0] + a[-1]) * 0.5\n';
    assert.deepEqual(val(b + 'jnp.apply_along_axis(mid, 0, b)').value, [4, 5, 6]);
    assert.deepEqual(val(b + 'jnp.apply_along_axis(mid, 1, b)').value, [2, 5, 8]);
    assert.deepEqual(val(b + 'jnp.apply_along_axis(jnp.diag, -1, b)').value, [
      [[1, 0, 0], [0, 2, 0], [0, 0, 3]],
      [[4, 0, 0], [0, 5, 0], [0, 0, 6]],
      [[7, 0, 0], [0, 8, 0], [0, 0, 9]],
    ]);
  });
  it('unstack, cumulative_sum(include_initial), angle, isreal, vander, tril_indices_from', () => {
    assert.deepEqual(values('jnp.unstack(jnp.arange(4).reshape(2, 2), axis=1)'), [[0, 2], [1, 3]]);
    assert.deepEqual(val('jnp.cumulative_sum(jnp.array([1, 2, 3]), include_initial=True)').value, [0, 1, 3, 6]);
    close(val('jnp.angle(jnp.array([1.0, 1.0j, 1+1j]))', true).value, [0, Math.PI / 2, Math.PI / 4], 1e-15);
    assert.equal(val('jnp.angle(1+1j, deg=True)').value, 45);
    assert.deepEqual(val('jnp.isreal(jnp.array([1+1j, 1+0j, 4.5, 3, 2, 2j]))').value, [false, true, true, true, true, false]);
    assert.deepEqual(val('jnp.vander(jnp.array([1, 2, 3, 5]), 3)').value, [[1, 1, 1], [4, 2, 1], [9, 3, 1], [25, 5, 1]]);
    assert.deepEqual(values('jnp.tril_indices_from(jnp.ones((2, 3)))'), [[0, 1, 1], [0, 0, 1]]);
  });
  it('Array-API spellings: acos, atan2, bitwise_not, astype, permute_dims', () => {
    close(val('jnp.acos(0.5)', true).value, Math.acos(0.5), 1e-15);
    close(val('jnp.atan2(1., -1.)', true).value, Math.atan2(1, -1), 1e-15);
    assert.deepEqual(val('jnp.bitwise_not(jnp.array([0, 1], dtype=jnp.uint8))').value, [255, 254]);
    assert.equal(val('jnp.astype(jnp.arange(3), jnp.float16)').dtype, 'float16');
    assert.deepEqual(val('jnp.permute_dims(jnp.ones((2, 3, 4)), (2, 0, 1))').shape, [4, 2, 3]);
  });
});

describe('fill_diagonal, geomspace, concat', () => {
  it('fill_diagonal needs inplace=False (JAX) and cycles values (NumPy docs)', () => {
    assert.deepEqual(val('jnp.fill_diagonal(jnp.zeros((3, 3), int), 5, inplace=False)').value, [[5, 0, 0], [0, 5, 0], [0, 0, 5]]);
    assert.deepEqual(val('jnp.fill_diagonal(jnp.zeros((2, 3)), jnp.array([1., 2.]), inplace=False)').value, [[1, 0, 0], [0, 2, 0]]);
    assert.deepEqual(val('jnp.fill_diagonal(jnp.zeros((3, 3, 3), int), 4, inplace=False)[1]').value, [[0, 0, 0], [0, 4, 0], [0, 0, 0]]);
    assert.deepEqual(err('jnp.fill_diagonal(jnp.zeros((2, 2)), 1.)'), ['ValueError', 'JAX arrays are immutable, must use inplace=False']);
  });
  it('geomspace (NumPy docs) with exact end points', () => {
    assert.deepEqual(val('jnp.geomspace(1, 1000, num=4)').value, [1, 10, 100, 1000]);
    assert.deepEqual(val('jnp.geomspace(1, 1000, num=3, endpoint=False)').value, [1, 10, 100]);
    assert.deepEqual(val('jnp.geomspace(-1000, -1, num=4)').value, [-1000, -100, -10, -1]);
  });
  it('concat is concatenate', () => {
    assert.deepEqual(val('jnp.concat([jnp.ones(1), jnp.zeros(1)])').value, [1, 0]);
  });
});
