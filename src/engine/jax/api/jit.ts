// jax.jit over Python functions, with JAX's observable tracing semantics (SEMANTICS §1.10):
// array leaves of the arguments (positional and keyword) become abstract tracers, so Python
// control flow on them raises JAX's concretization errors naming the function and argument;
// static arguments (static_argnums/static_argnames) are passed through as Python values. The
// traced jaxpr is cached per signature (argument structure, shapes, dtypes, weak types and
// static values), so the Python body (and any print in it) runs once per signature; every
// call replays the jaxpr through `bind`, so jit composes with the other transformations.

import { funcSrcInfo, leafPaths } from './debugInfo';
import { type AVal } from '../../array/dtype';
import { avalOf, type Value } from '../../autodiff/core';
import { evalJaxpr, type Jaxpr, makeJaxpr, type TraceDebugInfo } from '../../autodiff/traces/staging';
import { typeError, valueError } from '../../errors';
import { PyFunction } from '../../interp/function';
import { type Kwargs, None, PyNativeFunction, type PyObject, PyTuple } from '../../interp/object';
import { callObject, pyRepr, pyTuple, toArray, toIndexNumber } from '../../interp/protocol';
import { type Bound } from '../args';
import { wrap } from '../array';
import { toValue, typeRepr } from '../coerce';
import { flatten, type TreeDef, treeDefRepr, unflatten } from '../pytree';
import { checkCallable } from './checks';

export const JIT_PARAMS = ['fun', 'in_shardings?', 'out_shardings?', 'static_argnums?', 'static_argnames?', 'donate_argnums?'];

/** Counts for the benchmark and tests: how many calls, how many traces. */
export const jitStats = { calls: 0, traces: 0 };

interface Traced {
  jaxpr: Jaxpr;
  outDef: TreeDef;
}

function intList(o: PyObject): number[] {
  if (o === None) return [];
  return o instanceof PyTuple || Array.isArray((o as { items?: unknown }).items) ? toArray(o).map(toIndexNumber) : [toIndexNumber(o)];
}

function nameList(o: PyObject): string[] {
  if (o === None) return [];
  const items = o instanceof PyTuple || Array.isArray((o as { items?: unknown }).items) ? toArray(o) : [o];
  return items.map((x) => {
    const s = (x as { value?: unknown }).value;
    if (typeof s !== 'string') throw typeError(`static_argnames must be a string or a sequence of strings, got ${pyRepr(o)}`);
    return s;
  });
}

function avalKey(a: AVal): string {
  return `${a.dtype}${a.weakType ? '~' : ''}[${a.shape.join(',')}]`;
}

export function makeJit(b: Bound): PyNativeFunction {
  const fun = b.fun;
  checkCallable(fun);
  const params = fun instanceof PyFunction ? fun.params.positional.map((p) => p.name) : [];
  const staticNums = intList(b.static_argnums);
  const staticNames = new Set(nameList(b.static_argnames));
  // JAX infers each list from the other through the signature.
  for (const i of staticNums) if (i >= 0 && i < params.length) staticNames.add(params[i]);
  for (const n of staticNames) if (params.includes(n) && !staticNums.includes(params.indexOf(n))) staticNums.push(params.indexOf(n));
  const cache = new Map<string, Traced>();
  const name = fun instanceof PyFunction ? fun.name : 'jit_f';

  return new PyNativeFunction(name, (args, kwargs) => {
    jitStats.calls++;
    const isStatic = new Set(
      staticNums.map((i) => {
        const k = i < 0 ? i + args.length : i;
        if (k < 0 || k >= args.length) {
          if (k >= args.length && params.length > k) return -1; // a default is used: nothing to mark
          throw valueError(
            `jitted function has static_argnums=(${staticNums.join(', ')}${staticNums.length === 1 ? ',' : ''}), but only accepts ${args.length} positional arguments.`,
          );
        }
        return k;
      }),
    );
    // The dynamic part: positional args (statics replaced by None) and non-static kwargs.
    const dynArgs = args.map((a, i) => (isStatic.has(i) ? None : a));
    const kwNames = [...kwargs.keys()].sort();
    const dynKw = kwNames.filter((k) => !staticNames.has(k));
    const flat = flatten(pyTuple([pyTuple(dynArgs), pyTuple(dynKw.map((k) => kwargs.get(k)!))]));
    const argNames = [
      ...dynArgs.flatMap((a, i) => leafPaths(flatten(a).def, i < params.length ? params[i] : `args[${i}]`)),
      ...dynKw.flatMap((k) => leafPaths(flatten(kwargs.get(k)!).def, k)),
    ];
    const inputs = flat.leaves.map((leaf, i) => {
      const v = toValue(leaf);
      if (v === undefined) {
        throw typeError(
          `Error interpreting argument to ${pyRepr(fun)} as an abstract array. The problematic value is of type ` +
            `${typeRepr(leaf)} and was passed to the function at path ${argNames[i]}.\nThis typically means that a ` +
            `jit-wrapped function was called with a non-array argument, and this argument was not marked as static ` +
            `using the static_argnums or static_argnames parameters of jax.jit.`,
        );
      }
      return v;
    });
    const avals = inputs.map(avalOf);
    const staticKey = [
      ...[...isStatic].filter((i) => i >= 0).map((i) => `${i}=${pyRepr(args[i])}`),
      ...kwNames.filter((k) => staticNames.has(k)).map((k) => `${k}=${pyRepr(kwargs.get(k)!)}`),
    ];
    const key = `${treeDefRepr(flat.def)}|${kwNames.join(',')}|${avals.map(avalKey).join(';')}|${staticKey.join('|')}`;
    let traced = cache.get(key);
    if (!traced) {
      jitStats.traces++;
      let outDef: TreeDef = { kind: 'leaf' };
      const debug: TraceDebugInfo = { funcSrcInfo: funcSrcInfo(fun), argNames, tracedFor: 'jit' };
      const staged = makeJaxpr(
        (xs) => {
          const leaves = unflatten(flat.def, xs.map(wrap)) as PyTuple;
          const [posTree, kwTree] = leaves.items as [PyTuple, PyTuple];
          const callArgs = args.map((a, i) => (isStatic.has(i) ? a : posTree.items[i]));
          const callKw: Kwargs = new Map(kwargs);
          dynKw.forEach((k, j) => callKw.set(k, kwTree.items[j]));
          const out = callObject(fun, callArgs, callKw);
          const fo = flatten(out);
          outDef = fo.def;
          return fo.leaves.map((leaf) => {
            const v = toValue(leaf);
            if (v === undefined) throw typeError(`Value ${pyRepr(leaf)} with type ${typeRepr(leaf)} is not a valid JAX type`);
            return v;
          });
        },
        avals,
        debug,
      );
      traced = { jaxpr: staged.jaxpr, outDef };
      if (staged.cacheable) cache.set(key, traced);
    }
    const outs: Value[] = evalJaxpr(traced.jaxpr, inputs);
    return unflatten(traced.outDef, outs.map(wrap));
  });
}
