// split, array_split, tile, repeat, roll, flip, pad, diff, meshgrid, atleast_*d, dstack,
// column_stack. Oracles: the examples of NumPy's documentation for each function (jnp follows
// NumPy's semantics here), JAX's error texts from jax/_src/numpy/lax_numpy.py.

import { strict as assert } from 'node:assert';
import { err, val, values } from './helpers';

describe('jnp.split / array_split', () => {
  it('equal sections and explicit split points (NumPy docs, an empty last part included)', () => {
    assert.deepEqual(values('jnp.split(jnp.arange(9.0), 3)'), [[0, 1, 2], [3, 4, 5], [6, 7, 8]]);
    assert.deepEqual(values('jnp.split(jnp.arange(8.0), [3, 5, 6, 10])'), [[0, 1, 2], [3, 4], [5], [6, 7], []]);
    assert.deepEqual(values('jnp.split(jnp.arange(6).reshape(2, 3), 3, axis=1)'), [[[0], [3]], [[1], [4]], [[2], [5]]]);
  });
  it('array_split gives the first parts one extra element; split refuses uneven sections', () => {
    assert.deepEqual(values('jnp.array_split(jnp.arange(8.0), 3)'), [[0, 1, 2], [3, 4, 5], [6, 7]]);
    assert.deepEqual(err('jnp.split(jnp.arange(7), 3)'), ['ValueError', 'array split does not result in an equal division: rest is 1']);
  });
  it('parts keep dtype and weak type', () => {
    const parts = val('jnp.split(jnp.arange(4, dtype=jnp.int8), 2)').list!;
    assert.deepEqual(parts.map((p) => [p.dtype, p.weak_type]), [['int8', false], ['int8', false]]);
  });
});

describe('jnp.tile / repeat', () => {
  it('tile (NumPy docs)', () => {
    assert.deepEqual(val('jnp.tile(jnp.array([0, 1, 2]), 2)').value, [0, 1, 2, 0, 1, 2]);
    assert.deepEqual(val('jnp.tile(jnp.array([0, 1, 2]), (2, 2))').value, [[0, 1, 2, 0, 1, 2], [0, 1, 2, 0, 1, 2]]);
    assert.deepEqual(val('jnp.tile(jnp.array([0, 1, 2]), (2, 1, 2))').shape, [2, 1, 6]);
    assert.deepEqual(val('jnp.tile(jnp.array([[1, 2], [3, 4]]), (2, 1))').value, [[1, 2], [3, 4], [1, 2], [3, 4]]);
  });
  it('repeat with a scalar, per axis, and per element (NumPy docs)', () => {
    assert.deepEqual(val('jnp.repeat(3, 4)').value, [3, 3, 3, 3]);
    assert.deepEqual(val('jnp.repeat(jnp.array([[1, 2], [3, 4]]), 2)').value, [1, 1, 2, 2, 3, 3, 4, 4]);
    assert.deepEqual(val('jnp.repeat(jnp.array([[1, 2], [3, 4]]), 3, axis=1)').value, [[1, 1, 1, 2, 2, 2], [3, 3, 3, 4, 4, 4]]);
    assert.deepEqual(val('jnp.repeat(jnp.array([[1, 2], [3, 4]]), jnp.array([1, 2]), axis=0)').value, [[1, 2], [3, 4], [3, 4]]);
  });
});

describe('jnp.roll / flip', () => {
  it('roll (NumPy docs)', () => {
    assert.deepEqual(val('jnp.roll(jnp.arange(10), 2)').value, [8, 9, 0, 1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(val('jnp.roll(jnp.arange(10), -2)').value, [2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    const x2 = 'x2 = jnp.arange(10).reshape(2, 5)\n';
    assert.deepEqual(val(x2 + 'jnp.roll(x2, 1)').value, [[9, 0, 1, 2, 3], [4, 5, 6, 7, 8]]);
    assert.deepEqual(val(x2 + 'jnp.roll(x2, 1, axis=0)').value, [[5, 6, 7, 8, 9], [0, 1, 2, 3, 4]]);
    assert.deepEqual(val(x2 + 'jnp.roll(x2, (1, 1), axis=(1, 0))').value, [[9, 5, 6, 7, 8], [4, 0, 1, 2, 3]]);
  });
  it('flip, fliplr, flipud (NumPy docs)', () => {
    const A = 'A = jnp.arange(8).reshape((2, 2, 2))\n';
    assert.deepEqual(val(A + 'jnp.flip(A, 0)').value, [[[4, 5], [6, 7]], [[0, 1], [2, 3]]]);
    assert.deepEqual(val(A + 'jnp.flip(A)').value, [[[7, 6], [5, 4]], [[3, 2], [1, 0]]]);
    assert.deepEqual(val('jnp.fliplr(jnp.array([[1, 2], [3, 4]]))').value, [[2, 1], [4, 3]]);
    assert.deepEqual(val('jnp.flipud(jnp.array([[1, 2], [3, 4]]))').value, [[3, 4], [1, 2]]);
  });
});

describe('jnp.pad', () => {
  const a = 'a = jnp.array([1, 2, 3, 4, 5])\n';
  it('constant (default 0, a scalar constant_values, per-axis widths)', () => {
    assert.deepEqual(val(a + 'jnp.pad(a, (2, 3))').value, [0, 0, 1, 2, 3, 4, 5, 0, 0, 0]);
    assert.deepEqual(val(a + 'jnp.pad(a, 1, constant_values=9)').value, [9, 1, 2, 3, 4, 5, 9]);
    assert.deepEqual(val('jnp.pad(jnp.ones((1, 2)), ((1, 0), (0, 1)))').value, [[0, 0, 0], [1, 1, 0]]);
  });
  it('edge, reflect, symmetric, wrap (NumPy docs, pad (2, 3))', () => {
    assert.deepEqual(val(a + "jnp.pad(a, (2, 3), 'edge')").value, [1, 1, 1, 2, 3, 4, 5, 5, 5, 5]);
    assert.deepEqual(val(a + "jnp.pad(a, (2, 3), 'reflect')").value, [3, 2, 1, 2, 3, 4, 5, 4, 3, 2]);
    assert.deepEqual(val(a + "jnp.pad(a, (2, 3), 'symmetric')").value, [2, 1, 1, 2, 3, 4, 5, 5, 4, 3]);
    assert.deepEqual(val(a + "jnp.pad(a, (2, 3), 'wrap')").value, [4, 5, 1, 2, 3, 4, 5, 1, 2, 3]);
  });
  it('keeps dtype and weak type', () => {
    const r = val('jnp.pad(jnp.array([1.5], dtype=jnp.bfloat16), 1)');
    assert.deepEqual([r.dtype, r.weak_type], ['bfloat16', false]);
  });
});

describe('jnp.diff', () => {
  it('first and second differences, along an axis, with prepend (NumPy docs)', () => {
    assert.deepEqual(val('jnp.diff(jnp.array([1, 2, 4, 7, 0]))').value, [1, 2, 3, -7]);
    assert.deepEqual(val('jnp.diff(jnp.array([1, 2, 4, 7, 0]), n=2)').value, [1, 1, -10]);
    const x = 'x = jnp.array([[1, 3, 6, 10], [0, 5, 6, 8]])\n';
    assert.deepEqual(val(x + 'jnp.diff(x)').value, [[2, 3, 4], [5, 1, 2]]);
    assert.deepEqual(val(x + 'jnp.diff(x, axis=0)').value, [[-1, 2, 0, -2]]);
    assert.deepEqual(val('jnp.diff(jnp.array([1, 3, 6]), prepend=0)').value, [1, 2, 3]);
  });
  it('booleans differ by not_equal; a 0-d input is an error', () => {
    assert.deepEqual(val('jnp.diff(jnp.array([True, False, False]))').value, [true, false]);
    assert.equal(err('jnp.diff(jnp.array(1.0))')[0], 'ValueError');
    assert.deepEqual(err('jnp.diff(jnp.arange(3), n=-1)'), ['ValueError', 'order must be non-negative but got -1']);
  });
});

describe('jnp.meshgrid, atleast_*d, dstack, column_stack', () => {
  it('meshgrid xy and ij indexing, sparse (NumPy docs)', () => {
    const g = 'x = jnp.linspace(0, 1, 3)\ny = jnp.linspace(0, 1, 2)\n';
    assert.deepEqual(values(g + 'jnp.meshgrid(x, y)'), [[[0, 0.5, 1], [0, 0.5, 1]], [[0, 0, 0], [1, 1, 1]]]);
    assert.deepEqual(values(g + "jnp.meshgrid(x, y, indexing='ij')"), [[[0, 0], [0.5, 0.5], [1, 1]], [[0, 1], [0, 1], [0, 1]]]);
    assert.deepEqual(val(g + 'jnp.meshgrid(x, y, sparse=True)').list!.map((l) => l.shape), [[1, 3], [2, 1]]);
  });
  it('atleast_1d/2d/3d shapes (NumPy docs) and their list result for several inputs', () => {
    assert.deepEqual(val('jnp.atleast_2d(3.0)').value, [[3]]);
    assert.deepEqual(val('jnp.atleast_3d(jnp.arange(12.0).reshape(4, 3))').shape, [4, 3, 1]);
    assert.deepEqual(val('jnp.atleast_3d(jnp.arange(3.0))').shape, [1, 3, 1]);
    assert.deepEqual(val('jnp.atleast_1d(1.0, jnp.ones((2, 2)))').list!.map((l) => l.shape), [[1], [2, 2]]);
  });
  it('dstack and column_stack (NumPy docs)', () => {
    const ab = 'a = jnp.array([1, 2, 3])\nb = jnp.array([2, 3, 4])\n';
    assert.deepEqual(val(ab + 'jnp.dstack((a, b))').value, [[[1, 2], [2, 3], [3, 4]]]);
    assert.deepEqual(val(ab + 'jnp.column_stack((a, b))').value, [[1, 2], [2, 3], [3, 4]]);
  });
});
