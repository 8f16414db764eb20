// jax.lax: the lax functions users call directly. Unlike jax.numpy they do not promote dtypes
// between arrays (Python scalars are weak and take the other operand's dtype).

import { DTYPES } from '../../array/dtype';
import { avalOf, type Value } from '../../autodiff/core';
import * as L from '../../autodiff/lax';
import { typeError } from '../../errors';
import { PyModule, type PyObject } from '../../interp/object';
import { toIndexNumber } from '../../interp/protocol';
import { addAll, fn } from '../args';
import { JaxArray, wrap } from '../array';
import { arrayArgs, toValue } from '../coerce';
import { dtypeArgument } from '../dtypes';
import { treeMap } from '../pytree';
import { promoteDtypes, promoteShapes } from '../promote';
import * as jnpLinalg from '../numpy/linalg';
import { cond, foriLoop, mapFn, scan, switchFn, whileLoopFn } from './lax_control';

/** Operands of a lax n-ary op: weak scalars adapt, strong dtypes must already agree. */
function laxOperands(name: string, args: PyObject[]): Value[] {
  const vs = arrayArgs(name, args);
  const strong = vs.map(avalOf).filter((a) => !a.weakType);
  if (strong.some((a) => a.dtype !== strong[0].dtype)) {
    throw typeError(`${name} requires arguments to have the same dtypes, got ${vs.map((v) => avalOf(v).dtype).join(', ')}.`);
  }
  return promoteShapes(promoteDtypes(vs));
}

export function stopGradientTree(tree: PyObject): PyObject {
  return treeMap(tree, (leaf) => {
    const v = toValue(leaf);
    if (!v) return leaf;
    const k = DTYPES[avalOf(v).dtype].kind;
    return k === 'float' || k === 'complex' ? wrap(L.stopGradient(v)) : leaf instanceof JaxArray ? leaf : wrap(v);
  });
}

export function laxModule(): PyModule {
  const m = new PyModule('jax.lax');
  const unary: [string, (x: Value) => Value][] = [
    ['neg', L.neg], ['sign', L.sign], ['floor', L.floor], ['ceil', L.ceil], ['exp', L.exp], ['log', L.log],
    ['log1p', L.log1p], ['expm1', L.expm1], ['tanh', L.tanh], ['logistic', L.logistic], ['sin', L.sin],
    ['cos', L.cos], ['tan', L.tan], ['asin', L.asin], ['acos', L.acos], ['atan', L.atan], ['sinh', L.sinh],
    ['cosh', L.cosh], ['sqrt', L.sqrt], ['rsqrt', L.rsqrt], ['cbrt', L.cbrt], ['abs', L.abs], ['erf', L.erf],
    ['erfc', L.erfc], ['erf_inv', L.erfInv], ['lgamma', L.lgamma], ['digamma', L.digamma], ['real', L.real],
    ['imag', L.imag], ['conj', L.conj], ['square', L.square], ['is_finite', L.isFinite], ['bitwise_not', L.not],
  ];
  const binary: [string, (x: Value, y: Value) => Value][] = [
    ['add', L.add], ['sub', L.sub], ['mul', L.mul], ['div', L.div], ['rem', L.rem], ['pow', L.pow],
    ['max', L.max], ['min', L.min], ['atan2', L.atan2], ['nextafter', L.nextafter], ['eq', L.eq], ['ne', L.ne],
    ['lt', L.lt], ['le', L.le], ['gt', L.gt], ['ge', L.ge], ['bitwise_and', L.and], ['bitwise_or', L.or],
    ['bitwise_xor', L.xor],
  ];
  addAll(m, [
    ...unary.map(([n, f]) => fn('jax.lax', n, ['x'], (b) => wrap(f(laxOperands(n, [b.x])[0])))),
    ...binary.map(([n, f]) => fn('jax.lax', n, ['x', 'y'], (b) => wrap(f(...(laxOperands(n, [b.x, b.y]) as [Value, Value]))))),
    fn('jax.lax', 'integer_pow', ['x', 'y'], (b) => wrap(L.integerPow(laxOperands('integer_pow', [b.x])[0], toIndexNumber(b.y)))),
    fn('jax.lax', 'select', ['pred', 'on_true', 'on_false'], (b) => {
      const [p] = arrayArgs('select', [b.pred]);
      const [t, f] = laxOperands('select', [b.on_true, b.on_false]);
      return wrap(L.select(p, t, f));
    }),
    fn('jax.lax', 'clamp', ['min', 'x', 'max'], (b) => {
      const [lo, x, hi] = laxOperands('clamp', [b.min, b.x, b.max]);
      return wrap(L.clamp(lo, x, hi));
    }),
    fn('jax.lax', 'convert_element_type', ['operand', 'new_dtype'], (b) =>
      wrap(L.convertElementType(arrayArgs('convert_element_type', [b.operand])[0], dtypeArgument(b.new_dtype, 'convert_element_type')!, false)),
    ),
    fn('jax.lax', 'stop_gradient', ['x'], (b) => stopGradientTree(b.x)),
    fn('jax.lax', 'dot', ['lhs', 'rhs', 'precision?', 'preferred_element_type?'], (b) => wrap(jnpLinalg.dot(b.lhs, b.rhs))),
  ]);
  m.attrs.set('cond', cond);
  m.attrs.set('switch', switchFn);
  m.attrs.set('fori_loop', foriLoop);
  m.attrs.set('while_loop', whileLoopFn);
  m.attrs.set('scan', scan);
  m.attrs.set('map', mapFn);
  return m;
}
