// Binding the arguments of a native jax function to its parameters, with CPython's TypeError
// texts for the mistakes a user can make (`sum() got an unexpected keyword argument 'axes'`).

import { typeError } from '../errors';
import { type Kwargs, None, PyModule, PyNativeFunction, type PyObject } from '../interp/object';

/** A parameter list: names in order; a trailing '?' marks an optional one (default None). */
export type ParamSpec = readonly string[];

/** The bound arguments: every parameter name maps to its value (None when omitted). */
export type Bound = Record<string, PyObject>;

/**
 * Binds `args`/`kwargs` to `params` the way a Python def with defaults of None does. Names
 * starting with '*' collect extra positional arguments (as the Bound value `__varargs__`).
 */
export function bindArgs(fnName: string, args: readonly PyObject[], kwargs: Kwargs, params: ParamSpec): Bound {
  const names = params.map((p) => p.replace(/[?]$/, ''));
  const required = params.filter((p) => !p.endsWith('?')).length;
  const out: Bound = {};
  if (args.length > names.length) {
    const range = required === names.length ? `${names.length}` : `from ${required} to ${names.length}`;
    const plural = names.length === 1 && required === names.length ? 'argument' : 'arguments';
    throw typeError(`${fnName}() takes ${range} positional ${plural} but ${args.length} were given`);
  }
  args.forEach((a, i) => (out[names[i]] = a));
  for (const [k, v] of kwargs) {
    if (!names.includes(k)) throw typeError(`${fnName}() got an unexpected keyword argument '${k}'`);
    if (k in out) throw typeError(`${fnName}() got multiple values for argument '${k}'`);
    out[k] = v;
  }
  const missing = names.slice(0, required).filter((n) => !(n in out));
  if (missing.length > 0) {
    const quoted = missing.map((m) => `'${m}'`);
    const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
    const noun = missing.length === 1 ? 'argument' : 'arguments';
    throw typeError(`${fnName}() missing ${missing.length} required positional ${noun}: ${list}`);
  }
  for (const n of names) if (!(n in out)) out[n] = None;
  return out;
}

/** Splits `name(a, b?, c?)` style specs: positional parameters then the keyword-only ones. */
export function fn(
  module: string,
  name: string,
  params: ParamSpec,
  impl: (a: Bound) => PyObject,
): PyNativeFunction {
  return new PyNativeFunction(name, (args, kwargs) => impl(bindArgs(name, args, kwargs, params)), `${module}.${name}`);
}

/** A function taking any number of positional arguments plus named keyword arguments. */
export function varFn(
  module: string,
  name: string,
  keywords: readonly string[],
  impl: (args: PyObject[], kw: Bound) => PyObject,
): PyNativeFunction {
  return new PyNativeFunction(
    name,
    (args, kwargs) => {
      const kw: Bound = {};
      for (const [k, v] of kwargs) {
        if (!keywords.includes(k)) throw typeError(`${name}() got an unexpected keyword argument '${k}'`);
        kw[k] = v;
      }
      for (const k of keywords) if (!(k in kw)) kw[k] = None;
      return impl(args, kw);
    },
    `${module}.${name}`,
  );
}

/** Adds native functions to a module under their own names. */
export function addAll(mod: PyModule, fns: readonly PyNativeFunction[]): void {
  for (const f of fns) mod.attrs.set(f.name, f);
}

export function isNone(o: PyObject | undefined): boolean {
  return o === undefined || o === None;
}
