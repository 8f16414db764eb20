// jax.lax.cond and jax.lax.switch, as JAX does them (jax/_src/lax/control_flow/conditionals.py):
// every branch is traced to a jaxpr each time cond is called (so a print in each branch runs
// once per call, even eagerly), the outputs are checked with JAX's texts, and the `cond`
// primitive runs only the branch the index selects. Its derivatives differentiate only that
// branch, so a NaN in the branch not taken does not leak into a gradient; under vmap with a
// batched predicate it becomes a select over every branch, as in JAX.
// The loops (while_loop, fori_loop, scan, map) live in lax_loops.ts.

import { type AVal, DTYPES } from '../../array/dtype';
import { canonicalizeDtype } from '../../array/promotion';
import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { type Staged, stage } from '../../autodiff/primitives/closed';
import { condOfStaged } from '../../autodiff/primitives/cond';
import type { TraceDebugInfo } from '../../autodiff/traces/staging';
import { runContext } from '../../context';
import { typeError, valueError } from '../../errors';
import { PyFunction } from '../../interp/function';
import { type Kwargs, PyList, PyNativeFunction, type PyObject, PyStr, PyTuple } from '../../interp/object';
import { callObject, isCallable, pyRepr, pyStr, pyTuple, toArray } from '../../interp/protocol';
import { wrap } from '../array';
import { toValue } from '../coerce';
import { flatten, type TreeDef, treeDefRepr, unflatten } from '../pytree';
import { checkTreeAndAvals, debugInfo } from './control_checks';

/** The Values of a pytree's leaves; a leaf that is not an array raises JAX's TypeError. */
export function flatValues(tree: PyObject): { def: TreeDef; values: Value[]; leaves: PyObject[] } {
  const { def, leaves } = flatten(tree);
  const values = leaves.map((l) => {
    const v = toValue(l);
    if (!v) throw typeError(`Value ${pyRepr(l)} with type ${pyRepr(l.cls)} is not a valid JAX type`);
    return v;
  });
  return { def, values, leaves };
}

/** A Python function traced over flat Values: the staged jaxpr and its output structure. */
export interface TracedFn {
  staged: Staged;
  outDef: TreeDef;
}

/** How a body is traced: its input structure (for the cache key), JAX's debug info, its owner. */
export interface TraceSpec {
  /** The structure the leaves are unflattened into (treeDefRepr of the inputs). */
  inTree: string;
  debug: TraceDebugInfo;
  /**
   * The user function JAX's cache keys the trace on when `fn` is one of JAX's cached wrappers
   * of it (fori_loop's bodies), with `tag` naming the wrapper; default: `fn` itself.
   */
  owner?: { fn: PyObject; tag: string };
}

/**
 * JAX's `weakref_lru_cache` on `_initial_style_open_jaxpr`: tracing the same function again
 * with the same input structure, avals and debug info reuses the jaxpr, so its Python body does
 * not run again (and Python values it read keep their first-trace values, as in JAX). Only user
 * functions whose trace captured no tracer of an enclosing transformation are cached.
 */
const traceCache = new WeakMap<PyObject, Map<string, TracedFn>>();

const avalKey = (a: AVal) => `${a.dtype}${a.weakType ? '~' : ''}[${a.shape.join(',')}]`;

/** Traces `fn` called on `makeArgs(leaves)` at `avals` (its Python body runs once per trace). */
export function traceFn(fn: PyObject, avals: readonly AVal[], makeArgs: (leaves: PyObject[]) => PyObject[], spec: TraceSpec): TracedFn {
  const owner = spec.owner?.fn ?? fn;
  const d = spec.debug;
  const key = [spec.owner?.tag ?? '', runContext().x64, spec.inTree, avals.map(avalKey).join(';'), d.tracedFor, d.funcSrcInfo, d.argNames.join(',')].join('|');
  const cacheable = owner instanceof PyFunction;
  const hit = cacheable ? traceCache.get(owner)?.get(key) : undefined;
  if (hit) return hit;
  let outDef: TreeDef = { kind: 'none' };
  const staged = stage(
    (xs) => {
      const out = flatValues(callObject(fn, makeArgs(xs.map(wrap))));
      outDef = out.def;
      return out.values;
    },
    avals,
    d,
  );
  const traced = { staged, outDef };
  if (cacheable && staged.consts.length === 0) {
    let perFn = traceCache.get(owner);
    if (!perFn) traceCache.set(owner, (perFn = new Map()));
    perFn.set(key, traced);
  }
  return traced;
}

/** Python's `np.shape(x)` text: `(3,)`, `(2, 3)`. */
const shapeText = (shape: readonly number[]) => (shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`);

/** Applies the `operand=` keyword of the old calling convention. */
function withOperandKeyword(operands: PyObject[], kwargs: Kwargs, fnName: string): PyObject[] {
  for (const k of kwargs.keys()) if (k !== 'operand') throw typeError(`${fnName}() got an unexpected keyword argument '${k}'`);
  const operand = kwargs.get('operand');
  if (operand === undefined) return operands;
  if (operands.length > 0) {
    throw typeError(
      `if 'operand' keyword is passed then no positional operands can be passed, got operand=${pyRepr(operand)} and positional operands ${pyRepr(pyTuple(operands))}`,
    );
  }
  return [operand];
}

/** Checks the traced branches against branch 0 and binds `cond`; outputs take branch 0's structure. */
function bindBranches(index: Value, traced: TracedFn[], operands: Value[], names: (i: number) => string): PyObject {
  for (let i = 1; i < traced.length; i++) {
    checkTreeAndAvals(names(0), traced[0].outDef, traced[0].staged.outAvals, names(i), traced[i].outDef, traced[i].staged.outAvals);
  }
  const outs = condOfStaged(index, traced.map((t) => t.staged), operands);
  return unflatten(traced[0].outDef, outs.map(wrap));
}

function isSequence(o: PyObject): boolean {
  return o instanceof PyList || o instanceof PyTuple || o instanceof PyStr;
}

/** The predicate as a boolean scalar Value, after JAX's checks on it. */
function predicateOf(pred: PyObject): Value {
  if (pred.cls.name === 'NoneType') throw typeError('cond predicate is None');
  if (isSequence(pred)) throw typeError(`Pred must be a scalar, got ${pyStr(pred)} of type ${pyRepr(pred.cls)}`);
  const v = toValue(pred);
  if (!v) throw typeError(`Pred type must be either boolean or number, got ${pyStr(pred)}.`);
  const a = avalOf(v);
  if (a.shape.length !== 0) throw typeError(`Pred must be a scalar, got ${pyStr(pred)} of shape ${shapeText(a.shape)}.`);
  const kind = DTYPES[a.dtype].kind;
  if (kind === 'bool') return v;
  if (kind === 'int' || kind === 'uint' || kind === 'float') return lax.ne(v, lax.scalarLike(v, 0));
  throw typeError(`Pred type must be either boolean or number, got ${a.dtype}.`);
}

/** lax.cond(pred, true_fun, false_fun, *operands), and the old 5-argument form. */
export const cond = new PyNativeFunction(
  'cond',
  (args, kwargs) => {
    if (args.length === 5 && kwargs.size === 0) {
      const [pred, trueOperand, trueFun, falseOperand, falseFun] = args;
      if (!(isCallable(trueOperand) && isCallable(trueFun)) && isCallable(trueFun) && isCallable(falseFun)) {
        // _cond_with_per_branch_args: each branch gets its own operand.
        const pick = (k: number, f: PyObject) =>
          new PyNativeFunction(f === trueFun ? 'true_fun' : 'false_fun', (xs) => callObject(f, [(xs[0] as PyTuple).items[k]]));
        return condOf(pred, pick(0, trueFun), pick(1, falseFun), [pyTuple([trueOperand, falseOperand])]);
      }
    }
    if (args.length < 3) {
      const missing = ['pred', 'true_fun', 'false_fun'].slice(args.length).map((m) => `'${m}'`);
      const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
      throw typeError(`_cond() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`);
    }
    const [pred, trueFun, falseFun, ...operands] = args;
    return condOf(pred, trueFun, falseFun, withOperandKeyword(operands, kwargs, '_cond'));
  },
  'jax.lax.cond',
);

function condOf(pred: PyObject, trueFun: PyObject, falseFun: PyObject, operands: PyObject[]): PyObject {
  if (!(isCallable(trueFun) && isCallable(falseFun))) throw typeError('lax.cond: true_fun and false_fun arguments should be callable.');
  const p = predicateOf(pred);
  const ops = flatValues(pyTuple(operands));
  const avals = ops.values.map(avalOf);
  const args = (leaves: PyObject[]) => [...(unflatten(ops.def, leaves) as PyTuple).items];
  const call = (f: PyObject) => traceFn(f, avals, args, { inTree: treeDefRepr(ops.def), debug: debugInfo('cond', f, operands) });
  // JAX traces true_fun first; the primitive's branches are (false, true), index = int(pred).
  const onTrue = call(trueFun);
  const onFalse = call(falseFun);
  checkTreeAndAvals('true_fun output', onTrue.outDef, onTrue.staged.outAvals, 'false_fun output', onFalse.outDef, onFalse.staged.outAvals);
  const index = lax.convertElementType(p, 'int32', false);
  const outs = condOfStaged(index, [onFalse.staged, onTrue.staged], ops.values);
  return unflatten(onTrue.outDef, outs.map(wrap));
}

/** lax.switch(index, branches, *operands): the branch at the clamped index. */
export const switchFn = new PyNativeFunction(
  'switch',
  (args, kwargs) => {
    if (args.length < 2) {
      const missing = ['index', 'branches'].slice(args.length).map((m) => `'${m}'`);
      throw typeError(`switch() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${missing.join(' and ')}`);
    }
    const [indexArg, branchesArg, ...rest] = args;
    const branches = toArray(branchesArg);
    if (!branches.every(isCallable)) throw typeError('lax.switch: branches argument should be a sequence of callables.');
    const operands = withOperandKeyword(rest, kwargs, 'switch');
    const v = toValue(indexArg);
    const shape = v ? avalOf(v).shape : isSequence(indexArg) ? [toArray(indexArg).length] : [];
    if (shape.length !== 0) throw typeError(`Branch index must be scalar, got ${pyStr(indexArg)} of shape ${shapeText(shape)}.`);
    if (!v) throw typeError(`Index type must be an integer, got ${pyStr(indexArg)}.`);
    const dtype = canonicalizeDtype(avalOf(v).dtype);
    const kind = DTYPES[dtype].kind;
    if (kind !== 'int' && kind !== 'uint') throw typeError(`Index type must be an integer, got ${pyStr(indexArg)} as ${dtype}`);
    if (branches.length === 0) throw valueError('Empty branch sequence');
    if (branches.length === 1) return callObject(branches[0], operands);
    const i32 = lax.convertElementType(v, 'int32', false);
    const index = lax.clamp(lax.scalarLike(i32, 0), i32, lax.scalarLike(i32, branches.length - 1));
    const ops = flatValues(pyTuple(operands));
    const avals = ops.values.map(avalOf);
    const traced = branches.map((b) =>
      traceFn(b, avals, (leaves) => [...(unflatten(ops.def, leaves) as PyTuple).items], {
        inTree: treeDefRepr(ops.def),
        debug: debugInfo('switch', b, operands),
      }),
    );
    return bindBranches(index, traced, ops.values, (i) => `branch ${i} output`);
  },
  'jax.lax.switch',
);

export { foriLoop, mapFn, scan, whileLoopFn } from './lax_loops';
