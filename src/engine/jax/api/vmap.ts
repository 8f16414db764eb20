// jax.vmap over Python functions and pytrees (SEMANTICS §1.7): in_axes/out_axes as int, None
// or tree prefixes of the arguments/outputs, with JAX's texts for bad specs, wrong ranks and
// inconsistent sizes. Outputs with out_axes None pass through untouched (a Python float stays one).

import { shortType, avalOf, type Value } from '../../autodiff/core';
import { vmap } from '../../autodiff/transforms';
import { typeError, valueError } from '../../errors';
import { type Kwargs, None, PyBool, PyDict, PyInt, PyList, PyNativeFunction, PyNone, type PyObject, PyTuple } from '../../interp/object';
import { PyFunction } from '../../interp/function';
import { callObject, pyRepr, pyTuple, toIndexNumber } from '../../interp/protocol';
import { type Bound, isNone } from '../args';
import { wrap } from '../array';
import { isArrayLike, pythonScalarKind, toValue, typeRepr } from '../coerce';
import { flatten, leafCount, treeDefRepr, unflatten } from '../pytree';
import { checkCallable } from './checks';

type Axis = number | null;

const isIntSpec = (o: PyObject) => o instanceof PyInt && !(o instanceof PyBool);

function specLeavesValid(spec: PyObject): boolean {
  if (spec instanceof PyNone || isIntSpec(spec)) return true;
  if (spec instanceof PyTuple || spec instanceof PyList) return spec.items.every(specLeavesValid);
  if (spec instanceof PyDict) return [...spec.entries.values()].every(([, v]) => specLeavesValid(v));
  return false;
}

/** The axis of every leaf of `value` given a spec that is a tree prefix of it. */
function axesFor(which: string, spec: PyObject, value: PyObject, path: string): Axis[] {
  if (spec instanceof PyNone || isIntSpec(spec)) {
    const ax = spec instanceof PyNone ? null : toIndexNumber(spec);
    return new Array<Axis>(leafCount(flatten(value).def)).fill(ax);
  }
  const seqSpec = spec instanceof PyTuple || spec instanceof PyList;
  const seqValue = value instanceof PyTuple || value instanceof PyList;
  if (seqSpec && seqValue && (spec as PyTuple).items.length === (value as PyTuple).items.length) {
    return (spec as PyTuple).items.flatMap((s, i) => axesFor(which, s, (value as PyTuple).items[i], `${path}[${i}]`));
  }
  if (spec instanceof PyDict && value instanceof PyDict) {
    const sorted = flatten(value).def;
    if (sorted.kind === 'dict' && spec.entries.size === value.entries.size) {
      const out: Axis[] = [];
      for (const k of sorted.keys) {
        const s = [...spec.entries.values()].find(([sk]) => pyRepr(sk) === pyRepr(k));
        const v = [...value.entries.values()].find(([vk]) => pyRepr(vk) === pyRepr(k));
        if (!s || !v) break;
        out.push(...axesFor(which, s[1], v[1], `${path}[${pyRepr(k)}]`));
      }
      if (out.length === leafCount(sorted)) return out;
    }
  }
  throw valueError(
    `vmap ${which} specification must be a tree prefix of the corresponding value, got specification ${pyRepr(spec)} ` +
      `for value tree ${treeDefRepr(flatten(value).def)}.`,
  );
}

/** Argument names for the size-mismatch message (`argument a`, `argument a[0]`, `args[2]`). */
function leafNames(fun: PyObject, args: PyObject[]): string[] {
  const params = fun instanceof PyFunction ? fun.parameterNames : [];
  return args.flatMap((a, i) => {
    const base = i < params.length ? `argument ${params[i]}` : `args[${i}]`;
    const { def } = flatten(a);
    const paths: string[] = [];
    const walk = (d: typeof def, p: string) => {
      if (d.kind === 'leaf') paths.push(p);
      else if (d.kind === 'tuple' || d.kind === 'list') d.children.forEach((c, j) => walk(c, `${p}[${j}]`));
      else if (d.kind === 'dict') d.children.forEach((c, j) => walk(c, `${p}[${pyRepr(d.keys[j])}]`));
    };
    walk(def, base);
    return paths;
  });
}

function inconsistentSizes(entries: { size: number; axis: number; name: string; type: string }[]): Error {
  const order: number[] = [];
  const counts = new Map<number, number>();
  for (const e of entries) {
    if (!counts.has(e.size)) order.push(e.size);
    counts.set(e.size, (counts.get(e.size) ?? 0) + 1);
  }
  const groups = [...order].sort((a, b) => counts.get(b)! - counts.get(a)!);
  const lines = groups.map((sz, g) => {
    const ex = entries.find((e) => e.size === sz)!;
    const ct = counts.get(sz)!;
    const what = `axis ${ex.axis} of ${ex.name} of type ${ex.type}`;
    if (ct === 1) return `  * one axis had size ${sz}: ${what}`;
    return `  * ${g === 0 ? 'most' : 'some'} axes (${ct} of them) had size ${sz}, e.g. ${what}`;
  });
  return valueError(`vmap got inconsistent sizes for array axes to be mapped:\n${lines.join(';\n')}`);
}

const IN_AXES_TEXT = 'vmap in_axes must be an int, None, or a tuple of entries corresponding to the positional arguments passed to the function';

const VMAP_PARAMS = ['fun', 'in_axes', 'out_axes', 'axis_name', 'axis_size', 'spmd_axis_name'];

/** `jax.vmap(fun, in_axes=0, out_axes=0, ...)`: bound by hand, since an explicit None differs from 0. */
export function vmapCall(args: PyObject[], kwargs: Kwargs): PyNativeFunction {
  const b: Partial<Bound> = {};
  args.forEach((a, i) => {
    if (i >= VMAP_PARAMS.length) throw typeError(`vmap() takes from 1 to ${VMAP_PARAMS.length} positional arguments but ${args.length} were given`);
    b[VMAP_PARAMS[i]] = a;
  });
  for (const [k, v] of kwargs) {
    if (!VMAP_PARAMS.includes(k)) throw typeError(`vmap() got an unexpected keyword argument '${k}'`);
    b[k] = v;
  }
  if (!b.fun) throw typeError("vmap() missing 1 required positional argument: 'fun'");
  return makeVmap(b.fun, b.in_axes ?? pyInt0(), b.out_axes ?? pyInt0(), b.axis_size);
}

function makeVmap(fun: PyObject, inAxesArg: PyObject, outAxes: PyObject, axisSizeArg: PyObject | undefined): PyNativeFunction {
  checkCallable(fun);
  let inAxes = inAxesArg;
  if (inAxes instanceof PyList) inAxes = pyTuple(inAxes.items);
  if (!(inAxes instanceof PyNone || isIntSpec(inAxes) || inAxes instanceof PyTuple)) {
    throw typeError(`${IN_AXES_TEXT}, but got ${pyRepr(inAxes)}.`);
  }
  if (!specLeavesValid(inAxes)) {
    throw typeError(`vmap in_axes must be an int, None, or (nested) container with those types as leaves, but got ${pyRepr(inAxes)}.`);
  }
  if (!specLeavesValid(outAxes)) {
    throw typeError(`vmap out_axes must be an int, None, or (nested) container with those types as leaves, but got ${pyRepr(outAxes)}.`);
  }
  const axisSize = isNone(axisSizeArg) ? undefined : toIndexNumber(axisSizeArg!);
  return new PyNativeFunction('vmap_f', (args: PyObject[], kwargs: Kwargs) => {
    if (inAxes instanceof PyTuple && inAxes.items.length !== args.length) {
      throw valueError(`${IN_AXES_TEXT}, but got len(in_axes)=${inAxes.items.length}, len(args)=${args.length}`);
    }
    const argsTree = pyTuple(args);
    const axes = axesFor('in_axes', inAxes, argsTree, '');
    const flat = flatten(argsTree);
    if (flat.leaves.length === 0 && axisSize === undefined) {
      throw valueError(
        `vmap wrapped function must be passed at least one argument containing an array or axis_size must be specified, got empty *args=${pyRepr(argsTree)} and **kwargs={}`,
      );
    }
    const names = leafNames(fun, args);
    const values: Value[] = [];
    const inAx: Axis[] = [];
    const mapped: { size: number; axis: number; name: string; type: string }[] = [];
    flat.leaves.forEach((leaf, i) => {
      // Unmapped leaves reach the function unchanged (a Python float stays a Python float).
      if (axes[i] === null) return;
      if (!isArrayLike(leaf)) throw typeError(`vmap in_axes: argument of type ${typeRepr(leaf)} is not an array`);
      const v = toValue(leaf)!;
      const a = avalOf(v);
      let ax = axes[i];
      if (ax !== null) {
        const rank = a.shape.length;
        if (ax < -rank || ax >= rank) {
          const shape = a.shape.length === 1 ? `(${a.shape[0]},)` : `(${a.shape.join(', ')})`;
          throw valueError(
            `vmap was requested to map its argument along axis ${ax}, which implies that its rank should be at least ${ax < 0 ? -ax : ax + 1}, but is only ${rank} (its shape is ${shape})`,
          );
        }
        if (ax < 0) ax += rank;
        mapped.push({ size: a.shape[ax], axis: ax, name: names[i] ?? `args[${i}]`, type: shortType(a) });
      }
      values.push(v);
      inAx.push(ax);
    });
    const sizes = new Set(mapped.map((m) => m.size));
    if (sizes.size > 1) throw inconsistentSizes(mapped);
    if (mapped.length === 0 && axisSize === undefined) {
      throw valueError('vmap must have at least one non-None value in in_axes or axis_size must be specified');
    }
    const size = mapped.length ? mapped[0].size : axisSize!;

    const outAxesFlat: Axis[] = [];
    let outDef = flatten(None).def;
    let outLeaves: PyObject[] = [];
    let passthrough: boolean[] = [];
    const results = vmap(
      (xs) => {
        let k = 0;
        const leaves = flat.leaves.map((l, i) => (axes[i] !== null ? wrap(xs[k++]) : l));
        const call = (unflatten(flat.def, leaves) as PyTuple).items;
        const out = callObject(fun, [...call], kwargs);
        const fo = flatten(out);
        outDef = fo.def;
        outLeaves = fo.leaves;
        const oa = axesFor('out_axes', outAxes, out, '');
        const vals: Value[] = [];
        // A Python scalar output with out_axes None comes back untouched, as in JAX.
        passthrough = fo.leaves.map((leaf, i) => oa[i] === null && pythonScalarKind(leaf) !== undefined);
        fo.leaves.forEach((leaf, i) => {
          if (passthrough[i]) return;
          const v = toValue(leaf);
          if (!v) throw typeError(`Value ${pyRepr(leaf)} with type ${typeRepr(leaf)} is not a valid JAX type`);
          vals.push(v);
          outAxesFlat.push(oa[i]);
        });
        return vals;
      },
      values,
      inAx,
      size,
      outAxesFlat,
    );
    let r = 0;
    const rebuilt = outLeaves.map((leaf, i) => (passthrough[i] ? leaf : wrap(results[r++])));
    return unflatten(outDef, rebuilt);
  });
}

function pyInt0(): PyObject {
  return new PyInt(0n);
}

