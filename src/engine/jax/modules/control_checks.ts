// JAX's structure and type checks for control flow, with its texts:
// - `_check_tree_and_avals` (jax/_src/lax/control_flow/common.py): cond/switch branch outputs;
// - `_check_carry_type` (jax/_src/lax/control_flow/loops.py): a loop body's carry output
//   against its input, naming the carry after the body's first parameter;
// - `equality_errors` (jax/_src/tree_util.py): where two pytrees differ, and why;
// - `_promote_weak_typed_inputs` (loops.py): a weakly typed initial carry whose body output
//   has another dtype (or shape) is converted to the promoted dtype, and the body retraced.

import { funcSrcInfo, leafPaths } from '../api/debugInfo';
import type { AVal } from '../../array/dtype';
import { resultType } from '../../array/promotion';
import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { shortType } from '../../autodiff/tracer';
import type { TraceDebugInfo } from '../../autodiff/traces/staging';
import { typeError } from '../../errors';
import { PyFunction } from '../../interp/function';
import type { PyObject } from '../../interp/object';
import { pyRepr } from '../../interp/protocol';
import { flatten, type TreeDef } from '../pytree';

/** A pytree whose leaves are described by their Python type (for equality errors). */
type Shadow =
  | { kind: 'leaf'; type: string }
  | { kind: 'none' }
  | { kind: 'tuple' | 'list'; children: Shadow[] }
  | { kind: 'dict'; keys: PyObject[]; children: Shadow[] };

function shadow(def: TreeDef, leafType: (i: number) => string): Shadow {
  let i = 0;
  const walk = (d: TreeDef): Shadow => {
    switch (d.kind) {
      case 'leaf':
        return { kind: 'leaf', type: leafType(i++) };
      case 'none':
        return { kind: 'none' };
      case 'dict':
        return { kind: 'dict', keys: d.keys, children: d.children.map(walk) };
      default:
        return { kind: d.kind, children: d.children.map(walk) };
    }
  };
  return walk(def);
}

const CLASS_NAME = { none: 'NoneType', tuple: 'tuple', list: 'list', dict: 'dict' } as const;
const typeOf = (s: Shadow) => (s.kind === 'leaf' ? s.type : `<class '${CLASS_NAME[s.kind]}'>`);

interface Difference {
  path: string;
  thing1: string;
  thing2: string;
  explanation: string;
}

/** `equality_errors`: the places where two pytrees differ in structure. */
function equalityErrors(t1: Shadow, t2: Shadow, path = ''): Difference[] {
  if (t1.kind === 'leaf' && t2.kind === 'leaf') return [];
  if (typeOf(t1) !== typeOf(t2)) return [{ path, thing1: typeOf(t1), thing2: typeOf(t2), explanation: 'their Python types differ' }];
  if ((t1.kind === 'tuple' || t1.kind === 'list') && t2.kind === t1.kind && t1.children.length !== t2.children.length) {
    const len = (t: { children: Shadow[] }) => `${t1.kind} of length ${t.children.length}`;
    return [{ path, thing1: len(t1), thing2: len(t2), explanation: 'the lengths do not match' }];
  }
  if (t1.kind === 'dict' && t2.kind === 'dict') {
    const k1 = t1.keys.map(pyRepr);
    const k2 = t2.keys.map(pyRepr);
    if (k1.length !== k2.length) {
      const children = (n: number) => `<class 'dict'> with ${n} child${n > 1 ? 'ren' : ''}`;
      const diff = [...k1.filter((k) => !k2.includes(k)), ...k2.filter((k) => !k1.includes(k))].join(' ');
      const explanation = `the numbers of children do not match${diff ? `, with the symmetric difference of key sets: {${diff}}` : ''}`;
      return [{ path, thing1: children(k1.length), thing2: children(k2.length), explanation }];
    }
    if (k1.join() !== k2.join()) {
      const meta = (ks: string[]) => `<class 'dict'> with pytree metadata [${ks.join(', ')}]`;
      return [{ path, thing1: meta(k1), thing2: meta(k2), explanation: 'the pytree node metadata does not match' }];
    }
    return t1.children.flatMap((c, i) => equalityErrors(c, t2.children[i], `${path}[${k1[i]}]`));
  }
  if ((t1.kind === 'tuple' || t1.kind === 'list') && (t2.kind === 'tuple' || t2.kind === 'list')) {
    return t1.children.flatMap((c, i) => equalityErrors(c, t2.children[i], `${path}[${i}]`));
  }
  return [];
}

/** `ShapedArray(float32[3], weak_type=True)`: JAX's repr of an abstract value. */
export function shapedArrayRepr(a: AVal): string {
  return `ShapedArray(${shortType(a)}${a.weakType ? ', weak_type=True' : ''})`;
}

/**
 * Python's str() of a pytree whose leaves are texts. `quoted`: the leaves are str objects, so
 * containers show their repr in quotes (a lone leaf is printed as is); otherwise they stand for
 * objects whose repr is the text itself (ShapedArray).
 */
function treeText(def: TreeDef, leaves: readonly string[], quoted: boolean): string {
  let i = 0;
  const walk = (d: TreeDef, top: boolean): string => {
    switch (d.kind) {
      case 'leaf':
        return quoted && !top ? `'${leaves[i++]}'` : leaves[i++];
      case 'none':
        return 'None';
      case 'tuple':
        return d.children.length === 1 ? `(${walk(d.children[0], false)},)` : `(${d.children.map((c) => walk(c, false)).join(', ')})`;
      case 'list':
        return `[${d.children.map((c) => walk(c, false)).join(', ')}]`;
      case 'dict':
        return `{${d.keys.map((k, j) => `${pyRepr(k)}: ${walk(d.children[j], false)}`).join(', ')}}`;
    }
  };
  return walk(def, true);
}

/** A tree of avals as str() shows it (`(ShapedArray(float32[]), ShapedArray(int32[]))`). */
export function avalTreeText(def: TreeDef, avals: readonly AVal[]): string {
  return treeText(def, avals.map(shapedArrayRepr), false);
}

const sameType = (a: AVal, b: AVal) => a.dtype === b.dtype && a.shape.join() === b.shape.join();

/** `_check_tree_and_avals`: branch outputs must agree in structure and types (weak types aside). */
export function checkTreeAndAvals(what1: string, def1: TreeDef, avals1: readonly AVal[], what2: string, def2: TreeDef, avals2: readonly AVal[]): void {
  const diffs = equalityErrors(shadow(def1, () => 'pytree leaf'), shadow(def2, () => 'pytree leaf'));
  if (diffs.length > 0) {
    const lines = diffs.map((d) => `    * at output${d.path}, ${what1} has ${d.thing1} and ${what2} has ${d.thing2}, so ${d.explanation}`);
    throw typeError([`${what1} must have same type structure as ${what2}, but there are differences: `, ...lines].join('\n'));
  }
  if (avals1.every((a, i) => sameType(a, avals2[i]))) return;
  const shown = avals1.map((a, i) => (sameType(a, avals2[i]) ? shapedArrayRepr(a) : `DIFFERENT ${shapedArrayRepr(a)} vs. ${shapedArrayRepr(avals2[i])}`));
  throw typeError(`${what1} and ${what2} must have identical types, got\n${treeText(def1, shown, true)}.`);
}

/** The name of a function's first parameter, as `inspect.signature` gives it (null if unknown). */
export function firstParamName(fn: PyObject): string | null {
  return fn instanceof PyFunction ? fn.parameterNames[0] ?? null : null;
}

const capitalize = (s: string) => s[0].toUpperCase() + s.slice(1);

function listDifferences(diffs: string[]): string {
  if (diffs.length === 1) return `${capitalize(diffs[0])}.\n`;
  return diffs.slice(0, -1).map((d) => `  * ${d};\n`).join('\n') + `  * ${diffs[diffs.length - 1]}.\n`;
}

/** What the loop carry looked like going in: its structure, leaves and their avals. */
export interface CarryIn {
  def: TreeDef;
  leaves: readonly PyObject[];
  avals: readonly AVal[];
}

/** `_check_carry_type`: a loop body's carry output must match its input in structure and types. */
export function checkCarryType(name: string, carryName: string | null, carryIn: CarryIn, outDef: TreeDef, outAvals: readonly AVal[]): void {
  const component = (path: string) =>
    carryName ? (path ? `the input carry component ${carryName}${path}` : `the input carry ${carryName}`) : path ? `the input carry at path ${path}` : 'the input carry';
  const inShadow = shadow(carryIn.def, (i) => pyRepr(carryIn.leaves[i].cls));
  const outShadow = shadow(outDef, () => "<class 'jax._src.core.ShapedArray'>");
  const structural = equalityErrors(inShadow, outShadow);
  if (structural.length > 0) {
    const diffs = structural.map(
      (d) => `${component(d.path)} is a ${d.thing1} but the corresponding component of the carry output is a ${d.thing2}, so ${d.explanation}`,
    );
    throw typeError(
      `${name} function carry input and carry output must have the same pytree structure, but they differ:\n\n` +
        `${listDifferences(diffs)}\nRevise the function so that the carry output has the same pytree structure as the carry input.`,
    );
  }
  const paths = leafPaths(carryIn.def);
  const diffs = carryIn.avals.flatMap((a, i) => {
    const b = outAvals[i];
    if (sameType(a, b)) return [];
    const dtype = a.dtype !== b.dtype;
    const shape = a.shape.join() !== b.shape.join();
    const extra = ', so ' + (dtype ? 'the dtypes do not match' : '') + (dtype && shape ? ' and also ' : '') + (shape ? 'the shapes do not match' : '');
    return [`${component(paths[i])} has type ${shortType(a)} but the corresponding output carry component has type ${shortType(b)}${extra}`];
  });
  if (diffs.length === 0) return;
  throw typeError(
    `${name} function carry input and carry output must have equal types (e.g. shapes and dtypes of arrays), but they differ:\n\n` +
      `${listDifferences(diffs)}\nRevise the function so that all output types (e.g. shapes and dtypes) match the corresponding input types.`,
  );
}

/**
 * JAX's `api_util.debug_info(traced_for, fun, args, {})` for a control-flow body: `fun`'s source
 * (`f at FILE:3`; for one of JAX's wrappers, the user function whose source info JAX saved on it,
 * with the wrapper's own parameters) and
 * one name per leaf of `args`, from fun's positional parameters (`c`, `c[0]`, `x['w']`).
 */
export function debugInfo(tracedFor: string, fun: PyObject, args: readonly PyObject[], wrapper?: { srcFun: PyObject; params: string[] }): TraceDebugInfo {
  const params = wrapper?.params ?? (fun instanceof PyFunction ? fun.params.positional.map((p) => p.name) : []);
  const srcFun = wrapper?.srcFun ?? fun;
  const argNames = args.flatMap((a, i) => leafPaths(flatten(a).def).map((path) => `${params[i] ?? `args[${i}]`}${path}`));
  return { funcSrcInfo: funcSrcInfo(srcFun), argNames, tracedFor };
}

/** `keystr` of each leaf's path: `[0]['a']`. */
/**
 * `_promote_weak_typed_inputs`: each weakly typed initial value whose body output differs in
 * dtype or shape is converted (strongly) to the dtype the two promote to. Null: nothing changed.
 */
export function promoteWeakInputs(values: readonly Value[], outAvals: readonly AVal[]): Value[] | null {
  let changed = false;
  const out = values.map((v, i) => {
    const a = avalOf(v);
    const b = outAvals[i];
    if (!b || !a.weakType || sameType(a, b)) return v;
    changed = true;
    return lax.convertElementType(v, resultType(a, b).dtype, false);
  });
  return changed ? out : null;
}
