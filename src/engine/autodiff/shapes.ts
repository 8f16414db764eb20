// Shape and dtype checks shared by the primitives' abstract-evaluation rules, with JAX's
// messages (jax/_src/lax/lax.py: broadcasting_shape_rule, naryop_dtype_rule, the float0 rule).

import { type AVal, type DType, DTYPES } from '../array/dtype';
import { typeError } from '../errors';

/** Python's repr of a shape tuple: `()`, `(3,)`, `(2, 3)`. */
export function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function aval(shape: readonly number[], dtype: DType, weakType: boolean): AVal {
  return { shape, dtype, weakType };
}

/**
 * Result shape of an elementwise n-ary primitive: 0-d operands broadcast against anything,
 * the others must have one rank and sizes that agree or are 1.
 */
export function broadcastingShape(name: string, avals: readonly AVal[]): number[] {
  const shapes = avals.map((a) => a.shape).filter((s) => s.length > 0);
  if (shapes.length === 0) return [];
  const list = shapes.map(shapeRepr).join(', ');
  if (new Set(shapes.map((s) => s.length)).size !== 1) {
    throw typeError(`${name}: arrays must have same number of dimensions, got ${list}.`);
  }
  const out: number[] = [];
  for (let i = 0; i < shapes[0].length; i++) {
    const nonOnes = shapes.map((s) => s[i]).filter((d) => d !== 1);
    if (nonOnes.some((d) => d !== nonOnes[0])) {
      throw typeError(`${name} got incompatible shapes for broadcasting: ${list}.`);
    }
    out.push(nonOnes.length ? nonOnes[0] : 1);
  }
  return out;
}

/** lax's float0 guard for n-ary operations (SEMANTICS §1.12, lax-level text). */
export function checkNoFloat0(name: string, avals: readonly AVal[]): void {
  const pos = avals.findIndex((a) => a.dtype === 'float0');
  if (pos < 0) return;
  throw typeError(
    `Called ${name} with a float0 at position ${pos}. float0s do not support any operations by ` +
      `design, because they are not compatible with non-trivial vector spaces. No implicit dtype ` +
      `conversion is done. You can use np.zeros_like(arr, dtype=np.float) to cast a float0 array ` +
      `to a regular zeros array. \nIf you didn't expect to get a float0 you might have ` +
      `accidentally taken a gradient with respect to an integer argument.`,
  );
}

/** Which dtype families a primitive accepts (lax's `_float | _complex`, `_bool_or_int`, ...). */
export type Accept = 'float' | 'complex' | 'int' | 'bool';

const ACCEPT_NAMES: Record<Accept, string> = {
  float: 'floating',
  complex: 'complexfloating',
  int: 'integer',
  bool: 'bool_',
};

export function accepts(dtype: DType, accept: readonly Accept[]): boolean {
  const kind = DTYPES[dtype].kind;
  return accept.some((a) => (a === 'int' ? kind === 'int' || kind === 'uint' : a === kind));
}

/** lax's operand dtype check: `{name} does not accept dtype {d} at position {i}. ...`. */
export function checkDtypes(name: string, avals: readonly AVal[], accept: readonly Accept[]): void {
  checkNoFloat0(name, avals);
  avals.forEach((a, i) => {
    if (!accepts(a.dtype, accept)) {
      throw typeError(
        `${name} does not accept dtype ${a.dtype} at position ${i}. Accepted dtypes at position ` +
          `${i} are subtypes of ${accept.map((x) => ACCEPT_NAMES[x]).join(', ')}.`,
      );
    }
  });
}

/** The jnp function lax's dtype error points to (lax.py's `_JNP_FUNCTION_EQUIVALENTS`, in part). */
const JNP_EQUIVALENTS: Readonly<Record<string, string>> = {
  add: 'add',
  sub: 'subtract',
  mul: 'multiply',
  div: 'divide',
  max: 'maximum',
  min: 'minimum',
  eq: 'equal',
  ne: 'not_equal',
  atan2: 'arctan2',
  nextafter: 'nextafter',
  pow: 'float_power',
  concatenate: 'concatenate',
};

/** lax's check that n-ary operands share one dtype (the jax layer promotes before binding). */
export function checkSameDtypes(name: string, avals: readonly AVal[]): void {
  if (avals.some((a) => a.dtype !== avals[0].dtype)) {
    const equiv = JNP_EQUIVALENTS[name];
    const tip = equiv ? ` (Tip: jnp.${equiv} is a similar function that does automatic type promotion on inputs).` : '';
    throw typeError(
      `lax.${name} requires arguments to have the same dtypes, got ${avals.map((a) => a.dtype).join(', ')}.${tip}`,
    );
  }
}

/** Normalises `axes` is the caller's job; this checks them (an engine bug otherwise). */
export function checkAxes(name: string, axes: readonly number[], ndim: number): void {
  for (const a of axes) {
    if (!Number.isInteger(a) || a < 0 || a >= ndim) {
      throw typeError(`${name}: axis ${a} is out of bounds for array of dimension ${ndim}`);
    }
  }
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** The real dtype underlying a complex one (complex64 -> float32). */
export function realDtype(d: DType): DType {
  return d === 'complex64' ? 'float32' : d === 'complex128' ? 'float64' : d;
}

export function complexDtype(d: DType): DType {
  return d === 'float64' ? 'complex128' : 'complex64';
}
