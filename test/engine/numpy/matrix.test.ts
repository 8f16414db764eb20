// tri, tril, triu, diag, diagonal, trace, kron, tensordot, take, take_along_axis. Oracles:
// NumPy's documented examples; JAX's documented out-of-bounds behaviour of take (mode 'fill'
// returns NaN / the dtype's minimum, SEMANTICS §1.11) and its error texts.

import { strict as assert } from 'node:assert';
import { err, val } from './helpers';

const M = 'm = jnp.array([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]])\n';

describe('jnp.tri / tril / triu', () => {
  it('tri (NumPy docs) is float32 by default', () => {
    assert.deepEqual(val('jnp.tri(3, 5, 2, dtype=int)').value, [[1, 1, 1, 0, 0], [1, 1, 1, 1, 0], [1, 1, 1, 1, 1]]);
    const t = val('jnp.tri(3, 5, -1)');
    assert.deepEqual(t.value, [[0, 0, 0, 0, 0], [1, 0, 0, 0, 0], [1, 1, 0, 0, 0]]);
    assert.equal(t.dtype, 'float32');
  });
  it('tril / triu (NumPy docs), batched over leading axes', () => {
    assert.deepEqual(val(M + 'jnp.tril(m, -1)').value, [[0, 0, 0], [4, 0, 0], [7, 8, 0], [10, 11, 12]]);
    assert.deepEqual(val(M + 'jnp.triu(m, -1)').value, [[1, 2, 3], [4, 5, 6], [0, 8, 9], [0, 0, 12]]);
    assert.deepEqual(val('jnp.tril(jnp.ones((2, 2, 2)))').value, [[[1, 0], [1, 1]], [[1, 0], [1, 1]]]);
  });
  it('a 1-D input is an error (JAX text)', () => {
    assert.deepEqual(err('jnp.tril(jnp.ones(3))'), ['ValueError', 'Argument to jax.numpy.tril must be at least 2D']);
  });
});

describe('jnp.diag / diagonal / trace', () => {
  const X = 'x = jnp.arange(9).reshape((3, 3))\n';
  it('diag reads diagonals of a matrix and builds one from a vector (NumPy docs)', () => {
    assert.deepEqual(val(X + 'jnp.diag(x)').value, [0, 4, 8]);
    assert.deepEqual(val(X + 'jnp.diag(x, k=1)').value, [1, 5]);
    assert.deepEqual(val(X + 'jnp.diag(x, k=-1)').value, [3, 7]);
    assert.deepEqual(val(X + 'jnp.diag(jnp.diag(x))').value, [[0, 0, 0], [0, 4, 0], [0, 0, 8]]);
    assert.deepEqual(val('jnp.diag(jnp.array([1, 2]), 1)').value, [[0, 1, 0], [0, 0, 2], [0, 0, 0]]);
    assert.deepEqual(err('jnp.diag(jnp.ones((2, 2, 2)))'), ['ValueError', 'diag input must be 1d or 2d']);
  });
  it('diagonal with offset and axes (NumPy docs)', () => {
    assert.deepEqual(val('jnp.diagonal(jnp.arange(4).reshape(2, 2))').value, [0, 3]);
    assert.deepEqual(val('jnp.diagonal(jnp.arange(4).reshape(2, 2), 1)').value, [1]);
    assert.deepEqual(val('jnp.arange(8).reshape(2, 2, 2).diagonal(0, 0, 1)').value, [[0, 6], [1, 7]]);
  });
  it('trace (NumPy docs); int8 accumulates in the default int like sum', () => {
    assert.deepEqual(val('jnp.trace(jnp.eye(3))').value, 3);
    assert.deepEqual(val('jnp.trace(jnp.arange(8).reshape((2, 2, 2)))').value, [6, 8]);
    assert.equal(val('jnp.trace(jnp.ones((2, 2), dtype=jnp.int8))').dtype, 'int32');
  });
});

describe('jnp.kron / tensordot', () => {
  it('kron (NumPy docs)', () => {
    assert.deepEqual(val('jnp.kron(jnp.array([1, 10, 100]), jnp.array([5, 6, 7]))').value, [5, 6, 7, 50, 60, 70, 500, 600, 700]);
    assert.deepEqual(val('jnp.kron(jnp.array([5, 6, 7]), jnp.array([1, 10, 100]))').value, [5, 50, 500, 6, 60, 600, 7, 70, 700]);
    assert.deepEqual(val('jnp.kron(jnp.eye(2), jnp.ones((2, 2)))').value, [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1], [0, 0, 1, 1]]);
  });
  it('tensordot with axes pairs and an int (NumPy docs)', () => {
    const c = val('a = jnp.arange(60.).reshape(3, 4, 5)\nb = jnp.arange(24.).reshape(4, 3, 2)\njnp.tensordot(a, b, axes=([1, 0], [0, 1]))');
    assert.deepEqual(c.value, [[4400, 4730], [4532, 4874], [4664, 5018], [4796, 5162], [4928, 5306]]);
    assert.deepEqual(val('jnp.tensordot(jnp.ones((2, 3)), jnp.ones((3, 4)), axes=1)').shape, [2, 4]);
    assert.deepEqual(val('jnp.tensordot(jnp.ones((2, 3)), jnp.ones((2, 3)))').value, 6);
  });
});

describe('jnp.take / take_along_axis', () => {
  const A = 'a = jnp.array([4, 3, 5, 7, 6, 8])\n';
  it('take (NumPy docs), negative indices wrap once', () => {
    assert.deepEqual(val(A + 'jnp.take(a, jnp.array([0, 1, 4]))').value, [4, 3, 6]);
    assert.deepEqual(val(A + 'jnp.take(a, jnp.array([[0, 1], [2, 3]]))').value, [[4, 3], [5, 7]]);
    assert.deepEqual(val(A + 'jnp.take(a, jnp.array([-1]))').value, [8]);
    assert.deepEqual(val('jnp.take(jnp.arange(6).reshape(2, 3), jnp.array([2, 0]), axis=1)').value, [[2, 0], [5, 3]]);
  });
  it("out of bounds: mode 'fill' by default (NaN, int minimum), 'clip', 'wrap', fill_value", () => {
    assert.deepEqual(val('jnp.take(jnp.array([1., 2.]), jnp.array([0, 5]))').value, [1, 'nan']);
    assert.deepEqual(val(A + 'jnp.take(a, jnp.array([6]))').value, [-(2 ** 31)]);
    assert.deepEqual(val(A + "jnp.take(a, jnp.array([6, -9]), mode='clip')").value, [8, 4]);
    assert.deepEqual(val(A + "jnp.take(a, jnp.array([6, 7]), mode='wrap')").value, [4, 3]);
    assert.deepEqual(val(A + 'jnp.take(a, jnp.array([9]), fill_value=0)').value, [0]);
  });
  it('take_along_axis with argsort and argmax(keepdims) indices (NumPy docs)', () => {
    const B = 'a = jnp.array([[10, 30, 20], [60, 40, 50]])\n';
    assert.deepEqual(val(B + 'jnp.take_along_axis(a, jnp.argsort(a, axis=1), axis=1)').value, [[10, 20, 30], [40, 50, 60]]);
    assert.deepEqual(val(B + 'jnp.take_along_axis(a, jnp.argmax(a, axis=1, keepdims=True), axis=1)').value, [[30], [60]]);
    assert.deepEqual(val(B + 'jnp.take_along_axis(a, jnp.array([[1], [0]]), axis=0)').value, [[60, 40, 50], [10, 30, 20]]);
    assert.equal(err(B + 'jnp.take_along_axis(a, jnp.array([1]), axis=1)')[0], 'ValueError');
  });
});
