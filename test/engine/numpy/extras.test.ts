// finfo/iinfo, logspace, empty, hsplit/vsplit, isposinf/isneginf, divmod, matrix_transpose,
// trapezoid, searchsorted, digitize, interp, cross, cov, corrcoef, triu/tril/diag_indices,
// indices, concatenate(axis=None), dtype= for joins, array(ndmin=). Oracles: NumPy's documented
// examples and IEEE-754 facts; derivatives by finite differences (gradients.test.ts's check).

import { strict as assert } from 'node:assert';
import { wrap } from '../../../src/engine/jax/array';
import { close, err, f64, gradCheck, pyArg, repr, val, values } from './helpers';

describe('jnp.finfo / iinfo', () => {
  it('float32 and float64 facts (IEEE-754) and NumPy-style reprs', () => {
    assert.equal(val('jnp.finfo(jnp.float32).eps').value, 2 ** -23);
    assert.equal(val('jnp.finfo(jnp.float32).tiny').value, 2 ** -126);
    assert.equal(val('jnp.finfo(jnp.float64).eps').value, 2 ** -52);
    assert.equal(val('jnp.finfo(jnp.float16).max').value, 65504);
    assert.equal(val('jnp.finfo(jnp.zeros(2)).bits').value, 32);
    assert.equal(repr('jnp.finfo(jnp.float32)').includes('finfo(resolution=1e-06, min=-3.4028235e+38, max=3.4028235e+38, dtype=float32)'), true);
  });
  it('finfo values are strong arrays of the dtype (they do not weaken float16 arithmetic)', () => {
    const r = val('jnp.ones(2, dtype=jnp.float16) * jnp.finfo(jnp.float16).eps');
    assert.deepEqual([r.dtype, r.weak_type], ['float16', false]);
  });
  it('iinfo bounds are Python ints; finfo of an int dtype is an error', () => {
    assert.deepEqual(val('(jnp.iinfo(jnp.int32).min, jnp.iinfo(jnp.int32).max, jnp.iinfo(jnp.uint8).max)').tuple!.map((t) => t.value), [-(2 ** 31), 2 ** 31 - 1, 255]);
    assert.equal(err('jnp.finfo(jnp.int32)')[0], 'ValueError');
  });
});

describe('creation and splitting extras', () => {
  it('logspace (NumPy docs, float32 rounding), empty is zeros', () => {
    close(val('jnp.logspace(2.0, 3.0, num=4)').value, [100, 215.443469, 464.15888336, 1000], 1e-6);
    close(val('jnp.logspace(2.0, 3.0, num=4, base=2.0)').value, [4, 5.0396842, 6.34960421, 8], 1e-6);
    assert.deepEqual(val('jnp.empty((2, 2))').value, [[0, 0], [0, 0]]);
    assert.equal(val('jnp.empty_like(jnp.ones(2, dtype=jnp.int8))').dtype, 'int8');
  });
  it('hsplit / vsplit (NumPy docs)', () => {
    const x = 'x = jnp.arange(16.0).reshape(4, 4)\n';
    assert.deepEqual(values(x + 'jnp.hsplit(x, 2)')[1], [[2, 3], [6, 7], [10, 11], [14, 15]]);
    assert.deepEqual(values(x + 'jnp.vsplit(x, 2)')[0], [[0, 1, 2, 3], [4, 5, 6, 7]]);
    assert.equal(err('jnp.vsplit(jnp.arange(4), 2)')[0], 'ValueError');
  });
  it('concatenate(axis=None) flattens; dtype= converts; array(ndmin=) pads leading axes', () => {
    assert.deepEqual(val('jnp.concatenate([jnp.array([[1, 2], [3, 4]]), jnp.array([[5, 6]])], axis=None)').value, [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(val('jnp.concatenate([jnp.array([[1, 2], [3, 4]]), jnp.array([[5, 6]])])').shape, [3, 2]);
    assert.equal(val('jnp.stack([jnp.ones(2), jnp.zeros(2)], dtype=jnp.int32)').dtype, 'int32');
    assert.equal(val('jnp.hstack([jnp.ones(2), jnp.zeros(2)], dtype=jnp.float16)').dtype, 'float16');
    assert.deepEqual(val('jnp.array([1, 2, 3], ndmin=2)').shape, [1, 3]);
  });
  it('triu_indices / tril_indices / diag_indices / indices (NumPy docs)', () => {
    assert.deepEqual(values('jnp.triu_indices(3, 1)'), [[0, 0, 1], [1, 2, 2]]);
    assert.deepEqual(values('jnp.tril_indices(3)'), [[0, 1, 1, 2, 2, 2], [0, 0, 1, 0, 1, 2]]);
    assert.deepEqual(values('jnp.diag_indices(3)'), [[0, 1, 2], [0, 1, 2]]);
    assert.deepEqual(val('jnp.indices((2, 3))').value, [[[0, 0, 0], [1, 1, 1]], [[0, 1, 2], [0, 1, 2]]]);
  });
});

describe('elementwise and matrix extras', () => {
  it('isposinf / isneginf, divmod (Python floor semantics), matrix_transpose', () => {
    assert.deepEqual(val('jnp.isposinf(jnp.array([-jnp.inf, 0., jnp.inf]))').value, [false, false, true]);
    assert.deepEqual(val('jnp.isneginf(jnp.array([-jnp.inf, 0., jnp.inf]))').value, [true, false, false]);
    assert.deepEqual(values('jnp.divmod(jnp.array([7, -7]), 2)'), [[3, -4], [1, 1]]);
    assert.deepEqual(val('jnp.matrix_transpose(jnp.ones((4, 2, 3)))').shape, [4, 3, 2]);
  });
  it('cross of 3- and 2-vectors (NumPy docs)', () => {
    assert.deepEqual(val('jnp.cross(jnp.array([1, 2, 3]), jnp.array([4, 5, 6]))').value, [-3, 6, -3]);
    assert.deepEqual(val('jnp.cross(jnp.array([1, 2, 0]), jnp.array([4, 5]))').value, [0, 0, -3]);
    assert.deepEqual(val('jnp.cross(jnp.array([1, 2]), jnp.array([4, 5]))').value, -3);
    assert.deepEqual(val('jnp.cross(jnp.array([[1, 2, 3], [4, 5, 6]]), jnp.array([[4, 5, 6], [1, 2, 3]]))').value, [[-3, 6, -3], [3, -6, 3]]);
  });
});

describe('searching and interpolation', () => {
  it('searchsorted and digitize (NumPy docs)', () => {
    const a = 'a = jnp.array([1, 2, 3, 4, 5])\n';
    assert.equal(val(a + 'jnp.searchsorted(a, 3)').value, 2);
    assert.equal(val(a + "jnp.searchsorted(a, 3, side='right')").value, 3);
    assert.deepEqual(val(a + 'jnp.searchsorted(a, jnp.array([-10, 10, 2, 3]))').value, [0, 5, 1, 2]);
    assert.deepEqual(val('jnp.digitize(jnp.array([0.2, 6.4, 3.0, 1.6]), jnp.array([0.0, 1.0, 2.5, 4.0, 10.0]))').value, [1, 4, 3, 2]);
    assert.deepEqual(val('jnp.digitize(jnp.array([0.2, 6.4, 3.0, 1.6]), jnp.array([10.0, 4.0, 2.5, 1.0, 0.0]))').value, [4, 1, 2, 3]);
    assert.deepEqual(val('jnp.digitize(jnp.array([1.2, 10.0, 12.4, 15.5, 20.]), jnp.array([0, 5, 10, 15, 20]), right=True)').value, [1, 2, 3, 4, 4]);
  });
  it('interp (NumPy docs), left/right values', () => {
    const xp = 'xp = jnp.array([1, 2, 3])\nfp = jnp.array([3, 2, 0])\n';
    assert.equal(val(xp + 'jnp.interp(2.5, xp, fp)').value, 1);
    close(val(xp + 'jnp.interp(jnp.array([0, 1, 1.5, 2.72, 3.14]), xp, fp)').value, [3, 3, 2.5, 0.56, 0]);
    assert.equal(val(xp + 'jnp.interp(3.14, xp, fp, right=-99.0)').value, -99);
    assert.deepEqual(err('jnp.interp(1.0, jnp.ones(3), jnp.ones(2))'), ['ValueError', 'xp and fp must be the same length']);
  });
  it('trapezoid (NumPy docs)', () => {
    assert.equal(val('jnp.trapezoid(jnp.array([1, 2, 3]))').value, 4);
    assert.equal(val('jnp.trapezoid(jnp.array([1, 2, 3]), x=jnp.array([4, 6, 8]))').value, 8);
    assert.equal(val('jnp.trapezoid(jnp.array([1, 2, 3]), dx=2)').value, 8);
    assert.deepEqual(val('jnp.trapezoid(jnp.arange(6).reshape(2, 3), axis=0)').value, [1.5, 2.5, 3.5]);
    assert.deepEqual(val('jnp.trapezoid(jnp.arange(6).reshape(2, 3), axis=1)').value, [2, 8]);
  });
});

describe('jnp.cov / corrcoef (NumPy docs)', () => {
  it('cov of two variables, of x and y, bias', () => {
    assert.deepEqual(val('jnp.cov(jnp.array([[0, 1, 2], [2, 1, 0]]))').value, [[1, -1], [-1, 1]]);
    close(val('jnp.cov(jnp.array([-2.1, -1, 4.3]), jnp.array([3, 1.1, 0.12]))', true).value, [[11.71, -4.286], [-4.286, 2.144133]], 1e-6);
    close(val('jnp.cov(jnp.array([-2.1, -1, 4.3]))', true).value, 11.71, 1e-12);
    close(val('jnp.cov(jnp.array([1., 2., 3.]), bias=True)', true).value, 2 / 3, 1e-12);
  });
  it('corrcoef is cov normalised by the standard deviations', () => {
    close(val('jnp.corrcoef(jnp.array([[0., 1, 2], [2, 1, 0]]))').value, [[1, -1], [-1, 1]]);
    // x = [0, 1, 2], y = [2, 1, 0.5]: cov(x, y) = -0.75, var x = 1, var y = 7/12.
    const r = -0.75 / Math.sqrt(7 / 12);
    close(val('jnp.corrcoef(jnp.array([0., 1, 2]), jnp.array([2, 1, 0.5]))', true).value, [[1, r], [r, 1]], 1e-12);
  });
});

describe('derivatives of the extras', () => {
  it('interp in x and fp, trapezoid in y and x, cross, cov, corrcoef', () => {
    gradCheck('jax.numpy', 'interp', [f64([0.5, 1.3, 2.7, 3.5]), f64([3, -2, 0.5])], (v) => [v[0], wrap(f64([1, 2, 3])), v[1]]);
    gradCheck('jax.numpy', 'trapezoid', [f64([1, 2.5, 3, -1]), f64([0, 0.5, 1.5, 3])], (v) => [v[0], v[1]]);
    gradCheck('jax.numpy', 'cross', [f64([1, 2, 3]), f64([-4, 5, 0.5])]);
    gradCheck('jax.numpy', 'cov', [f64([[0.5, 1.5, -2, 3], [1, -1, 2, 0.25]])]);
    gradCheck('jax.numpy', 'corrcoef', [f64([[0.5, 1.5, -2, 3], [1, -1, 2, 0.25]])]);
  });
});

describe('jnp.convolve / correlate (NumPy docs)', () => {
  const av = 'a = jnp.array([1, 2, 3])\nv = jnp.array([0, 1, 0.5])\n';
  it('convolve in full, same and valid modes; the longer input may come second', () => {
    assert.deepEqual(val(av + 'jnp.convolve(a, v)').value, [0, 1, 2.5, 4, 1.5]);
    assert.deepEqual(val(av + "jnp.convolve(a, v, 'same')").value, [1, 2.5, 4]);
    assert.deepEqual(val(av + "jnp.convolve(a, v, 'valid')").value, [2.5]);
    assert.deepEqual(val("jnp.convolve(jnp.array([1., 1.]), jnp.array([1., 2., 3., 4.]), 'same')").value, [1, 3, 5, 7]);
  });
  it('correlate defaults to valid mode', () => {
    assert.deepEqual(val(av + 'jnp.correlate(a, v)').value, [3.5]);
    assert.deepEqual(val(av + "jnp.correlate(a, v, 'same')").value, [2, 3.5, 3]);
    assert.deepEqual(val(av + "jnp.correlate(a, v, 'full')").value, [0.5, 2, 3.5, 3, 0]);
    assert.deepEqual(err('jnp.convolve(jnp.ones((2, 2)), jnp.ones(2))'), ['ValueError', 'convolve() only support 1-dimensional inputs.']);
  });
  it('are differentiable in both inputs', () => {
    gradCheck('jax.numpy', 'convolve', [f64([1, -2, 0.5, 3]), f64([0.25, 1, -1])]);
    gradCheck('jax.numpy', 'correlate', [f64([1, -2, 0.5, 3]), f64([0.25, 1, -1])], (v) => [...v, pyArg('same')]);
  });
});

describe('jnp.issubdtype and the abstract dtype classes', () => {
  it("follows NumPy's hierarchy (bfloat16 is floating, bool is not a number)", () => {
    const t = (a: string, b: string) => val(`jnp.issubdtype(${a}, ${b})`).value;
    assert.deepEqual(
      [t('jnp.float32', 'jnp.floating'), t('jnp.bfloat16', 'jnp.inexact'), t('jnp.int8', 'jnp.floating'), t('jnp.uint8', 'jnp.integer')],
      [true, true, false, true],
    );
    assert.deepEqual([t('jnp.int32', 'jnp.signedinteger'), t('jnp.bool_', 'jnp.number'), t('jnp.complex64', 'jnp.inexact')], [true, false, true]);
    assert.deepEqual([t('jnp.zeros(2).dtype', 'jnp.float32'), t("'int32'", 'jnp.number'), t('jnp.floating', 'jnp.number')], [true, true, true]);
    assert.equal(JSON.parse(repr('jnp.floating')).value, "<class 'numpy.floating'>");
  });
});
