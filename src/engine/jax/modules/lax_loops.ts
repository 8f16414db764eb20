// jax.lax loops as JAX builds them (jax/_src/lax/control_flow/loops.py):
// - scan traces its body once into the `scan` primitive (a print in the body runs once);
// - while_loop traces cond_fun and body_fun into the `while` primitive;
// - fori_loop with concrete bounds is a scan over (i, val) (so reverse mode works), with traced
//   bounds a while_loop over (i, upper, val) (reverse mode raises JAX's error);
// - map is a scan with an empty carry.
// A weakly typed initial carry whose body output has another dtype is promoted and the body
// traced again (`_promote_weak_typed_inputs`); carry mismatches raise JAX's TypeErrors.

import { type AVal, type DType, DTYPES } from '../../array/dtype';
import * as K from '../../array/kernels';
import { canonicalizeDtype } from '../../array/promotion';
import { avalOf, concreteValue, shortType, type Tracer, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { conform } from '../../autodiff/primitives/closed';
import { whileOfStaged } from '../../autodiff/primitives/control';
import { scanOfStaged } from '../../autodiff/primitives/loops';
import { PyError, pyError, typeError, valueError } from '../../errors';
import { None, PyBool, PyNativeFunction, type PyObject, PyTuple } from '../../interp/object';
import { callObject, isCallable, pyInt, pyStr, pyTuple, toIndexNumber, truthy } from '../../interp/protocol';
import { vmapCall } from '../api/vmap';
import { bindArgs } from '../args';
import { JaxArray, wrap } from '../array';
import { toValue } from '../coerce';
import { flatten, leafCount, type TreeDef, treeDefRepr, unflatten } from '../pytree';
import { avalTreeText, checkCarryType, debugInfo, firstParamName, promoteWeakInputs, shapedArrayRepr } from './control_checks';
import { flatValues, traceFn } from './lax_control';

/** The leaves to describe a (possibly promoted) initial carry with in error messages. */
const carryLeaves = (leaves: readonly PyObject[], values: readonly Value[], promoted: boolean) =>
  promoted ? values.map(wrap) : leaves;

/** lax.while_loop on the `while` primitive (`fori`: the user's body when fori_loop built the loop). */
function whileLoop(condFun: PyObject, bodyFun: PyObject, init: PyObject, fori?: { body: PyObject }): PyObject {
  if (!(isCallable(bodyFun) && isCallable(condFun))) throw typeError('lax.while_loop: body_fun and cond_fun arguments should be callable.');
  const start = flatValues(init);
  const create = (values: Value[]) => {
    const avals = values.map(avalOf);
    const args = (leaves: PyObject[]) => [unflatten(start.def, leaves)];
    const initTree = [unflatten(start.def, values.map(wrap))];
    const wrapper = fori && { srcFun: fori.body, params: ['loop_carry'] };
    const inTree = treeDefRepr(start.def);
    const cond = traceFn(condFun, avals, args, { inTree, debug: debugInfo('while_cond', condFun, initTree, wrapper) });
    const owner = fori && { fn: fori.body, tag: 'fori_while' };
    const body = traceFn(bodyFun, avals, args, { inTree, debug: debugInfo('while_body', bodyFun, initTree, wrapper), owner });
    if (cond.outDef.kind !== 'leaf') throw typeError(`cond_fun must return a boolean scalar, but got pytree ${treeDefRepr(cond.outDef)}.`);
    const pred = cond.staged.outAvals[0];
    if (pred.shape.length !== 0 || pred.dtype !== 'bool') {
      throw typeError(`cond_fun must return a boolean scalar, but got output type(s) [${shapedArrayRepr(pred)}].`);
    }
    return { cond, body };
  };
  let values = start.values;
  let traced = create(values);
  const promoted = promoteWeakInputs(values, traced.body.staged.outAvals);
  if (promoted) traced = create((values = promoted));
  const { cond, body } = traced;
  const carryIn = { def: start.def, leaves: carryLeaves(start.leaves, values, promoted !== null), avals: values.map(avalOf) };
  checkCarryType('while_loop body', fori ? 'loop_carry' : firstParamName(bodyFun), carryIn, body.outDef, body.staged.outAvals);
  const outs = whileOfStaged(cond.staged, body.staged, values);
  return unflatten(body.outDef, conform(outs, body.staged.outAvals).map(wrap));
}

export const whileLoopFn = new PyNativeFunction(
  'while_loop',
  (args, kwargs) => {
    const b = bindArgs('while_loop', args, kwargs, ['cond_fun', 'body_fun', 'init_val']);
    return whileLoop(b.cond_fun, b.body_fun, b.init_val);
  },
  'jax.lax.while_loop',
);

/** The per-step slice type of a stacked value. */
const stepAval = (a: AVal): AVal => ({ shape: a.shape.slice(1), dtype: a.dtype, weakType: a.weakType });

/** The number of steps: `length`, or the xs' common leading axis size, with JAX's checks. */
function scanLength(xs: readonly Value[], lengthArg: PyObject): number {
  const lengths = xs.map((v) => {
    const s = avalOf(v).shape;
    if (s.length === 0) throw new PyError('IndexError', 'tuple index out of range');
    return s[0];
  });
  if (lengthArg !== None) {
    if (lengthArg instanceof JaxArray && !lengthArg.concrete) {
      throw pyError(
        'ConcretizationTypeError',
        `Abstract tracer value encountered where concrete value is expected: traced array with shape ${shortType(lengthArg.aval)}\n` +
          `The \`length\` argument to \`scan\` expects a concrete \`int\` value.${(lengthArg.value as Tracer).originMsg()}\n`,
      );
    }
    const n = lengthArg instanceof JaxArray ? Number(K.getScalar(lengthArg.concrete!, 0)) : toIndexNumber(lengthArg);
    if (lengths.some((l) => l !== n)) {
      throw valueError(`scan got \`length\` argument of ${n} which disagrees with leading axis sizes [${lengths.join(', ')}].`);
    }
    return n;
  }
  const unique = [...new Set(lengths)];
  if (unique.length > 1) throw valueError(`scan got values with different leading axis sizes: ${lengths.join(', ')}.`);
  if (unique.length === 0) throw valueError('scan got no values to scan over and `length` not provided.');
  return unique[0];
}

interface ScanOptions {
  length: PyObject;
  reverse: boolean;
  unroll: PyObject;
  /** For JAX's own wrapper bodies (fori_loop, map): the user function and the wrapper's parameters. */
  wrapper?: { srcFun: PyObject; params: string[] };
  /** JAX caches fori_loop's scan body per user body function: the trace cache's owner. */
  owner?: { fn: PyObject; tag: string };
}

/** lax.scan on the `scan` primitive: f traced once at (carry, x) avals. */
function scanOf(f: PyObject, init: PyObject, xs: PyObject, opts: ScanOptions): PyObject {
  if (!isCallable(f)) throw typeError('lax.scan: f argument should be callable.');
  const xsTree = flatten(xs);
  const noAxis = xsTree.leaves.filter((l) => !(l instanceof JaxArray));
  if (noAxis.length > 0) throw valueError(`scan got value with no leading axis to scan over: ${noAxis.map((l) => pyStr(l)).join(', ')}.`);
  const xsValues = xsTree.leaves.map((l) => (l as JaxArray).value);
  const length = scanLength(xsValues, opts.length);
  const xAvals = xsValues.map((v) => stepAval(avalOf(v)));
  const start = flatValues(init);
  const create = (values: Value[]) => {
    const nK = values.length;
    let carryDef: TreeDef = { kind: 'none' };
    let ysDef: TreeDef = { kind: 'none' };
    const debug = debugInfo('scan', f, [unflatten(start.def, values.map(wrap)), xs], opts.wrapper);
    const t = traceFn(
      f,
      [...values.map(avalOf), ...xAvals],
      (leaves) => [unflatten(start.def, leaves.slice(0, nK)), unflatten(xsTree.def, leaves.slice(nK))],
      { inTree: `${treeDefRepr(start.def)}${treeDefRepr(xsTree.def)}`, debug, owner: opts.owner },
    );
    const out = t.outDef;
    if (out.kind === 'leaf' || out.kind === 'none' || out.children.length !== 2) {
      throw typeError(`scan body output must be a pair, got ${avalTreeText(out, t.staged.outAvals)}.`);
    }
    [carryDef, ysDef] = out.children;
    return { staged: t.staged, carryDef, ysDef, nCarryOut: leafCount(carryDef) };
  };
  let values = start.values;
  let traced = create(values);
  const promoted = promoteWeakInputs(values, traced.staged.outAvals.slice(0, traced.nCarryOut));
  if (promoted) traced = create((values = promoted));
  const carryIn = { def: start.def, leaves: carryLeaves(start.leaves, values, promoted !== null), avals: values.map(avalOf) };
  const carryOutAvals = traced.staged.outAvals.slice(0, traced.nCarryOut);
  checkCarryType('scan body', opts.wrapper ? opts.wrapper.params[0] : firstParamName(f), carryIn, traced.carryDef, carryOutAvals);
  checkUnroll(opts.unroll);
  const outs = scanOfStaged(traced.staged, [], values, xsValues, length, opts.reverse);
  const nK = values.length;
  return pyTuple([unflatten(traced.carryDef, outs.slice(0, nK).map(wrap)), unflatten(traced.ysDef, outs.slice(nK).map(wrap))]);
}

/** `unroll` changes no values, but JAX checks it is a bool or a positive int. */
function checkUnroll(unroll: PyObject): void {
  if (unroll === None || unroll instanceof PyBool) return;
  const v = toValue(unroll);
  const c = v && concreteValue(v);
  if (c && Number(K.getScalar(c, 0)) >= 1) return;
  throw valueError('`unroll` must be a `bool` or a positive `int`.');
}

export const scan = new PyNativeFunction(
  'scan',
  (args, kwargs) => {
    const b = bindArgs('scan', args, kwargs, ['f', 'init', 'xs?', 'length?', 'reverse?', 'unroll?', '_split_transpose?']);
    return scanOf(b.f, b.init, b.xs, { length: b.length, reverse: truthy(b.reverse), unroll: b.unroll });
  },
  'jax.lax.scan',
);

/** The number behind a concrete value, or undefined when it is abstract (jit, vmap). */
function concreteNumber(v: Value): number | undefined {
  const c = concreteValue(v);
  if (!c) return undefined;
  const s = K.getScalar(c, 0);
  return typeof s === 'object' ? s.re : Number(s);
}

/** fori_loop's bound dtype: equal dtypes, or a weak signed integer bound yields to the other. */
function boundDtype(lo: Value, hi: Value): DType {
  const [la, ha] = [avalOf(lo), avalOf(hi)];
  const [ld, hd] = [canonicalizeDtype(la.dtype), canonicalizeDtype(ha.dtype)];
  if (ld === hd) return ld;
  if (DTYPES[ld].kind === 'int' && DTYPES[hd].kind === 'int') {
    if (la.weakType && !ha.weakType) return hd;
    if (!la.weakType && ha.weakType) return ld;
  }
  throw typeError(`lower and upper arguments to fori_loop must have equal types, got ${ld} and ${hd}`);
}

function boundValue(o: PyObject): Value {
  const v = toValue(o);
  if (!v) throw typeError(`fori_loop bounds must be integers, got ${pyStr(o)}`);
  return v;
}

export const foriLoop = new PyNativeFunction(
  'fori_loop',
  (args, kwargs) => {
    const b = bindArgs('fori_loop', args, kwargs, ['lower', 'upper', 'body_fun', 'init_val', 'unroll?']);
    const body = b.body_fun;
    if (!isCallable(body)) throw typeError('lax.fori_loop: body_fun argument should be callable.');
    const lo = boundValue(b.lower);
    const hi = boundValue(b.upper);
    const dtype = boundDtype(lo, hi);
    const [l, h] = [concreteNumber(lo), concreteNumber(hi)];
    if (l !== undefined && h !== undefined) {
      // Static trip count: a scan over (i, val), i starting as a Python int (weak int32).
      const [lower, upper] = [Math.trunc(l), Math.trunc(h)];
      const step = new PyNativeFunction('scanned_fun', (xs) => {
        const [i, val] = (xs[0] as PyTuple).items;
        const iv = toValue(i)!;
        return pyTuple([pyTuple([wrap(lax.add(iv, lax.scalarLike(iv, 1))), callObject(body, [i, val])]), None]);
      });
      const wrapper = { srcFun: body, params: ['loop_carry', '_'] };
      const opts = { length: pyInt(Math.max(upper - lower, 0)), reverse: false, unroll: None, wrapper, owner: { fn: body, tag: 'fori_scan' } };
      const out = scanOf(step, pyTuple([pyInt(lower), b.init_val]), None, opts) as PyTuple;
      return (out.items[0] as PyTuple).items[1];
    }
    if (b.unroll !== None) throw valueError('Can only use `unroll` in `fori_loop` if the loop bounds are statically known.');
    // Traced bounds: a while_loop over (i, upper, val).
    const cast = (v: Value) => (canonicalizeDtype(avalOf(v).dtype) === dtype ? v : lax.convertElementType(v, dtype, false));
    const test = new PyNativeFunction('_fori_cond_fun', (xs) => {
      const [i, u] = (xs[0] as PyTuple).items;
      return wrap(lax.lt(toValue(i)!, toValue(u)!));
    });
    const step = new PyNativeFunction('while_body_fun', (xs) => {
      const [i, u, val] = (xs[0] as PyTuple).items;
      const iv = toValue(i)!;
      return pyTuple([wrap(lax.add(iv, lax.scalarLike(iv, 1))), u, callObject(body, [i, val])]);
    });
    const out = whileLoop(test, step, pyTuple([wrap(cast(lo)), wrap(cast(hi)), b.init_val]), { body }) as PyTuple;
    return out.items[2];
  },
  'jax.lax.fori_loop',
);

/** lax.map(f, xs): a scan with an empty carry (with batch_size: a scan of vmap(f) over batches). */
export const mapFn = new PyNativeFunction(
  'map',
  (args, kwargs) => {
    const b = bindArgs('map', args, kwargs, ['f', 'xs', 'batch_size?']);
    if (b.batch_size !== None) return batchedMap(b.f, b.xs, toIndexNumber(b.batch_size));
    const g = new PyNativeFunction('<lambda>', (xs) => pyTuple([pyTuple([]), callObject(b.f, [xs[1]])]));
    const wrapper = { srcFun: b.f, params: ['_', 'x'] };
    const out = scanOf(g, pyTuple([]), b.xs, { length: None, reverse: false, unroll: None, wrapper }) as PyTuple;
    return out.items[1];
  },
  'jax.lax.map',
);

/**
 * JAX's `map` with `batch_size`: whole batches go through a scan of vmap(f), the remainder
 * through vmap(f) directly (so f is traced twice), and the results are concatenated.
 */
function batchedMap(f: PyObject, xs: PyObject, batchSize: number): PyObject {
  const { def, values } = flatValues(xs);
  const batched = vmapCall([f], new Map());
  const whole = values.map((v) => {
    const s = avalOf(v).shape;
    const n = Math.floor(s[0] / batchSize) * batchSize;
    const head = lax.slice(v, s.map((_, d) => 0), s.map((m, d) => (d === 0 ? n : m)));
    const tail = lax.slice(v, s.map((_, d) => (d === 0 ? n : 0)), s);
    return { batches: lax.reshape(head, [n / batchSize, batchSize, ...s.slice(1)]), tail };
  });
  const g = new PyNativeFunction('<lambda>', (a) => pyTuple([pyTuple([]), callObject(batched, [a[1]])]));
  const opts = { length: None, reverse: false, unroll: None, wrapper: { srcFun: f, params: ['_', 'x'] } };
  const scanned = scanOf(g, pyTuple([]), unflatten(def, whole.map((w) => wrap(w.batches))), opts) as PyTuple;
  const rest = callObject(batched, [unflatten(def, whole.map((w) => wrap(w.tail)))]);
  const ys = flatValues(scanned.items[1]);
  const restValues = flatValues(rest).values;
  return unflatten(
    ys.def,
    ys.values.map((y, i) => {
      const s = avalOf(y).shape;
      return wrap(lax.concatenate([lax.reshape(y, [s[0] * s[1], ...s.slice(2)]), restValues[i]], 0));
    }),
  );
}
