// The finite-difference check of a gradient (SEMANTICS §3, after jax.test_util.check_grads).
//
// Along one random direction t (fixed seed; check_grads too uses a single direction), the
// directional derivative the gradient claims, ⟨g, t⟩, is compared with the central difference (f(x + εt) − f(x − εt)) / 2ε,
// ε = 1e-4, with f evaluated in float64 (x64 switched on for the probe evaluations, inputs
// converted to float64) so the reference is far more accurate than the float32 gradient.
// Tolerance: check_grads's default for the gradient's dtype (float32: atol = rtol = 2e-3).
//
// A kink is told apart from a wrong gradient by the one-sided differences: at a kink they
// disagree, and the disagreement does not shrink when ε does (for a smooth function it shrinks
// linearly with ε). There the report names JAX's convention instead of calling it a mismatch.

import { NDArray } from '../array/ndarray';
import { runContext } from '../context';
import { PyError } from '../errors';
import { type Kwargs, PyDict, PyFloat, type PyObject, PyList, PyTuple, PyFunction, PyNativeFunction } from '../interp';
import { callObject } from '../interp/protocol';
import { isJaxArray, JaxArray, wrap } from '../jax/array';
import type { FiniteDifferenceReport } from '../report';
import { normalRandoms } from './random';

export const EPS = 1e-4;
/** One direction as check_grads: each costs two runs of the function, and the check runs on
 *  every edit. A wrong gradient still shows in a random direction unless its error happens to
 *  be orthogonal to it, which for a Gaussian direction has probability zero. */
const DIRECTIONS = 1;
/** Larger inputs are not probed: each probe re-runs the function (three runs in all, more at a kink). */
const MAX_INPUT_ELEMENTS = 1_000_000;
const SEED = 0;

/** check_grads's default tolerances (jax/_src/public_test_util.py::default_gradient_tolerance). */
const GRADIENT_TOLERANCE: Readonly<Record<string, number>> = {
  float16: 1e-2,
  bfloat16: 1e-1,
  float32: 2e-3,
  float64: 1e-5,
};

export interface GradientCheckInput {
  /** The differentiated Python function. */
  fn: PyObject;
  args: readonly PyObject[];
  kwargs?: Kwargs;
  /** As the transform normalised it: an int (gradient is that argument's tree) or a list (tuple of trees). */
  argnums: number | number[];
  hasAux: boolean;
  /** The gradient part of the transform's result (see `gradientPart`), or the Jacobian tree. */
  gradient: PyObject;
  /** 'jacobian' for jacfwd/jacrev/jacobian results (default 'gradient'). */
  kind?: 'gradient' | 'jacobian';
}

export interface GradientCheck {
  report: FiniteDifferenceReport;
  /** Left and right directional differences at a kink, for the message. */
  sides?: { left: number; right: number };
  /** The tolerance used for `maxError`. */
  tolerance: number;
  /** The direction with the largest error: the gradient's directional derivative vs the central difference. */
  worst: { claimed: number; central: number };
}

/** Transforms whose result is a Jacobian tree (output tree of input trees). */
export const JACOBIANS = new Set(['jacobian', 'jacfwd', 'jacrev']);

/** The gradient inside a transform's result: grad → g or (g, aux); value_and_grad → (v, g) or ((v, aux), g). */
export function gradientPart(transform: string, result: PyObject, hasAux: boolean): PyObject | undefined {
  const items = result instanceof PyTuple || result instanceof PyList ? result.items : undefined;
  if (transform === 'grad') return hasAux ? items?.[0] : result;
  if (transform === 'value_and_grad') return items?.[1];
  if (JACOBIANS.has(transform)) return hasAux ? items?.[0] : result;
  return undefined;
}

/** One differentiable input leaf with what the derivative claims for it. */
interface Slot {
  values: Float64Array;
  /** Per output leaf: the derivative block, row-major (output elements × input elements). */
  claimed: Float64Array[];
  gradDtype: string;
  /** Rebuild this leaf from float64 values. */
  make(values: Float64Array): PyObject;
}

type Probe = (offsets: Float64Array[], scale: number) => number | undefined;

/**
 * Runs the check; undefined when the function cannot be checked this way (complex or integer
 * inputs only, an output that is not real floats, a probe evaluation that raised).
 *
 * `kind: 'jacobian'` checks a Jacobian tree (output tree of input trees, jacfwd/jacrev) by
 * projecting the output on a random cotangent u as check_grads's rev mode does:
 * ⟨u, J·t⟩ against the central difference of ⟨u, f(x)⟩.
 */
export function checkGradientNumerically(input: GradientCheckInput): GradientCheck | undefined {
  return givingBackBudget(() => probeAndCompare(input));
}

/**
 * Runs `fn` under the run's budgets (a runaway probe stops), then gives back the steps and
 * elements it used: the check must not make the user's later statements run out of budget.
 */
export function givingBackBudget<T>(fn: () => T): T {
  const ctx = runContext();
  const saved = { steps: ctx.steps, totalElements: ctx.totalElements };
  try {
    return fn();
  } finally {
    ctx.steps = saved.steps;
    ctx.totalElements = saved.totalElements;
  }
}

function probeAndCompare(input: GradientCheckInput): GradientCheck | undefined {
  const argnums = typeof input.argnums === 'number' ? [input.argnums] : input.argnums;
  if (new Set(argnums).size !== argnums.length || argnums.some((a) => !input.args[a])) return undefined;
  const ctx = runContext();
  const savedX64 = ctx.x64;
  ctx.userX64 = savedX64;
  ctx.x64 = true;
  try {
    // Every float input in float64, so no float32 operand pulls the probe back to float32.
    const widenedArgs = input.args.map(widen);
    const widenedKwargs: Kwargs = new Map([...(input.kwargs ?? new Map<string, PyObject>())].map(([k, v]) => [k, widen(v)]));
    const call = (args: PyObject[]) => stripAux(callObject(input.fn, args, widenedKwargs), input.hasAux);
    const out0 = call(widenedArgs);
    if (!out0) return undefined;
    const blocks = input.kind === 'jacobian' ? pairOutput(out0, input.gradient) : [{ size: 1, sub: input.gradient }];
    if (!blocks || blocks.length === 0) return undefined;
    if (input.kind !== 'jacobian' && outputLeaves(out0)?.map((l) => l.length).join() !== '1') return undefined;

    // Slots from the first output block; the other blocks contribute their claims only.
    let slots: Slot[] = [];
    let replacers: ((leafValues: Float64Array[]) => PyObject)[] = [];
    for (const [o, block] of blocks.entries()) {
      const grads = typeof input.argnums === 'number' ? [block.sub] : tupleItems(block.sub);
      if (!grads || grads.length !== argnums.length) return undefined;
      const found: Slot[] = [];
      const rebuilders: ((leafValues: Float64Array[]) => PyObject)[] = [];
      for (let i = 0; i < argnums.length; i++) {
        const collected = collectSlots(input.args[argnums[i]], grads[i], block.size);
        if (!collected) return undefined;
        const first = found.length;
        found.push(...collected.slots);
        rebuilders.push((all) => collected.rebuild(all.slice(first, first + collected.slots.length)));
      }
      if (o === 0) [slots, replacers] = [found, rebuilders];
      else if (found.length !== slots.length) return undefined;
      else found.forEach((f, j) => slots[j].claimed.push(f.claimed[0]));
    }
    if (slots.length === 0 || slots.reduce((n, s) => n + s.values.length, 0) > MAX_INPUT_ELEMENTS) return undefined;

    const tolerance = Math.max(...slots.map((s) => GRADIENT_TOLERANCE[s.gradDtype] ?? 2e-3));
    const outputsAt = (offsets: Float64Array[], scale: number): Float64Array[] | undefined => {
      const leafValues = slots.map((s, j) => {
        const v = new Float64Array(s.values.length);
        for (let k = 0; k < v.length; k++) v[k] = s.values[k] + scale * offsets[j][k];
        return v;
      });
      const args = [...widenedArgs];
      argnums.forEach((a, i) => {
        args[a] = replacers[i](leafValues);
      });
      const out = call(args);
      return out ? outputLeaves(out) : undefined;
    };

    const random = normalRandoms(SEED);
    let maxError = 0;
    let ok = true;
    let kink: { left: number; right: number } | undefined;
    let worst = { claimed: 0, central: 0 };
    // The unperturbed point is out0, already evaluated with the widened arguments.
    const base = outputLeaves(out0);
    if (!base || base.length !== blocks.length) return undefined;
    for (let d = 0; d < DIRECTIONS; d++) {
      const t = slots.map((s) => Float64Array.from(s.values, () => random()));
      const u = input.kind === 'jacobian' ? base.map((leaf) => Float64Array.from(leaf, () => random())) : [Float64Array.of(1)];
      const probe: Probe = (offsets, scale) => {
        const outs = outputsAt(offsets, scale);
        return outs && outs.length === u.length ? project(u, outs) : undefined;
      };
      const claimed = claimedDirectional(slots, u, t);
      const f0 = project(u, base);
      const fp = probe(t, EPS);
      const fm = probe(t, -EPS);
      if (fp === undefined || fm === undefined) return undefined;
      const central = (fp - fm) / (2 * EPS);
      kink ??= kinkSides(f0, fp, fm, t, probe);
      if (Object.is(claimed, central) || (Number.isNaN(claimed) && Number.isNaN(central))) continue;
      const error = Math.abs(claimed - central);
      // check_close: |a - b| <= atol + rtol·|b|, with NaN never close
      if (!(error <= tolerance + tolerance * Math.abs(central))) ok = false;
      const e = Number.isNaN(error) ? Infinity : error;
      if (e >= maxError) worst = { claimed, central };
      maxError = Math.max(maxError, e);
    }
    const report: FiniteDifferenceReport = { ok, maxError };
    return { report, tolerance, worst, ...(kink ? { sides: kink } : {}) };
  } catch (e) {
    if (e instanceof PyError) return undefined;
    throw e;
  } finally {
    ctx.x64 = savedX64;
    ctx.userX64 = undefined;
  }
}

/** ⟨u, J·t⟩ summed over output leaves and input slots. */
function claimedDirectional(slots: Slot[], u: Float64Array[], t: Float64Array[]): number {
  let total = 0;
  slots.forEach((s, j) => {
    const n = s.values.length;
    s.claimed.forEach((block, o) => {
      for (let a = 0; a < u[o].length; a++) {
        let row = 0;
        for (let b = 0; b < n; b++) row += block[a * n + b] * t[j][b];
        total += u[o][a] * row;
      }
    });
  });
  return total;
}

function project(u: Float64Array[], outs: Float64Array[]): number {
  let total = 0;
  outs.forEach((leaf, o) => leaf.forEach((v, a) => (total += u[o][a] * v)));
  return total;
}

/** Left/right differences when they disagree in a way that does not shrink with ε (a kink). */
function kinkSides(f0: number, fp: number, fm: number, t: Float64Array[], probe: Probe): { left: number; right: number } | undefined {
  const right = (fp - f0) / EPS;
  const left = (f0 - fm) / EPS;
  const gap = Math.abs(right - left);
  if (!(gap > 1e-3 * (Math.abs(left) + Math.abs(right)) + 1e-6)) return undefined;
  const small = EPS / 10;
  const fp2 = probe(t, small);
  const fm2 = probe(t, -small);
  if (fp2 === undefined || fm2 === undefined) return undefined;
  const gap2 = Math.abs((fp2 - f0) / small - (f0 - fm2) / small);
  return gap2 > 0.5 * gap ? { left, right } : undefined;
}

/** The primary output of a probe evaluation (the first element with has_aux). */
function stripAux(out: PyObject, hasAux: boolean): PyObject | undefined {
  if (!hasAux) return out;
  const items = tupleItems(out);
  return items && items.length === 2 ? items[0] : undefined;
}

/** Float leaves of an output tree as float64 values, in tree order; undefined if any is not real float. */
function outputLeaves(out: PyObject): Float64Array[] | undefined {
  const items = tupleItems(out);
  if (items) {
    const parts = items.map(outputLeaves);
    return parts.some((p) => !p) ? undefined : parts.flatMap((p) => p!);
  }
  if (out instanceof PyDict) {
    const parts = [...out.entries.values()].map(([, v]) => outputLeaves(v));
    return parts.some((p) => !p) ? undefined : parts.flatMap((p) => p!);
  }
  const data = floatData(out);
  return data ? [data.values] : undefined;
}

/** Splits a Jacobian tree along the output tree: one input-shaped block per output leaf. */
function pairOutput(out: PyObject, jac: PyObject): { size: number; sub: PyObject }[] | undefined {
  const items = tupleItems(out);
  if (items) {
    const j = tupleItems(jac);
    if (!j || j.length !== items.length) return undefined;
    const parts = items.map((o, i) => pairOutput(o, j[i]));
    return parts.some((p) => !p) ? undefined : parts.flatMap((p) => p!);
  }
  if (out instanceof PyDict) {
    if (!(jac instanceof PyDict)) return undefined;
    const parts = [...out.entries].map(([k, [, v]]) => {
      const j = jac.entries.get(k);
      return j ? pairOutput(v, j[1]) : undefined;
    });
    return parts.some((p) => !p) ? undefined : parts.flatMap((p) => p!);
  }
  const data = floatData(out);
  return data ? [{ size: data.values.length, sub: jac }] : undefined;
}

function tupleItems(o: PyObject): readonly PyObject[] | undefined {
  return o instanceof PyTuple || o instanceof PyList ? o.items : undefined;
}

/**
 * Pairs the float leaves of an argument with the matching leaves of its gradient (same tree;
 * dicts matched by key, since JAX may order the gradient's keys differently). Integer and bool
 * leaves are not differentiated and are kept as they are.
 */
function collectSlots(arg: PyObject, grad: PyObject, outSize = 1): { slots: Slot[]; rebuild(values: Float64Array[]): PyObject } | undefined {
  if (arg instanceof PyTuple || arg instanceof PyList) {
    const gItems = tupleItems(grad);
    if (!gItems || gItems.length !== arg.items.length) return undefined;
    const parts = arg.items.map((a, i) => collectSlots(a, gItems[i], outSize));
    if (parts.some((p) => !p)) return undefined;
    return container(parts as NonNullable<(typeof parts)[number]>[], (items) =>
      arg instanceof PyTuple ? new PyTuple(items) : new PyList(items),
    );
  }
  if (arg instanceof PyDict) {
    if (!(grad instanceof PyDict)) return undefined;
    const keys = [...arg.entries.keys()];
    const parts = keys.map((k) => {
      const g = grad.entries.get(k);
      return g ? collectSlots(arg.entries.get(k)![1], g[1], outSize) : undefined;
    });
    if (parts.some((p) => !p)) return undefined;
    return container(parts as NonNullable<(typeof parts)[number]>[], (items) => {
      const d = new PyDict();
      keys.forEach((k, i) => d.entries.set(k, [arg.entries.get(k)![0], items[i]]));
      return d;
    });
  }
  const slot = leafSlot(arg, grad, outSize);
  if (slot === null) return { slots: [], rebuild: () => arg };
  if (!slot) return undefined;
  return { slots: [slot], rebuild: (values) => slot.make(values[0]) };
}

function container(
  parts: { slots: Slot[]; rebuild(values: Float64Array[]): PyObject }[],
  make: (items: PyObject[]) => PyObject,
): { slots: Slot[]; rebuild(values: Float64Array[]): PyObject } {
  return {
    slots: parts.flatMap((p) => p.slots),
    rebuild(values) {
      let at = 0;
      return make(parts.map((p) => p.rebuild(values.slice(at, (at += p.slots.length)))));
    },
  };
}

/** A float leaf → its slot; a non-differentiable leaf → null; anything uncheckable → undefined. */
function leafSlot(arg: PyObject, grad: PyObject, outSize: number): Slot | null | undefined {
  const claimed = floatData(grad);
  if (arg instanceof PyFloat) {
    if (!claimed || claimed.values.length !== outSize) return undefined;
    return { values: Float64Array.of(arg.value), claimed: [claimed.values], gradDtype: claimed.dtype, make: (v) => float64Array([], v) };
  }
  if (isJaxArray(arg)) {
    const c = arg.concrete;
    if (!c) return undefined;
    if (!/^(float|bfloat)/.test(c.dtype)) return /^complex/.test(c.dtype) ? undefined : null;
    if (!claimed || claimed.values.length !== outSize * c.size) return undefined;
    const shape = [...c.shape];
    return {
      values: Float64Array.from(c.data as ArrayLike<number>),
      claimed: [claimed.values],
      gradDtype: claimed.dtype,
      make: (v) => float64Array(shape, v),
    };
  }
  return null; // ints, bools, None, strings: not differentiated
}

function floatData(o: PyObject): { values: Float64Array; dtype: string } | undefined {
  if (o instanceof JaxArray) {
    const c = o.concrete;
    if (!c || !/^(float|bfloat)/.test(c.dtype)) return undefined;
    return { values: Float64Array.from(c.data as ArrayLike<number>), dtype: c.dtype };
  }
  if (o instanceof PyFloat) return { values: Float64Array.of(o.value), dtype: 'float64' };
  return undefined;
}

/** A display name for the differentiated function (`f`, `<lambda>`, `jax.numpy.abs`). */
export function functionLabel(fn: PyObject): string {
  if (fn instanceof PyFunction) return fn.name;
  if (fn instanceof PyNativeFunction) return fn.qualname;
  return fn.cls.name;
}

/** A strong float64 array: weak values would take a float32 operand's dtype and lose precision. */
function float64Array(shape: number[], values: Float64Array): JaxArray {
  return wrap(new NDArray('float64', shape, values, false));
}

/** The same tree with float leaves (Python floats, float arrays) as float64 arrays. */
function widen(o: PyObject): PyObject {
  if (o instanceof PyTuple) return new PyTuple(o.items.map(widen));
  if (o instanceof PyList) return new PyList(o.items.map(widen));
  if (o instanceof PyDict) {
    const d = new PyDict();
    for (const [k, [key, v]] of o.entries) d.entries.set(k, [key, widen(v)]);
    return d;
  }
  if (o instanceof PyFloat) return float64Array([], Float64Array.of(o.value));
  if (isJaxArray(o)) {
    const c = o.concrete;
    if (c && /^(float|bfloat)/.test(c.dtype) && c.dtype !== 'float64') return float64Array([...c.shape], Float64Array.from(c.data as ArrayLike<number>));
  }
  return o;
}
