// cumprod, ptp, count_nonzero, average, nansum/nanprod/nanmean/nanmax/nanmin/nanvar/nanstd,
// quantile/percentile/median. Oracles: NumPy's documented examples and closed forms.

import { strict as assert } from 'node:assert';
import { close, err, val } from './helpers';

describe('jnp.cumprod / ptp / count_nonzero', () => {
  it('cumprod (NumPy docs), with the default-int accumulation of cumsum', () => {
    assert.deepEqual(val('jnp.cumprod(jnp.array([1, 2, 3]))').value, [1, 2, 6]);
    const a = 'a = jnp.array([[1, 2, 3], [4, 5, 6]])\n';
    assert.deepEqual(val(a + 'jnp.cumprod(a, dtype=float)').value, [1, 2, 6, 24, 120, 720]);
    assert.deepEqual(val(a + 'jnp.cumprod(a, axis=0)').value, [[1, 2, 3], [4, 10, 18]]);
    assert.deepEqual(val(a + 'a.cumprod(axis=1)').value, [[1, 2, 6], [4, 20, 120]]);
    assert.equal(val('jnp.cumprod(jnp.array([1, 2], dtype=jnp.int8))').dtype, 'int32');
  });
  it('ptp (NumPy docs)', () => {
    const x = 'x = jnp.array([[4, 9, 2, 10], [6, 9, 7, 12]])\n';
    assert.deepEqual(val(x + 'jnp.ptp(x, axis=1)').value, [8, 6]);
    assert.deepEqual(val(x + 'jnp.ptp(x, axis=0)').value, [2, 0, 5, 2]);
    assert.deepEqual(val(x + 'x.ptp()').value, 10);
  });
  it('count_nonzero (NumPy docs) is int32', () => {
    const a = 'a = jnp.array([[0, 1, 7, 0], [3, 0, 2, 19]])\n';
    assert.deepEqual(val('jnp.count_nonzero(jnp.eye(4))').value, 4);
    assert.deepEqual(val(a + 'jnp.count_nonzero(a)').value, 5);
    assert.deepEqual(val(a + 'jnp.count_nonzero(a, axis=0)').value, [1, 1, 2, 1]);
    const k = val(a + 'jnp.count_nonzero(a, axis=1, keepdims=True)');
    assert.deepEqual([k.value, k.dtype], [[[2], [3]], 'int32']);
  });
});

describe('jnp.average', () => {
  it('unweighted and weighted (NumPy docs)', () => {
    assert.deepEqual(val('jnp.average(jnp.arange(1, 5))').value, 2.5);
    assert.deepEqual(val('jnp.average(jnp.arange(1, 11), weights=jnp.arange(10, 0, -1))').value, 4);
    const d = 'data = jnp.arange(6).reshape((3, 2))\n';
    assert.deepEqual(val(d + 'jnp.average(data, axis=1, weights=jnp.array([1./4, 3./4]))').value, [0.75, 2.75, 4.75]);
    const r = val(d + 'jnp.average(data, axis=1, weights=jnp.array([1./4, 3./4]), returned=True)').tuple!;
    assert.deepEqual(r[1].value, [1, 1, 1]);
  });
  it('mismatched weights need an axis (NumPy text)', () => {
    assert.deepEqual(err('jnp.average(jnp.ones((3, 2)), weights=jnp.ones(2))'), ['ValueError', 'Axis must be specified when shapes of a and weights differ.']);
  });
});

describe('nan-ignoring reductions (NumPy docs)', () => {
  const a = 'a = jnp.array([[1, jnp.nan], [3, 4]])\n';
  it('nansum / nanprod', () => {
    assert.deepEqual(val('jnp.nansum(jnp.array([1, jnp.nan]))').value, 1);
    assert.deepEqual(val('jnp.nansum(jnp.array([[1, 1], [1, jnp.nan]]), axis=0)').value, [2, 1]);
    assert.deepEqual(val(a + 'jnp.nanprod(a)').value, 12);
  });
  it('nanmean', () => {
    close(val(a + 'jnp.nanmean(a)').value, 8 / 3);
    assert.deepEqual(val(a + 'jnp.nanmean(a, axis=0)').value, [2, 4]);
    assert.deepEqual(val(a + 'jnp.nanmean(a, axis=1)').value, [1, 3.5]);
  });
  it('nanmax / nanmin, NaN for an all-NaN slice', () => {
    const b = 'b = jnp.array([[1, 2], [3, jnp.nan]])\n';
    assert.deepEqual(val(b + 'jnp.nanmax(b)').value, 3);
    assert.deepEqual(val(b + 'jnp.nanmax(b, axis=0)').value, [3, 2]);
    assert.deepEqual(val(b + 'jnp.nanmin(b, axis=1)').value, [1, 3]);
    assert.deepEqual(val('jnp.nanmax(jnp.array([[jnp.nan, 1.], [jnp.nan, 2.]]), axis=0)').value, ['nan', 2]);
  });
  it('nanvar / nanstd', () => {
    close(val(a + 'jnp.nanvar(a)').value, 14 / 9);
    assert.deepEqual(val(a + 'jnp.nanvar(a, axis=0)').value, [1, 0]);
    assert.deepEqual(val(a + 'jnp.nanvar(a, axis=1)').value, [0, 0.25]);
    close(val(a + 'jnp.nanstd(a)').value, Math.sqrt(14 / 9));
    assert.deepEqual(val(a + 'jnp.nanstd(a, axis=1)').value, [0, 0.5]);
    close(val(a + 'jnp.nanvar(a, ddof=1)').value, 14 / 6);
  });
});

describe('jnp.quantile / percentile / median', () => {
  const a = 'a = jnp.array([[10, 7, 4], [3, 2, 1]])\n';
  it('median (NumPy docs) is a strong float32 for integer input', () => {
    const m = val(a + 'jnp.median(a)');
    assert.deepEqual([m.value, m.dtype, m.weak_type], [3.5, 'float32', false]);
    assert.deepEqual(val(a + 'jnp.median(a, axis=0)').value, [6.5, 4.5, 2.5]);
    assert.deepEqual(val(a + 'jnp.median(a, axis=1)').value, [7, 2]);
    assert.deepEqual(val(a + 'jnp.median(a, axis=1, keepdims=True)').value, [[7], [2]]);
  });
  it('quantile and percentile (NumPy docs); q axes come first', () => {
    assert.deepEqual(val(a + 'jnp.quantile(a, 0.5)').value, 3.5);
    assert.deepEqual(val(a + 'jnp.quantile(a, 0.5, axis=0)').value, [6.5, 4.5, 2.5]);
    assert.deepEqual(val(a + 'jnp.percentile(a, 50, axis=1)').value, [7, 2]);
    assert.deepEqual(val(a + 'jnp.quantile(a, jnp.array([0.25, 0.5]), axis=1)').value, [[5.5, 1.5], [7, 2]]);
  });
  it('the interpolation methods at position 1.6 of [0, 1, 2, 3, 4]', () => {
    const q = (m: string) => val(`jnp.quantile(jnp.arange(5.), 0.4, method='${m}')`).value as number;
    close(q('linear'), 1.6);
    assert.deepEqual(['lower', 'higher', 'midpoint', 'nearest'].map(q), [1, 2, 1.5, 2]);
  });
  it('a NaN makes the quantile NaN', () => {
    assert.deepEqual(val('jnp.median(jnp.array([1., jnp.nan, 3.]))').value, 'nan');
  });
});
