// Argument checks for native functions and methods, with CPython-style TypeError texts.

import { typeError } from '../../errors';
import { Kwargs, PyClass, PyNativeFunction, PyObject, nativeMethod } from '../object';

/** Checks the positional count of `name(...)`; `args` excludes self for methods. */
export function arity(name: string, args: readonly PyObject[], min: number, max = min): void {
  const n = args.length;
  if (n >= min && n <= max) return;
  if (min === max) {
    if (min === 0) throw typeError(`${name}() takes no arguments (${n} given)`);
    if (min === 1) throw typeError(`${name}() takes exactly one argument (${n} given)`);
    throw typeError(`${name} expected ${min} arguments, got ${n}`);
  }
  if (n < min) throw typeError(`${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${n}`);
  throw typeError(`${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${n}`);
}

export function noKwargs(name: string, kwargs: Kwargs): void {
  if (kwargs.size > 0) throw typeError(`${name}() takes no keyword arguments`);
}

/** Takes the allowed keyword arguments out of `kwargs`; any other is a TypeError. */
export function takeKwargs(name: string, kwargs: Kwargs, allowed: readonly string[]): Map<string, PyObject> {
  for (const k of kwargs.keys()) {
    if (!allowed.includes(k)) throw typeError(`${name}() got an unexpected keyword argument '${k}'`);
  }
  return kwargs;
}

/** Defines a method whose implementation receives (self, args, kwargs). */
export function method(
  cls: PyClass,
  name: string,
  fn: (self: PyObject, args: PyObject[], kwargs: Kwargs) => PyObject,
): void {
  nativeMethod(cls, name, (args, kwargs) => fn(args[0], args.slice(1), kwargs));
}

export function builtin(name: string, fn: (args: PyObject[], kwargs: Kwargs) => PyObject): PyNativeFunction {
  return new PyNativeFunction(name, fn);
}
