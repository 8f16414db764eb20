// jax.jvp and jax.vjp over Python functions and pytrees.
//   jax.jvp(f, primals, tangents) -> (primals_out, tangents_out)
//   jax.vjp(f, *primals) -> (primals_out, vjp_fun); vjp_fun(cotangent) -> tuple, one per primal
// With has_aux=True the aux output is appended, tracers stripped.

import { type Value } from '../../autodiff/core';
import { jvp, vjp } from '../../autodiff/transforms';
import { typeError } from '../../errors';
import { type Kwargs, PyList, PyNativeFunction, type PyObject, PyTuple } from '../../interp/object';
import { callObject, pyRepr, pyTuple, truthy } from '../../interp/protocol';
import { JaxArray, wrap } from '../array';
import { toValue, typeRepr } from '../coerce';
import { Float0Array } from '../float0';
import { flatten, type TreeDef, unflatten } from '../pytree';
import { checkAuxPair, checkCallable, leafDtype } from './checks';
import { NDArray } from '../../array/ndarray';

interface Captured {
  outDef: TreeDef;
  auxDef?: TreeDef;
  auxLeaves: PyObject[];
}

function flatCall(fun: PyObject, defs: TreeDef[], counts: number[], hasAux: boolean, kwargs: Kwargs, cap: Captured) {
  return (xs: Value[]) => {
    let k = 0;
    const args = defs.map((d, j) => {
      const t = unflatten(d, xs.slice(k, k + counts[j]).map(wrap));
      k += counts[j];
      return t;
    });
    let ans = callObject(fun, args, kwargs);
    let aux: Value[] | undefined;
    if (hasAux) {
      const [main, a] = checkAuxPair(ans);
      ans = main;
      const fa = flatten(a);
      cap.auxDef = fa.def;
      cap.auxLeaves = fa.leaves;
      aux = fa.leaves.filter((l) => l instanceof JaxArray).map((l) => (l as JaxArray).value);
    }
    const fo = flatten(ans);
    cap.outDef = fo.def;
    return {
      outs: fo.leaves.map((leaf) => {
        const v = toValue(leaf);
        if (!v) throw typeError(`Value ${pyRepr(leaf)} with type ${typeRepr(leaf)} is not a valid JAX type`);
        return v;
      }),
      aux,
    };
  };
}

function auxTree(cap: Captured, values: Value[] | undefined): PyObject {
  let a = 0;
  return unflatten(cap.auxDef!, cap.auxLeaves.map((l) => (l instanceof JaxArray ? wrap(values![a++]) : l)));
}

function toPython(v: Value): PyObject {
  return v instanceof NDArray && v.dtype === 'float0' ? new Float0Array(v.shape) : wrap(v);
}

function leavesOf(items: readonly PyObject[]): { defs: TreeDef[]; counts: number[]; values: Value[] } {
  const flats = items.map((p) => flatten(p));
  for (const f of flats) for (const l of f.leaves) leafDtype(l);
  return {
    defs: flats.map((f) => f.def),
    counts: flats.map((f) => f.leaves.length),
    values: flats.flatMap((f) => f.leaves.map((l) => toValue(l)!)),
  };
}

export function jvpCall(args: PyObject[], kwargs: Kwargs): PyObject {
  const [fun, primals, tangents] = args;
  const hasAux = kwargs.has('has_aux') && truthy(kwargs.get('has_aux')!);
  checkCallable(fun);
  const isSeq = (o: PyObject | undefined) => o instanceof PyTuple || o instanceof PyList;
  if (!isSeq(primals) || !isSeq(tangents)) {
    throw typeError(
      `primal and tangent arguments to jax.jvp must be tuples or lists; found ${primals?.cls.name} and ${tangents?.cls.name}.`,
    );
  }
  const p = leavesOf((primals as PyTuple).items);
  const t = leavesOf((tangents as PyTuple).items);
  if (p.values.length !== t.values.length) {
    throw typeError('primal and tangent arguments to jax.jvp must have the same tree structure');
  }
  const cap: Captured = { outDef: { kind: 'leaf' }, auxLeaves: [] };
  const r = jvp(flatCall(fun, p.defs, p.counts, hasAux, new Map(), cap), p.values, t.values);
  const out = pyTuple([unflatten(cap.outDef, r.outs.map(wrap)), unflatten(cap.outDef, r.tangentsOut.map(toPython))]);
  return hasAux ? pyTuple([...out.items, auxTree(cap, r.aux)]) : out;
}

export function vjpCall(args: PyObject[], kwargs: Kwargs): PyObject {
  const [fun, ...primals] = args;
  const hasAux = kwargs.has('has_aux') && truthy(kwargs.get('has_aux')!);
  checkCallable(fun);
  const p = leavesOf(primals);
  const cap: Captured = { outDef: { kind: 'leaf' }, auxLeaves: [] };
  const r = vjp(flatCall(fun, p.defs, p.counts, hasAux, new Map(), cap), p.values);
  const outDef = cap.outDef;
  const pullback = new PyNativeFunction('vjp_fun', (cargs) => {
    const cts = flatten(cargs[0] ?? pyTuple([])).leaves.map((l) => toValue(l));
    if (cts.length !== r.outs.length || cts.some((c) => !c)) {
      throw typeError('Tree structure of cotangent input does not match the structure of the primal output.');
    }
    const grads = r.pullback(cts.map((c) => c!));
    let k = 0;
    return pyTuple(
      p.defs.map((d, j) => {
        const tree = unflatten(d, grads.slice(k, k + p.counts[j]).map(toPython));
        k += p.counts[j];
        return tree;
      }),
    );
  });
  const primalOut = unflatten(outDef, r.outs.map(wrap));
  return hasAux ? pyTuple([primalOut, pullback, auxTree(cap, r.aux)]) : pyTuple([primalOut, pullback]);
}
