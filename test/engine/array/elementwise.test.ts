// Oracles: IEEE float32/float64 arithmetic worked out by hand, C/XLA integer semantics
// (lax.div truncates toward zero, lax.rem takes the dividend's sign, int32 wraps), and the
// closed forms of the functions.
import * as assert from 'node:assert/strict';
import { binary, clamp, integerPow, select, unary } from '../../../src/engine/array/kernels';
import { arr, f32, vals } from './helpers';

describe('elementwise kernels', () => {
  it('float32 arithmetic rounds every result to float32', () => {
    // f32(0.1) + f32(0.2) = 40265319·2^-27 exactly, which rounds to 10066330·2^-25 = f32(0.3)
    const s = binary('add', arr([0.1]), arr([0.2]));
    assert.deepEqual(vals(s), [Math.fround(0.3)]);
    assert.equal(s.dtype, 'float32');
    // float64 keeps the famous 0.30000000000000004
    assert.deepEqual(vals(binary('add', arr([0.1], 'float64'), arr([0.2], 'float64'))), [0.30000000000000004]);
    assert.deepEqual(vals(binary('div', arr([1]), arr([3]))), [Math.fround(1 / 3)]);
  });

  it('broadcasts size-1 dimensions within equal rank, scalar either side', () => {
    const m = arr([[1, 2, 3], [4, 5, 6]]);
    assert.deepEqual(vals(binary('sub', m, arr([[10], [20]]))), [[-9, -8, -7], [-16, -15, -14]]);
    assert.deepEqual(vals(binary('mul', arr([[2]]), m)), [[2, 4, 6], [8, 10, 12]]);
    assert.deepEqual(vals(binary('div', m, arr([[2]]))), [[0.5, 1, 1.5], [2, 2.5, 3]]);
    assert.deepEqual(vals(binary('add', arr([[1], [2]]), arr([[10, 20]]))), [[11, 21], [12, 22]]);
    // beyond the contract: a 0-d operand against an n-d one broadcasts as in NumPy
    assert.deepEqual(vals(binary('add', arr(1), m)), [[2, 3, 4], [5, 6, 7]]);
  });

  it('weak type is the AND of the operands; comparisons give strong bool', () => {
    assert.equal(binary('add', arr([1], 'float32', true), arr([1], 'float32', true)).weakType, true);
    assert.equal(binary('add', arr([1], 'float32', true), arr([1])).weakType, false);
    const c = binary('lt', arr([1, 2], 'float32', true), arr([2, 2], 'float32', true));
    assert.equal(c.dtype, 'bool');
    assert.equal(c.weakType, false);
    assert.deepEqual(vals(c), [true, false]);
  });

  it('integer division truncates toward zero; rem follows the dividend (lax.div / lax.rem)', () => {
    assert.deepEqual(vals(binary('div', arr([-7, 7, -7, 7], 'int32'), arr([2, 2, -2, -2], 'int32'))), [-3, 3, 3, -3]);
    assert.deepEqual(vals(binary('rem', arr([-7, 7, -7, 7], 'int32'), arr([2, 2, -2, -2], 'int32'))), [-1, 1, -1, 1]);
    assert.deepEqual(vals(binary('rem', arr([-7.5, 7.5]), arr([2, -2]))), [-1.5, 1.5]);
    // XLA's CPU results for the undefined cases: x/0 = -1, INT_MIN/-1 = INT_MIN, x rem 0 = x
    assert.deepEqual(vals(binary('div', arr([5, -2147483648], 'int32'), arr([0, -1], 'int32'))), [-1, -2147483648]);
    assert.deepEqual(vals(binary('rem', arr([5], 'int32'), arr([0], 'int32'))), [5]);
    assert.deepEqual(vals(binary('div', arr([5], 'uint8'), arr([0], 'uint8'))), [255]);
  });

  it('integer arithmetic wraps like int32 in XLA', () => {
    assert.deepEqual(vals(binary('add', arr([2147483647], 'int32'), arr([1], 'int32'))), [-2147483648]);
    assert.deepEqual(vals(binary('mul', arr([65536], 'int32'), arr([65537], 'int32'))), [65536]); // 2^32 + 2^16 mod 2^32
    assert.deepEqual(vals(binary('mul', arr([123456789], 'int32'), arr([987654321], 'int32'))), [-67153019]);
    assert.deepEqual(vals(binary('add', arr([250], 'uint8'), arr([10], 'uint8'))), [4]);
    assert.deepEqual(vals(binary('sub', arr([0], 'uint32'), arr([1], 'uint32'))), [4294967295]);
    assert.deepEqual(vals(binary('add', arr([127], 'int8'), arr([1], 'int8'))), [-128]);
    assert.deepEqual(vals(unary('neg', arr([-2147483648], 'int32'))), [-2147483648]);
    assert.deepEqual(vals(unary('abs', arr([-2147483648, -5], 'int32'))), [-2147483648, 5]);
  });

  it('max/min propagate NaN; comparisons with NaN are false except ne', () => {
    assert.ok(Number.isNaN((vals(binary('max', arr([NaN, 1]), arr([1, NaN]))) as number[])[0]));
    assert.ok(Number.isNaN((vals(binary('min', arr([1]), arr([NaN]))) as number[])[0]));
    assert.deepEqual(vals(binary('max', arr([1, 5], 'int32'), arr([3, 2], 'int32'))), [3, 5]);
    assert.deepEqual(vals(binary('eq', arr([NaN]), arr([NaN]))), [false]);
    assert.deepEqual(vals(binary('ne', arr([NaN]), arr([NaN]))), [true]);
    assert.deepEqual(vals(binary('ge', arr([1, 2, 3], 'int32'), arr([2, 2, 2], 'int32'))), [false, true, true]);
  });

  it('pow follows C: 1**nan = 1, x**0 = 1, (-1)**inf = 1; integer pow by squaring wraps', () => {
    assert.deepEqual(vals(binary('pow', arr([1, NaN, -1, 2], 'float64'), arr([NaN, 0, Infinity, 0.5], 'float64'))), [1, 1, 1, Math.SQRT2]);
    assert.ok(Number.isNaN((vals(binary('pow', arr([-8]), arr([1 / 3]))) as number[])[0]));
    assert.deepEqual(vals(binary('pow', arr([3, -2, 2], 'int32'), arr([4, 3, 31], 'int32'))), [81, -8, -2147483648]);
  });

  it('bitwise ops and shifts, including shift amounts past the width', () => {
    assert.deepEqual(vals(binary('and', arr([12], 'int32'), arr([10], 'int32'))), [8]);
    assert.deepEqual(vals(binary('or', arr([12], 'int32'), arr([10], 'int32'))), [14]);
    assert.deepEqual(vals(binary('xor', arr([true, true], 'bool'), arr([true, false], 'bool'))), [false, true]);
    assert.deepEqual(vals(binary('shift_left', arr([1, 1, 1], 'int32'), arr([4, 31, 32], 'int32'))), [16, -2147483648, 0]);
    assert.deepEqual(vals(binary('shift_right_arithmetic', arr([-16, -16], 'int32'), arr([2, 40], 'int32'))), [-4, -1]);
    assert.deepEqual(vals(binary('shift_right_logical', arr([-16, -16], 'int32'), arr([28, 32], 'int32'))), [15, 0]);
    assert.deepEqual(vals(binary('shift_right_logical', arr([-16], 'int8'), arr([4], 'int8'))), [15]); // 0xF0 >>> 4
    assert.deepEqual(vals(binary('shift_left', arr([200], 'uint8'), arr([1], 'uint8'))), [144]); // 400 mod 256
  });

  it('atan2 and nextafter', () => {
    assert.deepEqual(vals(binary('atan2', arr([1], 'float64'), arr([-1], 'float64'))), [(3 * Math.PI) / 4]);
    assert.deepEqual(vals(binary('nextafter', arr([1, 1, 0]), arr([2, 0, -1]))), [1 + 2 ** -23, 1 - 2 ** -24, -(2 ** -149)]);
    assert.deepEqual(vals(binary('nextafter', arr([1], 'float64'), arr([2], 'float64'))), [1 + 2 ** -52]);
    assert.deepEqual(vals(binary('nextafter', arr([1, 1], 'float16'), arr([2, 0], 'float16'))), [1 + 2 ** -10, 1 - 2 ** -11]);
  });

  it('unary float ops match their closed forms rounded to float32', () => {
    const x = [0.5, 1, 2];
    assert.deepEqual(vals(unary('exp', arr(x))), f32(x.map(Math.exp)));
    assert.deepEqual(vals(unary('tanh', arr(x))), f32(x.map(Math.tanh)));
    assert.deepEqual(vals(unary('logistic', arr(x))), f32(x.map((v) => 1 / (1 + Math.exp(-v)))));
    assert.deepEqual(vals(unary('rsqrt', arr([4]))), [0.5]);
    assert.deepEqual(vals(unary('square', arr([3]))), [9]);
    assert.deepEqual(vals(unary('reciprocal', arr([4]))), [0.25]);
    assert.deepEqual(vals(unary('log1p', arr([0]))), [0]);
    assert.deepEqual(vals(unary('sign', arr([-2, 0, 3]))), [-1, 0, 1]);
    assert.deepEqual(vals(unary('is_finite', arr([1, Infinity, NaN]))), [true, false, false]);
  });

  it('float32 tanh equals Math.tanh rounded to float32 over a dense grid', () => {
    const n = 200_001;
    const xs = Array.from({ length: n }, (_, i) => (i - 100_000) * 1e-4 * (1 + (i % 7) * 1e-3));
    xs.push(1e-30, -1e-30, 3e-4, -3e-4, 4.9e-4, 5e-4, Infinity, -Infinity, 40, -40);
    const got = unary('tanh', arr(xs)).data;
    xs.forEach((v, i) => assert.equal(got[i], Math.fround(Math.tanh(Math.fround(v))), `tanh(${v})`));
    const special = unary('tanh', arr([-0, NaN])).data;
    assert.ok(Object.is(special[0], -0));
    assert.ok(Number.isNaN(special[1]));
  });

  it('rounding: round is half away from zero, round_even is half to even', () => {
    const x = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 0.49999997];
    assert.deepEqual(vals(unary('round', arr(x))), [-3, -2, -1, 1, 2, 3, 0]);
    assert.deepEqual(vals(unary('round_even', arr(x))), [-2, -2, -0, 0, 2, 2, 0]);
    assert.deepEqual(vals(unary('floor', arr([-1.5, 1.5]))), [-2, 1]);
    assert.deepEqual(vals(unary('ceil', arr([-1.5, 1.5]))), [-1, 2]);
  });

  it('special functions: erf, erfc, erf_inv, lgamma, digamma', () => {
    const near = (got: number, want: number, tol = 1e-12) => assert.ok(Math.abs(got - want) <= tol * Math.max(1, Math.abs(want)), `${got} vs ${want}`);
    const e = (op: Parameters<typeof unary>[0], v: number) => (vals(unary(op, arr([v], 'float64'))) as number[])[0];
    near(e('erf', 0.5), 0.5204998778130465); // tabulated erf(0.5)
    near(e('erf', 3), 0.9999779095030014);
    near(e('erfc', 3), 2.209049699858544e-5, 1e-10);
    near(e('erf_inv', 0.5204998778130465), 0.5, 1e-12);
    near(e('lgamma', 5), Math.log(24));
    near(e('lgamma', 0.5), 0.5 * Math.log(Math.PI));
    near(e('lgamma', -0.5), Math.log(2 * Math.sqrt(Math.PI))); // Γ(-1/2) = -2√π
    near(e('digamma', 1), -0.5772156649015329); // -γ
    near(e('digamma', 0.5), -0.5772156649015329 - 2 * Math.LN2);
    assert.ok(Number.isNaN(e('digamma', 0)));
    assert.equal(e('erf_inv', 1), Infinity);
  });

  it('integer unary ops: not, population_count, clz', () => {
    assert.deepEqual(vals(unary('not', arr([true, false], 'bool'))), [false, true]);
    assert.deepEqual(vals(unary('not', arr([0, 5], 'int32'))), [-1, -6]);
    assert.deepEqual(vals(unary('not', arr([0], 'uint8'))), [255]);
    assert.deepEqual(vals(unary('population_count', arr([7, -1], 'int32'))), [3, 32]);
    assert.deepEqual(vals(unary('population_count', arr([-1], 'int8'))), [8]);
    assert.deepEqual(vals(unary('clz', arr([1, 0], 'int32'))), [31, 32]);
    assert.deepEqual(vals(unary('clz', arr([1], 'uint8'))), [7]);
  });

  it('float16 and bfloat16 results are rounded to their format', () => {
    assert.deepEqual(vals(binary('div', arr([1], 'float16'), arr([3], 'float16'))), [0.333251953125]);
    assert.deepEqual(vals(binary('add', arr([65504], 'float16'), arr([16], 'float16'))), [Infinity]);
    assert.deepEqual(vals(binary('div', arr([1], 'bfloat16'), arr([3], 'bfloat16'))), [0.333984375]);
  });

  it('complex arithmetic and functions', () => {
    const c = (re: number, im: number) => ({ re, im });
    const z = arr([c(1, 2)], 'complex64');
    const w = arr([c(3, 4)], 'complex64');
    assert.deepEqual(vals(binary('mul', z, w)), [c(-5, 10)]);
    assert.deepEqual(vals(binary('add', z, w)), [c(4, 6)]);
    assert.deepEqual(vals(binary('div', arr([c(-5, 10)], 'complex128'), arr([c(3, 4)], 'complex128'))), [c(1, 2)]);
    assert.deepEqual(vals(unary('abs', w)), [5]);
    assert.equal(unary('abs', w).dtype, 'float32');
    assert.deepEqual(vals(unary('real', w)), [3]);
    assert.deepEqual(vals(unary('imag', w)), [4]);
    assert.deepEqual(vals(unary('conj', w)), [c(3, -4)]);
    assert.deepEqual(vals(unary('sqrt', arr([c(-4, 0), c(3, 4)], 'complex128'))), [c(0, 2), c(2, 1)]);
    const e = (vals(unary('exp', arr([c(0, Math.PI)], 'complex128'))) as { re: number; im: number }[])[0];
    assert.equal(e.re, -1);
    assert.ok(Math.abs(e.im) < 1e-15);
    assert.deepEqual(vals(unary('log', arr([c(-1, 0)], 'complex128'))), [c(0, Math.PI)]);
    assert.deepEqual(vals(binary('eq', z, arr([c(1, 2)], 'complex64'))), [true]);
    const sq = (vals(binary('pow', arr([c(0, 1)], 'complex128'), arr([c(2, 0)], 'complex128'))) as { re: number; im: number }[])[0];
    assert.ok(Math.abs(sq.re + 1) < 1e-15 && Math.abs(sq.im) < 1e-15); // i² = -1
    const cube = (vals(integerPow(arr([c(0, 1)], 'complex64'), 3)) as { re: number; im: number }[])[0];
    assert.ok(cube.re === 0 && cube.im === -1); // i³ = -i (sign of the zero not asserted)
    // lax.max/min order complex numbers lexicographically; ordering comparisons reject them
    assert.deepEqual(vals(binary('max', arr([c(1, 5), c(2, 0)], 'complex64'), arr([c(1, 6), c(1, 9)], 'complex64'))), [c(1, 6), c(2, 0)]);
    assert.deepEqual(vals(binary('min', arr([c(1, 5)], 'complex64'), arr([c(1, 6)], 'complex64'))), [c(1, 5)]);
    assert.throws(() => binary('lt', z, w), { name: 'TypeError' });
  });

  it('integer_pow multiplies by squaring, rounding each step; negative powers take the reciprocal', () => {
    assert.deepEqual(vals(integerPow(arr([3, -2]), 3)), [27, -8]);
    assert.deepEqual(vals(integerPow(arr([2]), -2)), [0.25]);
    assert.deepEqual(vals(integerPow(arr([0]), 0)), [1]);
    assert.deepEqual(vals(integerPow(arr([NaN]), 0)), [1]); // x ** 0 is 1 for every x
    assert.deepEqual(vals(integerPow(arr([1.5, -2]), 1)), [1.5, -2]);
    assert.deepEqual(vals(integerPow(arr([3]), 5)), [243]);
    // float32 chain: (1+2^-12)^3 = ((1+2^-12)^2 rounded) * (1+2^-12) rounded = 1 + 3·2^-12 + (2^-23 rounded away)
    assert.deepEqual(vals(integerPow(arr([1 + 2 ** -12]), 3)), [Math.fround(Math.fround(1 + 2 ** -11) * (1 + 2 ** -12))]);
    assert.deepEqual(vals(integerPow(arr([65536], 'int32'), 2)), [0]);
    assert.deepEqual(vals(integerPow(arr([3], 'int32'), 5)), [243]);
    // (1 + 2^-12)^2 in float32 is 1 + 2^-11 (the 2^-24 term is lost at the rounding)
    assert.deepEqual(vals(integerPow(arr([1 + 2 ** -12]), 2)), [1 + 2 ** -11]);
  });

  it('select and clamp', () => {
    const p = arr([true, false, true], 'bool');
    assert.deepEqual(vals(select(p, arr([1, 2, 3]), arr([10, 20, 30]))), [1, 20, 3]);
    assert.deepEqual(vals(select(arr(false, 'bool'), arr([1, 2]), arr([10, 20]))), [10, 20]);
    assert.deepEqual(vals(clamp(arr(0), arr([-1, 0.5, 2, NaN]), arr(1))), [0, 0.5, 1, NaN]);
    assert.deepEqual(vals(clamp(arr([0, 1]), arr([5, -5]), arr([2, 3]))), [2, 1]);
  });
});
