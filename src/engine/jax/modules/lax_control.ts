// jax.lax control flow: cond, switch, while_loop, fori_loop, scan, map.
// With concrete control values (eagerly, or under grad, whose tracers carry their primal) cond
// and switch take one branch and fori_loop runs in Python, differentiated like straight-line
// code, with the values JAX computes. With abstract ones (jit, vmap) cond/switch trace every
// branch and select among their outputs (JAX's batched cond), and while_loop/fori_loop bind
// the `while` primitive, which works under jit and vmap and is forward-differentiable; reverse
// mode raises JAX's error, as in JAX.

import * as K from '../../array/kernels';
import { type AVal } from '../../array/dtype';
import { avalOf, concreteValue, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { whileLoop } from '../../autodiff/primitives/control';
import { shortType } from '../../autodiff/tracer';
import { typeError, valueError } from '../../errors';
import { None, PyNativeFunction, type PyObject, PyTuple } from '../../interp/object';
import { callObject, pyTuple, toArray, toIndexNumber, truthy } from '../../interp/protocol';
import { wrap, JaxArray } from '../array';
import { toValue } from '../coerce';
import { getIndex } from '../indexing';
import { flatten, type TreeDef, treeDefRepr, unflatten } from '../pytree';

/** The control value as a Value (Python scalars become weak 0-d arrays). */
function controlValue(o: PyObject): Value {
  const v = toValue(o);
  if (!v) throw typeError(`Pred type must be either boolean or number, got ${pyTuple([o]).items[0].cls.name}.`);
  return v;
}

/** The number behind a concrete control value, or undefined when it is abstract (jit/vmap). */
function concreteNumber(v: Value): number | undefined {
  const c = concreteValue(v);
  if (!c) return undefined;
  const s = K.getScalar(c, 0);
  return typeof s === 'object' ? s.re : Number(s);
}

function checkScalar(v: Value, what: string): void {
  const a = avalOf(v);
  if (a.shape.length !== 0) throw typeError(`${what} must be a scalar, got ${shortType(a)}.`);
}

/** Flattens a pytree of arrays into Values. */
function flatValues(tree: PyObject, what: string): { def: TreeDef; values: Value[] } {
  const { def, leaves } = flatten(tree);
  return {
    def,
    values: leaves.map((l) => {
      const v = toValue(l);
      if (!v) throw typeError(`${what} must be a pytree of arrays, got a leaf of type ${l.cls.name}`);
      return v;
    }),
  };
}

const sameType = (a: AVal, b: AVal) => a.dtype === b.dtype && a.shape.join() === b.shape.join();

/** Branch outputs selected by `index` (int32 0-d, clamped), keeping one tree and type. */
function selectBranches(index: Value, outs: PyObject[], what: string): PyObject {
  const flats = outs.map((o) => flatValues(o, `${what} output`));
  const def = flats[0].def;
  for (const f of flats.slice(1)) {
    if (treeDefRepr(f.def) !== treeDefRepr(def)) {
      throw typeError(`${what} branch outputs must have the same pytree structure, got ${treeDefRepr(def)} and ${treeDefRepr(f.def)}.`);
    }
    f.values.forEach((v, i) => {
      const a = avalOf(v);
      const b = avalOf(flats[0].values[i]);
      if (!sameType(a, b)) throw typeError(`${what} branches must have identical output types, got ${shortType(b)} and ${shortType(a)}.`);
    });
  }
  const leaves = flats[0].values.map((_, i) => {
    // A weak type survives only when every branch gives one (JAX promotes weak outputs).
    const weak = flats.every((f) => avalOf(f.values[i]).weakType);
    const vs = flats.map((f) => (avalOf(f.values[i]).weakType && !weak ? lax.convertElementType(f.values[i], avalOf(f.values[i]).dtype, false) : f.values[i]));
    let out = vs[0];
    for (let k = 1; k < vs.length; k++) out = lax.select(lax.ge(index, lax.scalarLike(index, k)), vs[k], out);
    return wrap(out);
  });
  return unflatten(def, leaves);
}

const fnOf = (name: string, f: (args: PyObject[]) => PyObject) => new PyNativeFunction(name, (args) => f(args), `jax.lax.${name}`);

export const cond = fnOf('cond', (args) => {
  const [pred, onTrue, onFalse, ...operands] = args;
  if (!onFalse) throw typeError('cond() missing required arguments: true_fun and false_fun');
  const p = controlValue(pred);
  checkScalar(p, 'Pred');
  const known = concreteNumber(p);
  if (known !== undefined) return callObject(known ? onTrue : onFalse, operands);
  const index = lax.convertElementType(lax.ne(p, lax.scalarLike(p, 0)), 'int32', false);
  return selectBranches(index, [callObject(onFalse, operands), callObject(onTrue, operands)], 'cond');
});

export const switchFn = fnOf('switch', (args) => {
  const [index, branches, ...operands] = args;
  const list = toArray(branches);
  if (list.length === 0) throw valueError('Empty branch sequence');
  const v = controlValue(index);
  checkScalar(v, 'Branch index');
  const known = concreteNumber(v);
  if (known !== undefined) return callObject(list[Math.min(Math.max(Math.trunc(known), 0), list.length - 1)], operands);
  const i = lax.clamp(lax.scalarLike(v, 0), v, lax.scalarLike(v, list.length - 1));
  return selectBranches(lax.convertElementType(i, 'int32', false), list.map((b) => callObject(b, operands)), 'switch');
});

/** lax.while_loop(cond_fun, body_fun, init_val) on the `while` primitive. */
function runWhile(condFun: PyObject, bodyFun: PyObject, init: PyObject): PyObject {
  const { def, values } = flatValues(init, 'while_loop init_val');
  const tree = (xs: Value[]) => unflatten(def, xs.map(wrap));
  const cond = (xs: Value[]) => {
    const p = toValue(callObject(condFun, [tree(xs)]));
    const a = p && avalOf(p);
    if (!p || !a || a.shape.length !== 0 || a.dtype !== 'bool') {
      throw typeError(`cond_fun must return a boolean scalar, but got output type(s) [${a ? `ShapedArray(${shortType(a)})` : 'a non-array'}].`);
    }
    return [p];
  };
  const body = (xs: Value[]) => {
    const out = flatValues(callObject(bodyFun, [tree(xs)]), 'while_loop body_fun output');
    if (treeDefRepr(out.def) !== treeDefRepr(def)) {
      throw typeError(`body_fun output and input must have the same pytree structure, got ${treeDefRepr(out.def)} and ${treeDefRepr(def)}.`);
    }
    out.values.forEach((v, i) => {
      if (!sameType(avalOf(v), avalOf(xs[i]))) {
        throw typeError(`body_fun output and input must have identical types, got ${shortType(avalOf(v))} and ${shortType(avalOf(xs[i]))}.`);
      }
    });
    // A weakly typed init whose body output is strong is promoted (JAX's _promote_weak_typed_inputs).
    return out.values.map((v, i) => (avalOf(xs[i]).weakType === avalOf(v).weakType ? v : lax.convertElementType(v, avalOf(v).dtype, avalOf(xs[i]).weakType)));
  };
  const outs = whileLoop(cond, body, values);
  return tree(outs);
}

export const whileLoopFn = fnOf('while_loop', (args) => {
  const [condFun, bodyFun, init] = args;
  if (init === undefined) throw typeError("while_loop() missing required arguments: 'body_fun' and 'init_val'");
  return runWhile(condFun, bodyFun, init);
});

const loopIndex = (i: number) => wrap(K.full('int32', [], i, true));

export const foriLoop = fnOf('fori_loop', (args) => {
  const [lower, upper, body, init] = args;
  const lo = controlValue(lower);
  const hi = controlValue(upper);
  const l = concreteNumber(lo);
  const h = concreteNumber(hi);
  if (l !== undefined && h !== undefined) {
    // Static trip count: JAX lowers to scan, which reverse mode differentiates.
    let val = init;
    for (let i = l; i < h; i++) val = callObject(body, [loopIndex(i), val]);
    return val;
  }
  // Dynamic bounds: a while loop over (i, upper, val), as JAX's fori_loop does.
  const step = new PyNativeFunction('_fori_body', (xs) => {
    const [i, u, val] = (xs[0] as PyTuple).items;
    const iv = toValue(i)!;
    return pyTuple([wrap(lax.add(iv, lax.scalarLike(iv, 1))), u, callObject(body, [i, val])]);
  });
  const test = new PyNativeFunction('_fori_cond', (xs) => {
    const [i, u] = (xs[0] as PyTuple).items;
    return wrap(lax.lt(toValue(i)!, toValue(u)!));
  });
  const [loVal, hiVal] = sameType(avalOf(lo), avalOf(hi)) ? [lo, hi] : [lax.convertElementType(lo, 'int32', false), lax.convertElementType(hi, 'int32', false)];
  const out = runWhile(test, step, pyTuple([wrap(loVal), wrap(hiVal), init]));
  return (out as PyTuple).items[2];
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

