// Helpers for the jax.numpy / jax.nn tests: run Python through the interpreter and read the
// repr or the error; check a registered function's derivatives against finite differences.

import { strict as assert } from 'node:assert';
import { type NDArray } from '../../../src/engine/array/ndarray';
import * as K from '../../../src/engine/array/kernels';
import { type Value } from '../../../src/engine/autodiff/core';
import { RunContext, withRunContext } from '../../../src/engine/context';
import { type Kwargs, PyBool, PyList, type PyNativeFunction, type PyObject, PyTuple } from '../../../src/engine/interp/object';
import { pyFloat, pyInt, pyStr, pyTuple } from '../../../src/engine/interp/protocol';
import { JaxArray, wrap } from '../../../src/engine/jax/array';
import { jaxModules } from '../../../src/engine/jax/modules';
import { toTree } from '../../../src/engine/jax/tree';
import { checkGrads } from '../autodiff/check';
import { runPython } from '../jax/run';
import { withoutReprs as strip } from '../jax/run';

const PRELUDE = 'import jax\nimport jax.numpy as jnp\n';

/** The repr of the last expression's value (an Array's repr, or the JSON tree of a container). */
export function repr(src: string, x64 = false): string {
  const r = runPython(PRELUDE + src, { x64 });
  if (r.error) throw new Error(`${r.error.pyType}: ${r.error.message}`);
  const t = toTree(r.value!) as { repr?: string };
  return t.repr ?? JSON.stringify(t);
}

/** The reprs of a list or tuple result's items. */
export function reprs(src: string, x64 = false): string[] {
  const r = runPython(PRELUDE + src, { x64 });
  if (r.error) throw new Error(`${r.error.pyType}: ${r.error.message}`);
  const t = toTree(r.value!) as { list?: { repr: string }[]; tuple?: { repr: string }[] };
  return (t.list ?? t.tuple)!.map((i) => i.repr);
}

/** [exception type, message] of a statement expected to fail. */
export function err(src: string): [string, string] {
  const r = runPython(PRELUDE + src);
  assert.ok(r.error, `expected an error from ${src}`);
  return [r.error.pyType, r.error.message];
}

export function fnOf(module: string, name: string): PyNativeFunction {
  const f = jaxModules().get(module)!().attrs.get(name);
  assert.ok(f, `${module}.${name} is not registered`);
  return f as PyNativeFunction;
}

export const f64 = (v: unknown): NDArray => K.fromNested(v, 'float64', false);

/** A keyword argument from a JS value: numbers (ints stay ints), strings, booleans, int tuples. */
export function pyArg(v: number | string | boolean | number[] | PyObject): PyObject {
  if (typeof v === 'boolean') return PyBool.of(v);
  if (typeof v === 'string') return pyStr(v);
  if (typeof v === 'number') return Number.isInteger(v) ? pyInt(v) : pyFloat(v);
  if (Array.isArray(v)) return pyTuple(v.map((i) => pyInt(i)));
  return v;
}

/**
 * jvp against central differences and vjp against the jvp (autodiff/check.ts), in float64, of
 * `module.name` called with `args(differentiated arrays)` and `kwargs`. A list or tuple result
 * counts as several outputs.
 */
export function gradCheck(
  module: string,
  name: string,
  xs: NDArray[],
  args: (vs: PyObject[]) => PyObject[] = (vs) => vs,
  kwargs: Record<string, number | string | boolean | number[] | PyObject> = {},
): void {
  withRunContext(new RunContext({ x64: true }), () => {
    const fn = fnOf(module, name);
    const kw: Kwargs = new Map(Object.entries(kwargs).map(([k, v]) => [k, pyArg(v)]));
    const call = (vs: Value[]): Value[] => {
      const out = fn.fn(args(vs.map((v) => wrap(v))), kw);
      const items = out instanceof PyList || out instanceof PyTuple ? out.items : [out];
      return items.map((o) => {
        assert.ok(o instanceof JaxArray, `${name} returned ${o.cls.name}`);
        return o.value;
      });
    };
    checkGrads(call, xs);
  });
}

export interface Leaf {
  value: unknown;
  dtype: string;
  shape: number[];
  weak_type: boolean;
}

/** The last expression's value as plain data: arrays as {value, dtype, shape, weak_type}. */
export function val(src: string, x64 = false): Leaf & { list?: Leaf[]; tuple?: Leaf[] } {
  const r = runPython(PRELUDE + src, { x64 });
  if (r.error) throw new Error(`${r.error.pyType}: ${r.error.message}`);
  return strip(toTree(r.value!)) as Leaf & { list?: Leaf[]; tuple?: Leaf[] };
}


/** The values of a list/tuple result. */
export function values(src: string): unknown[] {
  const t = val(src);
  return (t.list ?? t.tuple)!.map((l) => l.value);
}

/** Element-wise closeness of nested numbers (relative tolerance, NaN equal to NaN). */
export function close(actual: unknown, expected: unknown, tol = 1e-6): void {
  // toTree writes non-finite floats as 'nan', 'inf', '-inf'.
  const num = (x: unknown) => (typeof x === 'string' ? Number(x.replace('inf', 'Infinity').replace('nan', 'NaN')) : (x as number));
  const a = ([actual].flat(Infinity) as unknown[]).map(num);
  const e = ([expected].flat(Infinity) as unknown[]).map(num);
  assert.equal(a.length, e.length, `length ${a.length} vs ${e.length}`);
  a.forEach((x, i) => {
    if (Number.isNaN(e[i])) return assert.ok(Number.isNaN(x), `element ${i}: ${x} is not NaN`);
    if (!Number.isFinite(e[i])) return assert.equal(x, e[i]);
    assert.ok(Math.abs(x - e[i]) <= tol * Math.max(1, Math.abs(e[i])), `element ${i}: ${x} vs ${e[i]}`);
  });
}
