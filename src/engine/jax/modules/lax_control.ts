// jax.lax control flow for concrete control values: cond, switch, fori_loop, scan, map.
// Under grad the predicate/index/bounds carry concrete values, so the branch or loop runs in
// Python and is differentiated like straight-line code, with the same values JAX computes.
// Under jit/vmap (abstract predicates) these need the staged control-flow primitives of the
// next issue and raise a NotImplementedError diagnostic instead of silently guessing.

import * as K from '../../array/kernels';
import { avalOf, concreteValue } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { notSupported, typeError, valueError } from '../../errors';
import { None, PyNativeFunction, type PyObject, PyTuple } from '../../interp/object';
import { callObject, pyTuple, toArray, toIndexNumber, truthy } from '../../interp/protocol';
import { wrap, JaxArray } from '../array';
import { toValue } from '../coerce';
import { getIndex } from '../indexing';
import { flatten, unflatten } from '../pytree';

function concreteScalar(o: PyObject, what: string): number {
  const v = toValue(o);
  if (!v) return toIndexNumber(o);
  const c = concreteValue(v);
  if (!c) throw notSupported(`jax.lax.${what} with a traced (abstract) ${what === 'cond' ? 'predicate' : 'index'}`);
  if (avalOf(v).shape.length !== 0) throw typeError(`Pred must be a scalar, got ${JSON.stringify(avalOf(v).shape)}`);
  const s = K.getScalar(c, 0);
  return typeof s === 'object' ? s.re : Number(s);
}

const fnOf = (name: string, f: (args: PyObject[]) => PyObject) => new PyNativeFunction(name, (args) => f(args), `jax.lax.${name}`);

export const cond = fnOf('cond', (args) => {
  const [pred, onTrue, onFalse, ...operands] = args;
  if (!onFalse) throw typeError('cond() missing required arguments: true_fun and false_fun');
  return callObject(concreteScalar(pred, 'cond') ? onTrue : onFalse, operands);
});

export const switchFn = fnOf('switch', (args) => {
  const [index, branches, ...operands] = args;
  const list = toArray(branches);
  const i = Math.min(Math.max(Math.trunc(concreteScalar(index, 'switch')), 0), list.length - 1);
  return callObject(list[i], operands);
});

const loopIndex = (i: number) => wrap(K.full('int32', [], i, true));

export const foriLoop = fnOf('fori_loop', (args) => {
  const [lower, upper, body, init] = args;
  const lo = concreteScalar(lower, 'fori_loop');
  const hi = concreteScalar(upper, 'fori_loop');
  let val = init;
  for (let i = lo; i < hi; i++) val = callObject(body, [loopIndex(i), val]);
  return val;
});

/** Stacks per-step pytrees along a new leading axis. */
function stackTrees(trees: PyObject[]): PyObject {
  const flats = trees.map((t) => flatten(t));
  const def = flats[0].def;
  const leaves = flats[0].leaves.map((_, k) => {
    const vs = flats.map((f) => {
      const v = toValue(f.leaves[k]);
      if (!v) throw typeError('scan body outputs must be arrays');
      return v;
    });
    const shape = avalOf(vs[0]).shape;
    return wrap(lax.concatenate(vs.map((v) => lax.reshape(v, [1, ...shape])), 0));
  });
  return unflatten(def, leaves);
}

export const scan = new PyNativeFunction(
  'scan',
  (args, kwargs) => {
    const [f, init, xsArg] = args;
    const xs = xsArg ?? kwargs.get('xs') ?? None;
    const lengthArg = args[3] ?? kwargs.get('length');
    const reverse = kwargs.has('reverse') && truthy(kwargs.get('reverse')!);
    const flat = flatten(xs);
    const lengths = flat.leaves.map((l) => avalOf(toValue(l)!).shape[0]);
    let n = lengths[0];
    if (lengthArg !== undefined && lengthArg !== None) n = toIndexNumber(lengthArg);
    if (n === undefined) throw valueError('scan got no values to scan over and `length` not provided.');
    if (lengths.some((d) => d !== n)) throw valueError(`scan got values with different leading axis sizes: ${lengths.join(', ')}.`);
    let carry = init;
    const ys: PyObject[] = new Array(n);
    for (let step = 0; step < n; step++) {
      const i = reverse ? n - 1 - step : step;
      const x = unflatten(flat.def, flat.leaves.map((l) => wrap(getIndex((l instanceof JaxArray ? l.value : toValue(l)!), loopIndex(i)))));
      const out = callObject(f, [carry, x]);
      const items = out instanceof PyTuple ? out.items : [];
      if (items.length !== 2) throw typeError('scan body function must return a pair (carry, y)');
      carry = items[0];
      ys[i] = items[1];
    }
    const ysTree = n === 0 || flatten(ys[0]).leaves.length === 0 ? (n === 0 ? None : ys[0]) : stackTrees(ys);
    return pyTuple([carry, ysTree]);
  },
  'jax.lax.scan',
);

export const mapFn = fnOf('map', (args) => {
  const [f, xs] = args;
  const flat = flatten(xs);
  const n = avalOf(toValue(flat.leaves[0])!).shape[0];
  const ys: PyObject[] = [];
  for (let i = 0; i < n; i++) {
    ys.push(callObject(f, [unflatten(flat.def, flat.leaves.map((l) => wrap(getIndex(toValue(l)!, loopIndex(i)))))]));
  }
  return stackTrees(ys);
});

