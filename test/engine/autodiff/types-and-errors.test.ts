// Dtypes and weak types of results and gradients (SEMANTICS §2.4), and the lax-level errors
// with JAX's texts (SEMANTICS §1.8, §1.12).
import * as assert from 'node:assert/strict';
import type { AVal } from '../../../src/engine/array/dtype';
import * as K from '../../../src/engine/array/kernels';
import { NDArray } from '../../../src/engine/array/ndarray';
import { PyError } from '../../../src/engine/errors';
import { avalOf, type Value } from '../../../src/engine/autodiff/core';
import * as lax from '../../../src/engine/autodiff/lax';
import { vjp } from '../../../src/engine/autodiff/transforms';
import { arr, grad, values, weak } from './helpers';

const typeOf = (v: Value): [string, boolean] => {
  const a: AVal = avalOf(v);
  return [a.dtype, a.weakType];
};

function raises(fn: () => unknown, pyType: string, message: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof PyError, `expected a PyError, got ${String(e)}`);
    assert.equal(e.pyType, pyType);
    assert.equal(e.message, message);
    return true;
  });
}

describe('weak types of results', () => {
  it('elementwise results are weak only when every operand is', () => {
    assert.deepEqual(typeOf(lax.add(weak(1), weak(2))), ['float32', true]);
    assert.deepEqual(typeOf(lax.add(weak(1), arr(2))), ['float32', false]);
    assert.deepEqual(typeOf(lax.lt(weak(1), weak(2))), ['bool', false]);
    assert.deepEqual(typeOf(lax.reduceSum(arr([1, 2], 'float32', true), [0])), ['float32', true]);
    assert.deepEqual(typeOf(lax.argmax(arr([1, 2], 'float32', true), 0, 'int32')), ['int32', false]);
  });
});

describe('dtype and weak type of gradients (SEMANTICS §2.4)', () => {
  it('grad(x**2)(3.0) is weak float32; at a strong float32 it is strong', () => {
    assert.deepEqual(typeOf(grad((x) => lax.integerPow(x, 2))(weak(3))), ['float32', true]);
    assert.deepEqual(typeOf(grad((x) => lax.integerPow(x, 2))(arr(3))), ['float32', false]);
  });

  it('grad(lambda s: (s * ones((2, 3))).sum())(2.0) is weak float32 6', () => {
    // The jax layer promotes the weak scalar with convert_element_type(weak -> strong).
    const ones = lax.full([2, 3], 1, 'float32');
    const f = (s: Value) => {
      const strong = lax.convertElementType(s, 'float32', false);
      return lax.reduceSum(lax.mul(lax.broadcastInDim(strong, [2, 3], []), ones), [0, 1]);
    };
    const g = grad(f)(weak(2));
    assert.deepEqual(typeOf(g), ['float32', true]);
    assert.deepEqual(values(g), [6]);
  });

  it('a weak scalar mixed with a strong array through 0-d broadcasting keeps its weak type', () => {
    const g = grad((s) => lax.reduceSum(lax.mul(s, arr([1, 2, 3])), [0]))(weak(2));
    assert.deepEqual(typeOf(g), ['float32', true]);
    assert.deepEqual(values(g), [6]);
  });

  it('a constant function has an instantiated zero gradient of the input type', () => {
    const g = grad(() => weak(1))(weak(2));
    assert.deepEqual(typeOf(g), ['float32', true]);
    assert.deepEqual(values(g), [0]);
  });

  it('a float16 input differentiated through float32 arithmetic gets a float16 gradient', () => {
    const x = K.full('float16', [], 1.5);
    const g = grad((v) => lax.integerPow(lax.convertElementType(v, 'float32', false), 2))(x);
    assert.deepEqual(typeOf(g), ['float16', false]);
    assert.deepEqual(values(g), [3]);
  });

  it('integer inputs get float0 zeros of their shape (allow_int)', () => {
    const { pullback } = vjp(
      (xs) => ({ outs: [lax.mul(lax.convertElementType(xs[0], 'float32', false), xs[1])] }),
      [arr([1, 2], 'int32'), arr([3, 4])],
    );
    const [gi, gf] = pullback([arr([1, 1])]);
    assert.equal(avalOf(gi).dtype, 'float0');
    assert.deepEqual(avalOf(gi).shape, [2]);
    assert.deepEqual(values(gf), [1, 2]);
  });

  it('aux outputs come back with the tracers stripped', () => {
    const seven = weak(7);
    const { aux } = vjp((xs) => ({ outs: [lax.sin(xs[0])], aux: [lax.mul(xs[0], xs[0]), seven] }), [weak(3)]);
    assert.ok(aux);
    assert.ok(aux[0] instanceof NDArray);
    assert.deepEqual(values(aux[0]), [9]);
    // A leaf that never touched a tracer comes back unchanged.
    assert.equal(aux[1], seven);
  });
});

describe('lax-level errors', () => {
  it('equal-rank shape mismatch is a TypeError naming the primitive', () => {
    raises(() => lax.add(arr([0, 0, 0]), arr([0, 0, 0, 0])), 'TypeError', 'add got incompatible shapes for broadcasting: (3,), (4,).');
    const m23 = lax.full([2, 3], 0, 'float32');
    const m24 = lax.full([2, 4], 0, 'float32');
    raises(() => lax.mul(m23, m24), 'TypeError', 'mul got incompatible shapes for broadcasting: (2, 3), (2, 4).');
    // Size-1 dimensions broadcast; only a 0-d operand may differ in rank.
    assert.deepEqual(avalOf(lax.mul(lax.full([1, 3], 0, 'float32'), lax.full([2, 1], 0, 'float32'))).shape, [2, 3]);
    raises(() => lax.mul(m23, arr([1, 2, 3])), 'TypeError', 'mul: arrays must have same number of dimensions, got (2, 3), (3,).');
  });

  it('the same error is raised under grad (abstract evaluation happens while tracing)', () => {
    raises(() => grad((x) => lax.reduceSum(lax.sub(x, arr([1, 2])), [0]))(arr([1, 2, 3])), 'TypeError', 'sub got incompatible shapes for broadcasting: (3,), (2,).');
  });

  it('dot_general contracting-size mismatch', () => {
    const dims = { contracting: [[0], [0]] as [number[], number[]], batch: [[], []] as [number[], number[]] };
    raises(
      () => lax.dotGeneral(arr([1, 2, 3]), arr([1, 2, 3, 4]), dims),
      'TypeError',
      'dot_general requires contracting dimensions to have the same shape, got (3,) and (4,).',
    );
  });

  it('float0 operands are rejected with the lax-level text', () => {
    const z = K.full('float0', [2], 0);
    raises(
      () => lax.add(arr([1, 2]), z),
      'TypeError',
      'Called add with a float0 at position 1. float0s do not support any operations by design, because they are not compatible with non-trivial vector spaces. No implicit dtype conversion is done. You can use np.zeros_like(arr, dtype=np.float) to cast a float0 array to a regular zeros array. \nIf you didn\'t expect to get a float0 you might have accidentally taken a gradient with respect to an integer argument.',
    );
  });

  it('mixed dtypes are rejected with the tip to use jnp (lax.add(1, 1.0))', () => {
    raises(
      () => lax.add(K.full('int32', [], 1, true), weak(1)),
      'TypeError',
      'lax.add requires arguments to have the same dtypes, got int32, float32. (Tip: jnp.add is a similar function that does automatic type promotion on inputs).',
    );
  });

  it('integer_pow of an integer to a negative power', () => {
    raises(() => lax.integerPow(arr([2], 'int32'), -1), 'TypeError', 'Integers cannot be raised to negative powers, got integer_pow(int32[1], -1)');
  });
});
