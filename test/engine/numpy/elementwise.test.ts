// nan_to_num, heaviside, sinc, hypot, deg2rad/rad2deg, copysign, signbit, trunc/fix, rint,
// logaddexp2, fmax/fmin, float_power, polyval, select. Oracles: NumPy's documented examples,
// closed forms, and JAX's weak-type rules (SEMANTICS §2.2: a Python scalar input stays weak).

import { strict as assert } from 'node:assert';
import { runPython } from '../jax/run';
import { close, err, val } from './helpers';

describe('jnp.nan_to_num', () => {
  it('replaces NaN by 0 and infinities by the dtype extremes (NumPy docs, float64 and float32)', () => {
    const x = 'jnp.nan_to_num(jnp.array([jnp.inf, -jnp.inf, jnp.nan, -128., 128.]))';
    assert.deepEqual(val(x, true).value, [Number.MAX_VALUE, -Number.MAX_VALUE, 0, -128, 128]);
    assert.deepEqual(val(x).value, [3.4028234663852886e38, -3.4028234663852886e38, 0, -128, 128]);
  });
  it('custom replacement values; integers pass through', () => {
    const r = val('jnp.nan_to_num(jnp.array([jnp.inf, -jnp.inf, jnp.nan, -128., 128.]), nan=-9999, posinf=33333333, neginf=33333333)', true);
    assert.deepEqual(r.value, [33333333, 33333333, -9999, -128, 128]);
    assert.deepEqual(val('jnp.nan_to_num(jnp.array([1, 2]))').value, [1, 2]);
  });
});

describe('jnp elementwise additions', () => {
  it('heaviside (NumPy docs)', () => {
    assert.deepEqual(val('jnp.heaviside(jnp.array([-1.5, 0., 2.0]), 0.5)').value, [0, 0.5, 1]);
    assert.deepEqual(val('jnp.heaviside(jnp.array([-1.5, 0., 2.0]), 1)').value, [0, 1, 1]);
  });
  it('sinc: sin(pi x) / (pi x), 1 at 0', () => {
    const xs = [0, 0.25, 0.5, 1.5, -2.5];
    const want = xs.map((x) => (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x)));
    close(val(`jnp.sinc(jnp.array(${JSON.stringify(xs)}))`, true).value, want, 1e-15);
  });
  it('hypot (NumPy docs), weak for Python scalars, inf beats nan', () => {
    assert.deepEqual(val('jnp.hypot(3 * jnp.ones((3, 3)), 4 * jnp.ones((3, 3)))').value, [[5, 5, 5], [5, 5, 5], [5, 5, 5]]);
    const h = val('jnp.hypot(3., 4.)');
    assert.deepEqual([h.value, h.weak_type], [5, true]);
    assert.deepEqual(val('jnp.hypot(jnp.inf, jnp.nan)').value, 'inf');
    assert.deepEqual(val('jnp.hypot(0., 0.)').value, 0);
  });
  it('deg2rad / radians / rad2deg / degrees', () => {
    close(val('jnp.deg2rad(180.)', true).value, Math.PI, 1e-15);
    close(val('jnp.radians(jnp.array([90.]))', true).value, [Math.PI / 2], 1e-15);
    close(val('jnp.rad2deg(jnp.pi / 2)', true).value, 90, 1e-15);
    close(val('jnp.degrees(jnp.array([jnp.pi]))', true).value, [180], 1e-15);
  });
  it('copysign and signbit (NumPy docs), -0.0 has its sign bit', () => {
    close(val('jnp.copysign(1.3, -1)').value, -1.3);
    assert.deepEqual(val('jnp.copysign(jnp.array([-1., 0., 1.]), -1.1)').value, [-1, -0, -1]);
    assert.deepEqual(val('jnp.signbit(jnp.array([1., -2.3, 2.1, -0.0]))').value, [false, true, false, true]);
    assert.deepEqual(val('jnp.signbit(jnp.array([-1, 2]))').value, [true, false]);
  });
  it('trunc, fix, rint (NumPy docs); rint of integers is float', () => {
    const a = 'jnp.array([-1.7, -1.5, -0.2, 0.2, 1.5, 1.7, 2.0])';
    assert.deepEqual(val(`jnp.trunc(${a})`).value, [-1, -1, -0, 0, 1, 1, 2]);
    assert.deepEqual(val(`jnp.rint(${a})`).value, [-2, -2, -0, 0, 2, 2, 2]);
    assert.deepEqual(val('jnp.fix(jnp.array([2.1, 2.9, -2.1, -2.9]))').value, [2, 2, -2, -2]);
    const r = val('jnp.rint(jnp.array([1, 2]))');
    assert.deepEqual([r.value, r.dtype], [[1, 2], 'float32']);
    assert.equal(val('jnp.trunc(jnp.array([3], dtype=jnp.int8))').dtype, 'int8');
  });
  it('logaddexp2 (NumPy docs) and fmax/fmin with NaNs (NumPy docs)', () => {
    close(val('jnp.logaddexp2(jnp.log2(1e-50), jnp.log2(2.5e-50))', true).value, Math.log2(3.5e-50), 1e-14);
    assert.deepEqual(val('jnp.fmax(jnp.array([2, 3, 4]), jnp.array([1, 5, 2]))').value, [2, 5, 4]);
    assert.deepEqual(val('jnp.fmax(jnp.array([jnp.nan, 0, jnp.nan]), jnp.array([0, jnp.nan, jnp.nan]))').value, [0, 0, 'nan']);
    assert.deepEqual(val('jnp.fmin(jnp.array([jnp.nan, 0, jnp.nan]), jnp.array([0, jnp.nan, jnp.nan]))').value, [0, 0, 'nan']);
    assert.deepEqual(val('jnp.fmin(jnp.array([2, 3, 4]), jnp.array([1, 5, 2]))').value, [1, 3, 2]);
  });
  it('float_power computes in floating point', () => {
    const r = val('jnp.float_power(jnp.array([2, 3]), 2)');
    assert.deepEqual([r.value, r.dtype], [[4, 9], 'float32']);
  });
  it('complex inputs are refused where NumPy refuses them', () => {
    assert.deepEqual(err('jnp.fabs(jnp.array([1j]))'), ['TypeError', "ufunc 'fabs' does not support complex dtypes"]);
  });
});

describe('jnp.polyval / select', () => {
  it('polyval: 3x^2 + 1 at 5 is 76 (NumPy docs); arrays of x', () => {
    assert.deepEqual(val('jnp.polyval(jnp.array([3, 0, 1]), 5)').value, 76);
    assert.deepEqual(val('jnp.polyval(jnp.array([3., 0., 1.]), jnp.array([1., 2.]))').value, [4, 13]);
    assert.equal(val('jnp.polyval(jnp.array([3, 0, 1]), 5)').dtype, 'float32');
  });
  it('select: the first true condition wins, else the default (NumPy docs)', () => {
    const x = 'x = jnp.arange(6)\n';
    assert.deepEqual(val(x + 'jnp.select([x < 3, x > 3], [x, x**2], 42)').value, [0, 1, 2, 42, 16, 25]);
    assert.deepEqual(val(x + 'jnp.select([x <= 4, x > 3], [x, x**2], 55)').value, [0, 1, 2, 3, 4, 25]);
    assert.deepEqual(err(x + 'jnp.select([x < 3], [x, x])'), ['ValueError', 'list of cases must be same length as list of conditions']);
  });
});

describe('JAX-specific edges of the elementwise functions', () => {
  it("sinc's derivatives at 0 are those of sin(y)/y: 0, then -pi^2/3 (JAX's Maclaurin custom JVP)", () => {
    assert.equal(val('jax.grad(jnp.sinc)(0.)').value, 0);
    close(val('jax.grad(jax.grad(jnp.sinc))(0.)', true).value, -(Math.PI ** 2) / 3, 1e-12);
  });
  it('modf splits into fractional and whole parts with the sign of x (NumPy docs)', () => {
    const [frac, whole] = val('jnp.modf(jnp.array([0, 3.5]))').tuple!;
    assert.deepEqual([frac.value, whole.value], [[0, 0.5], [0, 3]]);
    assert.deepEqual(val('jnp.modf(-0.5)').tuple!.map((t) => t.value), [-0.5, -0]);
  });
  it('complex inputs: isinf looks at both parts; hypot, copysign, isposinf refuse them (JAX texts)', () => {
    assert.deepEqual(val('jnp.isinf(jnp.array([1 + jnp.inf * 1j, 1 + 1j]))').value, [true, false]);
    assert.deepEqual(err('jnp.hypot(1j, 1.)'), ['ValueError', 'jnp.hypot is not well defined for complex-valued inputs. Please convert to real values first, such as by using abs(x)']);
    assert.deepEqual(err('jnp.copysign(1j, 1.)'), ['TypeError', 'copysign does not support complex-valued inputs']);
    assert.deepEqual(err('jnp.isposinf(jnp.array([1j]))'), ['ValueError', 'isposinf/isneginf are not well defined for complex types']);
  });
  it("clip's deprecated a/a_min/a_max spellings still work, with JAX's DeprecationWarning", () => {
    const r = runPython('import jax.numpy as jnp\njnp.clip(jnp.arange(4), a_min=1, a_max=2)');
    assert.deepEqual(r.warnings, [{ category: 'DeprecationWarning', message: "Passing arguments 'a', 'a_min' or 'a_max' to jax.numpy.clip is deprecated. Please use 'arr', 'min' or 'max' respectively instead." }]);
    assert.deepEqual(val('jnp.clip(jnp.arange(4), min=1, max=2)').value, [1, 1, 2, 2]);
    assert.deepEqual(runPython('import jax.numpy as jnp\njnp.clip(jnp.arange(4), 1, 2)').warnings, []);
  });
});
