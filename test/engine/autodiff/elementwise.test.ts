// Derivatives of the elementwise primitives against closed forms (calculus), in both modes,
// and JAX's conventions at kinks (SEMANTICS §2.7).
import * as assert from 'node:assert/strict';
import type { Value } from '../../../src/engine/autodiff/core';
import * as lax from '../../../src/engine/autodiff/lax';
import { arr, close, fwd, grad, scalar, values, weak } from './helpers';

type Case = [name: string, f: (x: Value) => Value, df: (x: number) => number, at: number];

const c = (x: Value, v: number) => lax.scalarLike(x, v);
const sech2 = (x: number) => 1 - Math.tanh(x) ** 2;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

const UNARY: Case[] = [
  ['neg', lax.neg, () => -1, 0.3],
  ['exp', lax.exp, Math.exp, 0.7],
  ['exp2', lax.exp2, (x) => Math.LN2 * 2 ** x, 0.7],
  ['log', lax.log, (x) => 1 / x, 1.7],
  ['log1p', lax.log1p, (x) => 1 / (1 + x), 0.4],
  ['expm1', lax.expm1, Math.exp, 0.4],
  ['tanh', lax.tanh, sech2, 0.8],
  ['logistic', lax.logistic, (x) => sigmoid(x) * (1 - sigmoid(x)), -0.6],
  ['sin', lax.sin, Math.cos, 1.1],
  ['cos', lax.cos, (x) => -Math.sin(x), 1.1],
  ['tan', lax.tan, (x) => 1 / Math.cos(x) ** 2, 0.5],
  ['asin', lax.asin, (x) => 1 / Math.sqrt(1 - x * x), 0.3],
  ['acos', lax.acos, (x) => -1 / Math.sqrt(1 - x * x), 0.3],
  ['atan', lax.atan, (x) => 1 / (1 + x * x), 2],
  ['sinh', lax.sinh, Math.cosh, 0.9],
  ['cosh', lax.cosh, Math.sinh, 0.9],
  ['asinh', lax.asinh, (x) => 1 / Math.sqrt(x * x + 1), 0.9],
  ['acosh', lax.acosh, (x) => 1 / Math.sqrt(x * x - 1), 1.9],
  ['atanh', lax.atanh, (x) => 1 / (1 - x * x), 0.4],
  ['sqrt', lax.sqrt, (x) => 0.5 / Math.sqrt(x), 2.5],
  ['rsqrt', lax.rsqrt, (x) => -0.5 * x ** -1.5, 2.5],
  ['cbrt', lax.cbrt, (x) => (1 / 3) * Math.cbrt(x) ** -2, 2.5],
  ['abs', lax.abs, Math.sign, -1.5],
  ['erf', lax.erf, (x) => (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x), 0.6],
  ['erfc', lax.erfc, (x) => (-2 / Math.sqrt(Math.PI)) * Math.exp(-x * x), 0.6],
  // d/dy erfinv(y) = sqrt(pi)/2 * exp(erfinv(y)^2); erfinv(0.5) = 0.4769362762044699.
  ['erf_inv', lax.erfInv, () => (Math.sqrt(Math.PI) / 2) * Math.exp(0.4769362762044699 ** 2), 0.5],
  // lgamma' = digamma; digamma(2.5) = 0.7031566406452432.
  ['lgamma', lax.lgamma, () => 0.7031566406452432, 2.5],
  ['square', lax.square, (x) => 2 * x, -1.25],
  ['integer_pow 3', (x) => lax.integerPow(x, 3), (x) => 3 * x * x, 2],
  ['integer_pow -2', (x) => lax.integerPow(x, -2), (x) => -2 * x ** -3, 1.5],
  ['pow x^2.5', (x) => lax.pow(x, c(x, 2.5)), (x) => 2.5 * x ** 1.5, 1.3],
  ['pow 2^x', (x) => lax.pow(c(x, 2), x), (x) => Math.LN2 * 2 ** x, 1.3],
  ['div 1/x', (x) => lax.div(c(x, 1), x), (x) => -1 / (x * x), 1.3],
  ['atan2(x, 2)', (x) => lax.atan2(x, c(x, 2)), (x) => 2 / (x * x + 4), 0.7],
  ['atan2(2, x)', (x) => lax.atan2(c(x, 2), x), (x) => -2 / (x * x + 4), 0.7],
  ['rem(x, 0.75)', (x) => lax.rem(x, c(x, 0.75)), () => 1, 2.1],
  // d/dy fmod(x, y) = -trunc(x / y): at y = 0.8, x = 2.1 that is -2.
  ['rem(2.1, y)', (y) => lax.rem(c(y, 2.1), y), () => -2, 0.8],
  ['mul x*x', (x) => lax.mul(x, x), (x) => 2 * x, -0.7],
  ['sub', (x) => lax.sub(c(x, 1), x), () => -1, 0.2],
];

describe('elementwise derivatives (closed forms)', () => {
  for (const [name, f, df, at] of UNARY) {
    it(`${name}: grad and jvp match the closed form at ${at}`, () => {
      close(scalar(grad(f)(weak(at))), df(at), 2e-6);
      close(scalar(fwd(f)(weak(at))), df(at), 2e-6);
    });
  }

  it("tanh' = 1 - tanh^2 over an array (grad of the sum)", () => {
    const xs = [-2, -0.5, 0, 0.5, 2];
    const g = grad((x) => lax.reduceSum(lax.tanh(x), [0]))(arr(xs));
    values(g).forEach((v, i) => close(v, sech2(xs[i]), 2e-6));
  });

  it('step functions have zero derivative everywhere', () => {
    for (const f of [lax.floor, lax.ceil, (x: Value) => lax.round(x), lax.sign, lax.stopGradient]) {
      assert.equal(scalar(grad(f)(weak(1.3))), 0);
      assert.equal(scalar(fwd(f)(weak(1.3))), 0);
    }
    // A comparison feeding a select: only the chosen branch's derivative flows.
    assert.equal(scalar(grad((x) => lax.select(lax.gt(x, c(x, 0)), lax.mul(x, c(x, 3)), c(x, 0)))(weak(2))), 3);
  });
});

describe('derivative conventions at kinks (SEMANTICS §2.7)', () => {
  it('d|x|/dx at 0 is +1', () => {
    assert.equal(scalar(grad(lax.abs)(weak(0))), 1);
    assert.equal(scalar(fwd(lax.abs)(weak(0))), 1);
  });

  it('maximum and minimum ties split the derivative in halves', () => {
    const gx = grad((x) => lax.max(x, c(x, 1)))(weak(1));
    assert.equal(scalar(gx), 0.5);
    assert.equal(scalar(grad((x) => lax.min(x, c(x, 1)))(weak(1))), 0.5);
    assert.equal(scalar(grad((x) => lax.max(x, x))(weak(1))), 1);
    assert.equal(scalar(grad((x) => lax.max(x, c(x, 1)))(weak(2))), 1);
    assert.equal(scalar(grad((x) => lax.max(x, c(x, 1)))(weak(0))), 0);
  });

  it('sqrt at 0 has derivative inf', () => {
    assert.equal(scalar(grad(lax.sqrt)(weak(0))), Infinity);
  });

  it('lax.pow(0., 0.): the derivative in x is NaN; in y it is log(1)·1 = 0', () => {
    close(scalar(grad((x) => lax.pow(x, c(x, 0)))(weak(0))), NaN);
    assert.equal(scalar(grad((y) => lax.pow(c(y, 0), y))(weak(0))), 0);
  });

  it('integer_pow is differentiable at 0', () => {
    assert.equal(scalar(grad((x) => lax.integerPow(x, 2))(weak(0))), 0);
    assert.equal(scalar(grad((x) => lax.integerPow(x, 1))(weak(0))), 1);
    assert.equal(scalar(grad((x) => lax.integerPow(x, 0))(weak(0))), 0);
  });

  it('select(x > 0, log(x), 0) at 0 leaks NaN into the gradient (the where trap)', () => {
    const f = (x: Value) => lax.select(lax.gt(x, c(x, 0)), lax.log(x), c(x, 0));
    close(scalar(grad(f)(weak(0))), NaN);
    // The documented fix: make the argument safe before log.
    const safe = (x: Value) => {
      const pos = lax.gt(x, c(x, 0));
      return lax.select(pos, lax.log(lax.select(pos, x, c(x, 1))), c(x, 0));
    };
    assert.equal(scalar(grad(safe)(weak(0))), 0);
  });

  it('clamp passes the derivative strictly inside the bounds only', () => {
    const f = (x: Value) => lax.clamp(c(x, -1), x, c(x, 1));
    assert.equal(scalar(grad(f)(weak(0.5))), 1);
    assert.equal(scalar(grad(f)(weak(2))), 0);
    assert.equal(scalar(grad(f)(weak(1))), 0);
  });
});

describe('integer bit primitives', () => {
  const i32 = (v: number[]) => arr(v, 'int32');
  it('shifts, population count and leading zeros (closed forms)', () => {
    assert.deepEqual(values(lax.shiftLeft(i32([1, 2, 8]), i32([1, 1, 2]))), [2, 4, 32]);
    assert.deepEqual(values(lax.shiftRightLogical(i32([1, 2, 8]), i32([1, 1, 2]))), [0, 1, 2]);
    assert.deepEqual(values(lax.shiftRightArithmetic(i32([-8]), i32([1]))), [-4]);
    assert.deepEqual(values(lax.populationCount(i32([7, 8]))), [3, 1]);
    assert.deepEqual(values(lax.clz(i32([1]))), [31]);
  });
});
