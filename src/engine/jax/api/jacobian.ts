// jax.jacrev / jax.jacobian (reverse mode, one pullback per output element), jax.jacfwd
// (forward mode, one jvp per input element) and jax.hessian = jacfwd(jacrev). Result trees are
// "output tree of (input tree)" (SEMANTICS §2.4); jacrev casts to the input leaf's dtype and
// weak type, jacfwd to the output leaf's. Input checks as in JAX: jacrev shares grad's (with
// its name), jacfwd has its own real-input rule and no allow_int.

import { DTYPES, type AVal } from '../../array/dtype';
import * as K from '../../array/kernels';
import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { jvp, vjp } from '../../autodiff/transforms';
import { typeError } from '../../errors';
import { type Kwargs, PyNativeFunction, type PyObject } from '../../interp/object';
import { callObject, pyRepr, pyTuple } from '../../interp/protocol';
import { type Bound } from '../args';
import { JaxArray, wrap } from '../array';
import { toValue, typeRepr } from '../coerce';
import { flatten, type TreeDef, unflatten } from '../pytree';
import { ensureInbounds } from './argnums';
import { checkAuxPair, checkInputDtype, checkOutputDtype, leafDtype } from './checks';
import { gradOptions, type GradOptions } from './grad';

const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/** A one-hot array of aval `a` with a 1 at flat position k (a fresh, unshared allocation). */
function basis(a: AVal, k: number): Value {
  const out = K.full(a.dtype, a.shape, 0, a.weakType);
  out.data[DTYPES[a.dtype].kind === 'complex' ? 2 * k : k] = 1;
  return out;
}

interface Traced {
  positions: number[];
  dyn: { leaves: PyObject[]; def: TreeDef }[];
  primals: Value[];
  outDef: TreeDef;
  auxDef?: TreeDef;
  auxLeaves: PyObject[];
}

function prepare(opts: GradOptions, args: PyObject[], check: (leaf: PyObject) => void): Traced {
  const positions = ensureInbounds(opts.argnums, args.length);
  const dyn = positions.map((i) => flatten(args[i]));
  for (const d of dyn) for (const leaf of d.leaves) check(leaf);
  return { positions, dyn, primals: dyn.flatMap((d) => d.leaves.map((l) => toValue(l)!)), outDef: { kind: 'leaf' }, auxLeaves: [] };
}

/** The flat function transforms.vjp/jvp trace: rebuilds the arguments, calls, flattens. */
function flatFn(fun: PyObject, opts: GradOptions, args: PyObject[], kwargs: Kwargs, t: Traced) {
  return (xs: Value[]) => {
    const call = [...args];
    let k = 0;
    t.positions.forEach((argIndex, j) => {
      const n = t.dyn[j].leaves.length;
      call[argIndex] = unflatten(t.dyn[j].def, xs.slice(k, k + n).map(wrap));
      k += n;
    });
    let ans = callObject(fun, call, kwargs);
    let aux: Value[] | undefined;
    if (opts.hasAux) {
      const [main, a] = checkAuxPair(ans);
      ans = main;
      const fa = flatten(a);
      t.auxDef = fa.def;
      t.auxLeaves = fa.leaves;
      aux = fa.leaves.filter((l) => l instanceof JaxArray).map((l) => (l as JaxArray).value);
    }
    const fo = flatten(ans);
    t.outDef = fo.def;
    const outs = fo.leaves.map((leaf) => {
      const v = toValue(leaf);
      if (v === undefined) throw typeError(`Value ${pyRepr(leaf)} with type ${typeRepr(leaf)} is not a valid JAX type`);
      return v;
    });
    return { outs, aux };
  };
}

/** Assembles per-(output leaf, input leaf) blocks into output tree of (input tree(s)). */
function assemble(t: Traced, opts: GradOptions, block: (o: number, i: number) => Value): PyObject {
  const nOut = countLeaves(t.outDef);
  const outLeaves: PyObject[] = [];
  for (let o = 0; o < nOut; o++) {
    let i = 0;
    const perArg = t.dyn.map((d) => unflatten(d.def, d.leaves.map(() => wrap(block(o, i++)))));
    outLeaves.push(typeof opts.argnums === 'number' ? perArg[0] : pyTuple(perArg));
  }
  return unflatten(t.outDef, outLeaves);
}

function countLeaves(def: TreeDef): number {
  return def.kind === 'leaf' ? 1 : def.kind === 'none' ? 0 : def.children.reduce((n, c) => n + countLeaves(c), 0);
}

function withAux(t: Traced, jac: PyObject, auxValues: Value[] | undefined): PyObject {
  if (!t.auxDef) return jac;
  let a = 0;
  const aux = unflatten(t.auxDef, t.auxLeaves.map((l) => (l instanceof JaxArray ? wrap(auxValues![a++]) : l)));
  return pyTuple([jac, aux]);
}

export function jacrevCall(fun: PyObject, opts: GradOptions, args: PyObject[], kwargs: Kwargs): PyObject {
  const t = prepare(opts, args, (leaf) => checkInputDtype('jacrev', opts.holomorphic, opts.allowInt, leaf));
  const res = vjp(flatFn(fun, opts, args, kwargs, t), t.primals);
  const outAvals = res.outs.map(avalOf);
  for (const a of outAvals) checkOutputDtype('jacrev', opts.holomorphic, a.dtype);
  const inAvals = t.primals.map(avalOf);
  // rows[o][i]: cotangents of input leaf i, one per element of output leaf o.
  const rows = outAvals.map((oa, o) => {
    const cts: Value[][] = [];
    for (let k = 0; k < size(oa.shape); k++) {
      cts.push(res.pullback(outAvals.map((a, p) => (p === o ? basis(a, k) : lax.zerosLike(a)))));
    }
    return cts;
  });
  const jac = assemble(t, opts, (o, i) => {
    const ia = inAvals[i];
    const oShape = outAvals[o].shape;
    if (rows[o].length === 0) return lax.full([...oShape, ...ia.shape], 0, ia.dtype, ia.weakType);
    const stacked = lax.concatenate(rows[o].map((r) => lax.reshape(r[i], [1, ...ia.shape])), 0);
    return lax.reshape(stacked, [...oShape, ...ia.shape]);
  });
  return withAux(t, jac, res.aux);
}

function checkJacfwdInput(holomorphic: boolean, leaf: PyObject): void {
  const d = leafDtype(leaf);
  const kind = DTYPES[d].kind;
  if (holomorphic) {
    if (kind !== 'complex') throw typeError(`jacfwd with holomorphic=True requires inputs with complex dtype, but got ${d}.`);
  } else if (kind !== 'float') {
    throw typeError(
      `jacfwd requires real-valued inputs (input dtype that is a sub-dtype of np.floating), but got ${d}. ` +
        'For holomorphic differentiation, pass holomorphic=True. For differentiation of non-holomorphic functions ' +
        'involving complex inputs or integer inputs, use jax.jvp directly.',
    );
  }
}

export function jacfwdCall(fun: PyObject, opts: GradOptions, args: PyObject[], kwargs: Kwargs): PyObject {
  const t = prepare(opts, args, (leaf) => checkJacfwdInput(opts.holomorphic, leaf));
  const inAvals = t.primals.map(avalOf);
  // cols[i][k]: output tangents for the k-th basis direction of input leaf i.
  let outAvals: AVal[] = [];
  let auxValues: Value[] | undefined;
  const cols = inAvals.map((ia, i) => {
    const list: Value[][] = [];
    for (let k = 0; k < size(ia.shape); k++) {
      const r = jvp(flatFn(fun, opts, args, kwargs, t), t.primals, inAvals.map((a, p) => (p === i ? basis(a, k) : null)));
      outAvals = r.outs.map(avalOf);
      auxValues = r.aux;
      list.push(r.tangentsOut);
    }
    return list;
  });
  if (inAvals.every((a) => size(a.shape) === 0)) {
    const r = jvp(flatFn(fun, opts, args, kwargs, t), t.primals, inAvals.map(() => null));
    outAvals = r.outs.map(avalOf);
    auxValues = r.aux;
  }
  if (opts.holomorphic) {
    for (const a of outAvals) {
      if (DTYPES[a.dtype].kind !== 'complex') throw typeError(`jacfwd with holomorphic=True requires outputs with complex dtype, but got ${a.dtype}.`);
    }
  }
  const jac = assemble(t, opts, (o, i) => {
    const oa = outAvals[o];
    const ia = inAvals[i];
    if (cols[i].length === 0) return lax.full([...oa.shape, ...ia.shape], 0, oa.dtype, oa.weakType);
    const stacked = lax.concatenate(cols[i].map((c) => lax.reshape(c[o], [1, ...oa.shape])), 0);
    const inFirst = lax.reshape(stacked, [...ia.shape, ...oa.shape]);
    const ni = ia.shape.length;
    const no = oa.shape.length;
    const perm = [...Array(no).keys()].map((d) => ni + d).concat([...Array(ni).keys()]);
    return lax.convertElementType(lax.transpose(inFirst, perm), oa.dtype, oa.weakType);
  });
  return withAux(t, jac, auxValues);
}

export const JAC_PARAMS = ['fun', 'argnums?', 'has_aux?', 'holomorphic?', 'allow_int?'];
export const JACFWD_PARAMS = ['fun', 'argnums?', 'has_aux?', 'holomorphic?'];

export function makeJacrev(b: Bound): PyNativeFunction {
  const { fun, opts } = gradOptions(b);
  return new PyNativeFunction('jacrev_f', (args, kwargs) => jacrevCall(fun, opts, args, kwargs));
}

export function makeJacfwd(b: Bound): PyNativeFunction {
  const { fun, opts } = gradOptions(b);
  return new PyNativeFunction('jacfwd_f', (args, kwargs) => jacfwdCall(fun, opts, args, kwargs));
}

export function makeHessian(b: Bound): PyNativeFunction {
  const { fun, opts } = gradOptions(b);
  const inner = new PyNativeFunction('jacrev_f', (args, kwargs) => jacrevCall(fun, opts, args, kwargs));
  return new PyNativeFunction('hessian_f', (args, kwargs) => jacfwdCall(inner, opts, args, kwargs));
}
