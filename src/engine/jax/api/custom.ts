// jax.custom_jvp and jax.custom_vjp for Python functions, on the autodiff layer's
// custom_jvp_call / custom_vjp_call primitives. Arguments and results are pytrees of arrays;
// `nondiff_argnums` arguments are passed through unchanged (first, to the rules, as in JAX).
//
//   @jax.custom_jvp            @jax.custom_vjp
//   def f(x): ...              def f(x): ...
//   @f.defjvp                  f.defvjp(f_fwd, f_bwd)   # f_fwd(x) -> (out, res);
//   def f_jvp(primals, tangents): ...   -> (out, tangent_out)  f_bwd(res, g) -> tuple per arg

import { NDArray } from '../../array/ndarray';
import { type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { PyError, notSupported, typeError } from '../../errors';
import { type Kwargs, None, objectClass, PyClass, PyNativeFunction, PyObject, PyTuple } from '../../interp/object';
import { callObject, pyRepr, pyTuple, toIndexNumber, toArray } from '../../interp/protocol';
import { JaxArray, wrap } from '../array';
import { toValue, typeRepr } from '../coerce';
import { Float0Array } from '../float0';
import { flatten, type TreeDef, unflatten } from '../pytree';
import { checkCallable } from './checks';

const customJvpClass = new PyClass('custom_jvp', [objectClass], 'jax');
const customVjpClass = new PyClass('custom_vjp', [objectClass], 'jax');

class CustomFunction extends PyObject {
  jvp?: PyObject;
  /** defjvps: one rule per differentiable argument (None: no contribution). */
  jvps?: PyObject[];
  fwd?: PyObject;
  bwd?: PyObject;
  constructor(
    readonly kind: 'jvp' | 'vjp',
    readonly fun: PyObject,
    readonly nondiff: number[],
  ) {
    super();
  }
  get cls(): PyClass {
    return this.kind === 'jvp' ? customJvpClass : customVjpClass;
  }
}

function leafValue(leaf: PyObject): Value {
  const v = toValue(leaf);
  if (!v) throw typeError(`Value ${pyRepr(leaf)} with type ${typeRepr(leaf)} is not a valid JAX type`);
  return v;
}

/** Splits positional args into static (nondiff) ones and flattened differentiable leaves. */
function split(f: CustomFunction, args: PyObject[]) {
  const dynIdx = args.map((_, i) => i).filter((i) => !f.nondiff.includes(i));
  const flats = dynIdx.map((i) => flatten(args[i]));
  const values = flats.flatMap((fl) => fl.leaves.map(leafValue));
  const statics = f.nondiff.map((i) => args[i]);
  /** Rebuilds the differentiable args (as trees) from flat values. */
  const rebuild = (xs: readonly PyObject[]): PyObject[] => {
    let k = 0;
    return flats.map((fl) => {
      const t = unflatten(fl.def, xs.slice(k, k + fl.leaves.length));
      k += fl.leaves.length;
      return t;
    });
  };
  /** All positional args in order, with differentiable ones replaced. */
  const callArgs = (dyn: PyObject[]): PyObject[] => {
    const out = [...args];
    dynIdx.forEach((i, j) => (out[i] = dyn[j]));
    return out;
  };
  return { values, statics, rebuild, callArgs, flats };
}

const asPy = (v: Value): PyObject => (v instanceof NDArray && v.dtype === 'float0' ? new Float0Array(v.shape) : wrap(v));

function pair(ans: PyObject, what: string): readonly PyObject[] {
  const items = ans instanceof PyTuple || ans.cls.name === 'list' ? toArray(ans) : [];
  if (items.length !== 2) throw typeError(`${what} must produce a pair (list or tuple of length two), got ${pyRepr(ans)}`);
  return items;
}

function callJvp(f: CustomFunction, args: PyObject[]): PyObject {
  if (!f.jvp && !f.jvps) throw new PyError('AttributeError', `No JVP defined for custom_jvp function ${fnName(f.fun)} using defjvp.`);
  const s = split(f, args);
  let outDef: TreeDef = { kind: 'leaf' };
  const record = (out: PyObject): Value[] => {
    const fo = flatten(out);
    outDef = fo.def;
    return fo.leaves.map(leafValue);
  };
  const fn = (xs: Value[]) => record(callObject(f.fun, s.callArgs(s.rebuild(xs.map(wrap)))));
  const rule = (primals: Value[], tangents: Value[]) => {
    if (f.jvps) return defjvpsRule(f, s, primals, tangents, record);
    const p = pyTuple(s.rebuild(primals.map(wrap)));
    const t = pyTuple(s.rebuild(tangents.map(asPy)));
    const [out, tan] = pair(callObject(f.jvp!, [...s.statics, p, t]), 'Custom JVP rule');
    const primalsOut = record(out);
    const tangentsOut = flatten(tan).leaves.map(leafValue);
    return { primalsOut, tangentsOut };
  };
  const outs = lax.customJvpCall(fn, rule, s.values);
  return unflatten(outDef, outs.map(wrap));
}

/** The rule `defjvps` defines: the sum over arguments of jvp_i(t_i, ans, *primals). */
function defjvpsRule(
  f: CustomFunction,
  s: ReturnType<typeof split>,
  primals: Value[],
  tangents: Value[],
  record: (out: PyObject) => Value[],
): { primalsOut: Value[]; tangentsOut: Value[] } {
  const p = s.rebuild(primals.map(wrap));
  const t = s.rebuild(tangents.map(asPy));
  const ans = callObject(f.fun, s.callArgs(p));
  const primalsOut = record(ans);
  let acc: Value[] | undefined;
  f.jvps!.forEach((rule, i) => {
    if (rule === None || i >= t.length) return;
    const leaves = flatten(callObject(rule, [t[i], ans, ...s.statics, ...p])).leaves.map(leafValue);
    acc = acc ? acc.map((a, k) => lax.add(a, leaves[k])) : leaves;
  });
  return { primalsOut, tangentsOut: acc ?? primalsOut.map((v) => lax.zerosLike(v)) };
}

function callVjp(f: CustomFunction, args: PyObject[]): PyObject {
  if (!f.fwd || !f.bwd) throw new PyError('AttributeError', `No VJP defined for custom_vjp function ${fnName(f.fun)} using defvjp.`);
  const s = split(f, args);
  let outDef: TreeDef = { kind: 'leaf' };
  let resDef: TreeDef = { kind: 'none' };
  let resLeaves: PyObject[] = [];
  const record = (out: PyObject): Value[] => {
    const fo = flatten(out);
    outDef = fo.def;
    return fo.leaves.map(leafValue);
  };
  const fn = (xs: Value[]) => record(callObject(f.fun, s.callArgs(s.rebuild(xs.map(wrap)))));
  const fwd = (xs: Value[]) => {
    const [out, res] = pair(callObject(f.fwd!, s.callArgs(s.rebuild(xs.map(wrap)))), 'Custom VJP fwd rule');
    const fr = flatten(res);
    resDef = fr.def;
    resLeaves = fr.leaves;
    // Array residuals travel as Values; other Python objects are kept here as they are.
    const residuals = fr.leaves.filter((l) => l instanceof JaxArray).map((l) => (l as JaxArray).value);
    return { outs: record(out), residuals };
  };
  const bwd = (residuals: Value[], cts: Value[]) => {
    let r = 0;
    const res = unflatten(resDef, resLeaves.map((l) => (l instanceof JaxArray ? wrap(residuals[r++]) : l)));
    const g = unflatten(outDef, cts.map(asPy));
    const ans = callObject(f.bwd!, [...s.statics, res, g]);
    const items = ans instanceof PyTuple ? ans.items : [];
    if (items.length !== s.flats.length) {
      throw typeError(
        `Custom VJP bwd rule must produce an output with the same container (pytree) structure as the args tuple of the primal function, ` +
          `and in particular must produce a tuple of length equal to the number of arguments to the primal function, but got bwd output structure with ${items.length} elements for ${s.flats.length} arguments.`,
      );
    }
    return items.flatMap((item, j) => {
      if (item === None) return s.flats[j].leaves.map(() => null);
      return flatten(item).leaves.map((l) => (l === None ? null : leafValue(l)));
    });
  };
  const outs = lax.customVjpCall(fn, fwd, bwd, s.values);
  return unflatten(outDef, outs.map(wrap));
}

function fnName(o: PyObject): string {
  return (o as { name?: string }).name ?? pyRepr(o);
}

customJvpClass.slots.call = (self, args, kwargs) => {
  if (kwargs.size) throw notSupported('keyword arguments to a custom_jvp function');
  return callJvp(self as CustomFunction, args);
};
customVjpClass.slots.call = (self, args, kwargs) => {
  if (kwargs.size) throw notSupported('keyword arguments to a custom_vjp function');
  return callVjp(self as CustomFunction, args);
};
customJvpClass.slots.repr = (self) => `<jax.custom_jvp ${fnName((self as CustomFunction).fun)}>`;
customVjpClass.slots.repr = (self) => `<jax.custom_vjp ${fnName((self as CustomFunction).fun)}>`;

customJvpClass.attrs.set(
  'defjvp',
  new PyNativeFunction('defjvp', (args) => {
    const [self, rule] = args as [CustomFunction, PyObject];
    checkCallable(rule);
    self.jvp = rule;
    return rule;
  }),
);
customJvpClass.attrs.set(
  'defjvps',
  new PyNativeFunction('defjvps', (args) => {
    const [self, ...rules] = args as [CustomFunction, ...PyObject[]];
    self.jvps = rules;
    return None;
  }),
);
customVjpClass.attrs.set(
  'defvjp',
  new PyNativeFunction('defvjp', (args) => {
    const [self, fwd, bwd] = args as [CustomFunction, PyObject, PyObject];
    checkCallable(fwd);
    checkCallable(bwd);
    self.fwd = fwd;
    self.bwd = bwd;
    return None;
  }),
);

/** `jax.custom_jvp(fun, nondiff_argnums=())` and `jax.custom_vjp(...)` (also as decorators). */
export function makeCustom(kind: 'jvp' | 'vjp') {
  return (args: PyObject[], kwargs: Kwargs): PyObject => {
    const fun = args[0];
    if (!fun) throw typeError(`custom_${kind}() missing 1 required positional argument: 'fun'`);
    const nd = args[1] ?? kwargs.get('nondiff_argnums');
    const nondiff = nd && nd !== None ? toArray(nd).map(toIndexNumber) : [];
    return new CustomFunction(kind, fun, nondiff);
  };
}
