// jax.grad and jax.value_and_grad over Python functions and pytrees, in JAX's order of checks
// (SEMANTICS §1.0): callable and argnums when the transform is built; at call time the
// positional count, argnums bounds, each input leaf's dtype, tracing (has_aux shape checked
// inside), the scalar output, the output dtype; then the pullback of a ones cotangent.

import { NDArray } from '../../array/ndarray';
import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { vjp } from '../../autodiff/transforms';
import { typeError } from '../../errors';
import { type Kwargs, PyNativeFunction, type PyObject } from '../../interp/object';
import { callObject, pyRepr, pyTuple, truthy } from '../../interp/protocol';
import { type Bound, isNone } from '../args';
import { JaxArray, wrap } from '../array';
import { toValue, typeRepr } from '../coerce';
import { Float0Array } from '../float0';
import { flatten, type TreeDef, unflatten } from '../pytree';
import { type Argnums, checkEnoughArgs, ensureIndex, ensureInbounds } from './argnums';
import { checkAuxPair, checkCallable, checkInputDtype, checkOutputDtype, checkScalarShape, notScalarError } from './checks';

export interface GradOptions {
  argnums: Argnums;
  hasAux: boolean;
  holomorphic: boolean;
  allowInt: boolean;
}

/** Reads the keyword options of grad/value_and_grad and runs the construction-time checks. */
export function gradOptions(b: Bound): { fun: PyObject; opts: GradOptions } {
  checkCallable(b.fun);
  const flag = (o: PyObject) => !isNone(o) && truthy(o);
  return {
    fun: b.fun,
    opts: {
      argnums: isNone(b.argnums) ? 0 : ensureIndex(b.argnums),
      hasAux: flag(b.has_aux),
      holomorphic: flag(b.holomorphic),
      allowInt: flag(b.allow_int),
    },
  };
}

export const GRAD_PARAMS = ['fun', 'argnums?', 'has_aux?', 'holomorphic?', 'allow_int?', 'reduce_axes?'];

/** Wraps a gradient or primal Value for Python: float0 zeros become NumPy float0 arrays. */
function toPython(v: Value): PyObject {
  if (v instanceof NDArray && v.dtype === 'float0') return new Float0Array(v.shape);
  return wrap(v);
}

function outputValue(leaf: PyObject): Value {
  const v = toValue(leaf);
  if (v === undefined) throw typeError(`Value ${pyRepr(leaf)} with type ${typeRepr(leaf)} is not a valid JAX type`);
  return v;
}

/** One evaluation: returns [value, grads, aux]. */
export function valueAndGrad(
  name: string,
  fun: PyObject,
  opts: GradOptions,
  args: PyObject[],
  kwargs: Kwargs,
): { value: PyObject; grad: PyObject; aux: PyObject | undefined } {
  checkEnoughArgs(opts.argnums, args.length);
  const positions = ensureInbounds(opts.argnums, args.length);
  const dyn = positions.map((i) => flatten(args[i]));
  for (const d of dyn) for (const leaf of d.leaves) checkInputDtype(name, opts.holomorphic, opts.allowInt, leaf);
  const primals = dyn.flatMap((d) => d.leaves.map((l) => toValue(l)!));

  let outDef: TreeDef = { kind: 'leaf' };
  let auxDef: TreeDef | undefined;
  let auxLeaves: PyObject[] = [];
  const res = vjp((xs) => {
    const call = [...args];
    let k = 0;
    positions.forEach((argIndex, j) => {
      const n = dyn[j].leaves.length;
      // Duplicated argnums write the same slot twice: the last copy wins (JAX's argnums_partial).
      call[argIndex] = unflatten(dyn[j].def, xs.slice(k, k + n).map(wrap));
      k += n;
    });
    let ans = callObject(fun, call, kwargs);
    let auxValues: Value[] | undefined;
    if (opts.hasAux) {
      const [main, aux] = checkAuxPair(ans);
      ans = main;
      const fa = flatten(aux);
      auxDef = fa.def;
      auxLeaves = fa.leaves;
      auxValues = fa.leaves.filter((l) => l instanceof JaxArray).map((l) => (l as JaxArray).value);
    }
    const fo = flatten(ans);
    outDef = fo.def;
    return { outs: fo.leaves.map(outputValue), aux: auxValues };
  }, primals);

  const primalOut = unflatten(outDef, res.outs.map(wrap));
  if (outDef.kind !== 'leaf') throw notScalarError(primalOut);
  const outAval = avalOf(res.outs[0]);
  checkScalarShape(outAval.shape);
  checkOutputDtype(name, opts.holomorphic, outAval.dtype);

  const cts = res.pullback([lax.onesLike(outAval)]);
  let k = 0;
  const trees = dyn.map((d) => {
    const n = d.leaves.length;
    const t = unflatten(d.def, cts.slice(k, k + n).map(toPython));
    k += n;
    return t;
  });
  const grad = typeof opts.argnums === 'number' ? trees[0] : pyTuple(trees);

  let aux: PyObject | undefined;
  if (auxDef) {
    let a = 0;
    const stripped = auxLeaves.map((l) => (l instanceof JaxArray ? wrap(res.aux![a++]) : l));
    aux = unflatten(auxDef, stripped);
  }
  return { value: primalOut, grad, aux };
}

export function makeGrad(kind: 'grad' | 'value_and_grad', b: Bound): PyNativeFunction {
  const { fun, opts } = gradOptions(b);
  return new PyNativeFunction(`${kind}_f`, (args, kwargs) => {
    const r = valueAndGrad('grad', fun, opts, args, kwargs);
    if (kind === 'grad') return r.aux === undefined ? r.grad : pyTuple([r.grad, r.aux]);
    const value = r.aux === undefined ? r.value : pyTuple([r.value, r.aux]);
    return pyTuple([value, r.grad]);
  });
}
