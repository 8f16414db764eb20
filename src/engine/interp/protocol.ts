// The protocol functions: how the interpreter (and the jax layer) operate on any Python value.
//
// Everything dispatches through `PyClass.slots` and `PyClass.attrs` (object.ts), never on
// concrete JS classes of foreign types, so a class defined elsewhere (jax.Array) gets operators,
// attributes, calls, iteration, hashing and formatting by filling in its slots:
// - `binaryOp(op, a, b)`: a's `binary` slot, then b's `rbinary` (b first when b's class is a
//   proper subclass of a's), then CPython's TypeError.
// - `getAttr(obj, name)`: the `getattr` slot, then class attributes (functions found on the
//   class bind to `obj`), then AttributeError with CPython's text.
// - `callObject(fn, args, kwargs)`: native functions, bound methods, then the `call` slot.
//   Calling a class goes through `type`'s call slot, which calls the class's `__new__` attribute
//   (a native function receiving the class first), then `__init__` when the class has one.
//
// The built-in classes' slots are installed by `./builtins` (imported at the end of this file).

import { PyError, typeError } from '../errors';
import { runContext } from '../context';
import {
  BinaryOp, CompareOp, HashKey, Kwargs, NotImplementedSignal, PyBool, PyBoundMethod, PyClass, PyDict, PyExceptionObject,
  PyFloat, PyInt, PyList, PyModule, PyNativeFunction, PyObject, PyStr, PyTuple, UnaryOp, boolClass, builtinFunctionClass,
  functionClass, None, intClass,
} from './object';

// ---------------------------------------------------------------- constructors

export function pyInt(n: number | bigint): PyInt {
  return PyInt.of(typeof n === 'number' ? Math.trunc(n) : n);
}
export function pyFloat(x: number): PyFloat {
  return new PyFloat(x);
}
export function pyBool(b: boolean): PyBool {
  return PyBool.of(b);
}
export function pyTuple(items: readonly PyObject[]): PyTuple {
  return new PyTuple(items);
}
export function pyList(items: PyObject[]): PyList {
  return new PyList(items);
}
export function pyDict(entries: Iterable<readonly [PyObject, PyObject]> = []): PyDict {
  const d = new PyDict();
  for (const [k, v] of entries) d.entries.set(hashKey(k), [k, v]);
  return d;
}
/** A dict with string keys, e.g. for kwargs. */
export function pyDictFromKwargs(kwargs: Kwargs): PyDict {
  return pyDict([...kwargs].map(([k, v]) => [new PyStr(k), v] as const));
}
export function nativeFunction(name: string, fn: (args: PyObject[], kwargs: Kwargs) => PyObject, qualname = name): PyNativeFunction {
  return new PyNativeFunction(name, fn, qualname);
}

/**
 * `pyStr("text")` builds a Python str; `pyStr(obj)` is Python's `str(obj)` as a JS string.
 * (One name for both, as the brief lists both; the argument type picks the meaning.)
 */
export function pyStr(value: string): PyStr;
export function pyStr(value: PyObject): string;
export function pyStr(value: string | PyObject): PyStr | string {
  if (typeof value === 'string') return new PyStr(value);
  const s = value.cls.slot('str');
  return s ? s(value) : pyRepr(value);
}

// ---------------------------------------------------------------- names of types

/** `type(x).__name__`, as CPython's messages quote it. */
export function typeName(obj: PyObject): string {
  return obj.cls.name;
}

// ---------------------------------------------------------------- repr, str, format

export function pyRepr(obj: PyObject): string {
  const s = obj.cls.slot('repr');
  if (s) return s(obj);
  return `<${obj.cls.qualname} object>`;
}

export function pyFormat(obj: PyObject, spec: string): string {
  const f = obj.cls.slot('format');
  if (f) return f(obj, spec);
  if (spec === '') return pyStr(obj);
  throw typeError(`unsupported format string passed to ${typeName(obj)}.__format__`);
}

// ---------------------------------------------------------------- truthiness, equality, identity

export function truthy(obj: PyObject): boolean {
  if (obj === None) return false;
  if (obj instanceof PyBool) return obj.value;
  const b = obj.cls.slot('bool');
  if (b) return b(obj);
  const len = obj.cls.slot('len');
  if (len) return len(obj) !== 0;
  return true;
}

/** Python's `is`: the same object (small ints are shared in CPython, so they compare by value). */
export function pyIs(a: PyObject, b: PyObject): boolean {
  if (a === b) return true;
  if (a instanceof PyInt && b instanceof PyInt && a.cls === intClass && b.cls === intClass) {
    return a.value === b.value && a.value >= -5n && a.value <= 256n;
  }
  return false;
}

export function pyEquals(a: PyObject, b: PyObject): boolean {
  if (a === b && !(a instanceof PyFloat)) return true;
  return truthy(compareOp('==', a, b));
}

// ---------------------------------------------------------------- operators

const SEQUENCE_NAMES = new Set(['str', 'list', 'tuple']);

export function binaryOp(op: BinaryOp, a: PyObject, b: PyObject): PyObject {
  const left = a.cls.slot('binary');
  const right = b.cls === a.cls ? undefined : b.cls.slot('rbinary');
  if (right && b.cls.isSubclassOf(a.cls)) {
    const r = right(op, b, a);
    if (r !== NotImplementedSignal) return r;
  }
  if (left) {
    const r = left(op, a, b);
    if (r !== NotImplementedSignal) return r;
  }
  if (right && !b.cls.isSubclassOf(a.cls)) {
    const r = right(op, b, a);
    if (r !== NotImplementedSignal) return r;
  }
  throw binaryTypeError(op, a, b);
}

function binaryTypeError(op: BinaryOp, a: PyObject, b: PyObject): PyError {
  if (op === '*' && (isSequence(a) || isSequence(b))) {
    const other = isSequence(a) ? b : a;
    return typeError(`can't multiply sequence by non-int of type '${typeName(other)}'`);
  }
  if (op === '+' && isSequence(a) && a.cls.name !== b.cls.name) {
    if (a.cls.name === 'str') return typeError(`can only concatenate str (not "${typeName(b)}") to str`);
    return typeError(`can only concatenate ${a.cls.name} (not "${typeName(b)}") to ${a.cls.name}`);
  }
  const shown = op === '**' ? '** or pow()' : op;
  return typeError(`unsupported operand type(s) for ${shown}: '${typeName(a)}' and '${typeName(b)}'`);
}

function isSequence(o: PyObject): boolean {
  for (const c of o.cls.mro()) if (SEQUENCE_NAMES.has(c.name) && c.module === 'builtins') return true;
  return false;
}

/** `a op= b`: the `inplace` slot when a's class has one, else the plain binary operator. */
export function inplaceOp(op: BinaryOp, a: PyObject, b: PyObject): PyObject {
  const slot = a.cls.slot('inplace');
  if (slot) {
    const r = slot(op, a, b);
    if (r !== NotImplementedSignal) return r;
  }
  try {
    return binaryOp(op, a, b);
  } catch (e) {
    if (e instanceof PyError && e.pyType === 'TypeError' && e.message.startsWith('unsupported operand type(s) for')) {
      const shown = op === '**' ? '**=' : `${op}=`;
      throw typeError(`unsupported operand type(s) for ${shown}: '${typeName(a)}' and '${typeName(b)}'`);
    }
    throw e;
  }
}

const SWAPPED: Record<CompareOp, CompareOp> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '==': '==', '!=': '!=' };

export function compareOp(op: CompareOp, a: PyObject, b: PyObject): PyObject {
  const left = a.cls.slot('compare');
  const right = b.cls === a.cls ? undefined : b.cls.slot('compare');
  if (right && b.cls !== a.cls && b.cls.isSubclassOf(a.cls)) {
    const r = right(SWAPPED[op], b, a);
    if (r !== NotImplementedSignal) return r;
  }
  if (left) {
    const r = left(op, a, b);
    if (r !== NotImplementedSignal) return r;
  }
  if (right) {
    const r = right(SWAPPED[op], b, a);
    if (r !== NotImplementedSignal) return r;
  }
  if (op === '==') return PyBool.of(a === b);
  if (op === '!=') return PyBool.of(a !== b);
  throw typeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

export function unaryOp(op: UnaryOp, a: PyObject): PyObject {
  const slot = a.cls.slot('unary');
  if (slot) return slot(op, a);
  const name = op === '-' ? 'unary -' : op === '+' ? 'unary +' : 'unary ~';
  throw typeError(`bad operand type for ${name}: '${typeName(a)}'`);
}

/** `item in container`. */
export function contains(container: PyObject, item: PyObject): boolean {
  const slot = container.cls.slot('contains');
  if (slot) return slot(container, item);
  if (container.cls.slot('iter')) {
    for (const x of iterate(container)) if (pyIs(x, item) || pyEquals(x, item)) return true;
    return false;
  }
  throw typeError(`argument of type '${typeName(container)}' is not iterable`);
}

// ---------------------------------------------------------------- attributes

export function getAttr(obj: PyObject, name: string): PyObject {
  const v = lookupAttr(obj, name);
  if (v !== undefined) return v;
  throw attributeError(obj, name);
}

/** Like getAttr, but `undefined` instead of AttributeError (for `hasattr`/`getattr` defaults). */
export function lookupAttr(obj: PyObject, name: string): PyObject | undefined {
  const slot = obj.cls.slot('getattr');
  if (slot) {
    const v = slot(obj, name);
    if (v !== undefined) return v;
  }
  if (obj instanceof PyClass) return undefined; // the type slot already looked in the class
  const attr = obj.cls.lookup(name);
  if (attr === undefined) {
    if (name === '__class__') return obj.cls;
    return undefined;
  }
  if (attr.cls === functionClass || attr.cls === builtinFunctionClass) return new PyBoundMethod(obj, attr);
  const descriptor = attr.cls.slot('get');
  if (descriptor) return descriptor(attr, obj, obj.cls);
  return attr;
}

export function attributeError(obj: PyObject, name: string): PyError {
  if (obj instanceof PyModule) return new PyError('AttributeError', `module '${obj.name}' has no attribute '${name}'`);
  if (obj instanceof PyClass) return new PyError('AttributeError', `type object '${obj.name}' has no attribute '${name}'`);
  return new PyError('AttributeError', `'${typeName(obj)}' object has no attribute '${name}'`);
}

export function setAttr(obj: PyObject, name: string, value: PyObject): void {
  const slot = obj.cls.slot('setattr');
  if (slot) return slot(obj, name, value);
  if (obj instanceof PyModule) {
    obj.attrs.set(name, value);
    return;
  }
  if (obj.cls.lookup(name) !== undefined) {
    throw new PyError('AttributeError', `'${typeName(obj)}' object attribute '${name}' is read-only`);
  }
  throw new PyError('AttributeError', `'${typeName(obj)}' object has no attribute '${name}' and no __dict__ for setting new attributes`);
}

// ---------------------------------------------------------------- items

export function getItem(obj: PyObject, key: PyObject): PyObject {
  const slot = obj.cls.slot('getitem');
  if (slot) return slot(obj, key);
  if (obj instanceof PyClass) {
    // `list[int]`, `tuple[float, ...]`: generic aliases, harmless in annotations; kept as the class.
    return obj;
  }
  throw typeError(`'${typeName(obj)}' object is not subscriptable`);
}

export function setItem(obj: PyObject, key: PyObject, value: PyObject): void {
  const slot = obj.cls.slot('setitem');
  if (slot) return slot(obj, key, value);
  throw typeError(`'${typeName(obj)}' object does not support item assignment`);
}

export function delItem(obj: PyObject, key: PyObject): void {
  const slot = obj.cls.slot('delitem');
  if (slot) return slot(obj, key);
  throw typeError(`'${typeName(obj)}' object doesn't support item deletion`);
}

// ---------------------------------------------------------------- calls

export function callObject(fn: PyObject, args: PyObject[], kwargs: Kwargs = new Map()): PyObject {
  runContext().step();
  if (fn instanceof PyNativeFunction) return fn.fn(args, kwargs);
  if (fn instanceof PyBoundMethod) return callObject(fn.func, [fn.self, ...args], kwargs);
  const slot = fn.cls.slot('call');
  if (slot) return slot(fn, args, kwargs);
  throw typeError(`'${typeName(fn)}' object is not callable`);
}

export function isCallable(obj: PyObject): boolean {
  return obj instanceof PyNativeFunction || obj instanceof PyBoundMethod || obj.cls.slot('call') !== undefined;
}

// ---------------------------------------------------------------- iteration

export function iterate(obj: PyObject): Iterable<PyObject> {
  const slot = obj.cls.slot('iter');
  if (!slot) {
    // The old sequence protocol: indexing 0, 1, 2, ... until IndexError.
    const get = obj.cls.slot('getitem');
    if (get && !(obj instanceof PyClass)) {
      const items = sequenceIteration(obj, get);
      return { [Symbol.iterator]: () => counted(items) };
    }
    throw typeError(`'${typeName(obj)}' object is not iterable`);
  }
  const it = slot(obj);
  return { [Symbol.iterator]: () => counted(it) };
}

/** Draws from `it`, counting each item against the run's iteration budget. */
function counted(it: Iterator<PyObject>): Iterator<PyObject> {
  const ctx = runContext();
  return {
    next: () => {
      ctx.iterate();
      return it.next();
    },
  };
}

function* sequenceIteration(obj: PyObject, get: (self: PyObject, key: PyObject) => PyObject): Generator<PyObject> {
  for (let i = 0; ; i++) {
    try {
      yield get(obj, PyInt.of(i));
    } catch (e) {
      if (e instanceof PyError && (e.pyType === 'IndexError' || e.pyType === 'StopIteration')) return;
      throw e;
    }
  }
}

/** Whether `iter(obj)` would succeed: an `iter` slot, or indexing (the sequence protocol). */
export function isIterable(obj: PyObject): boolean {
  return obj.cls.slot('iter') !== undefined || (obj.cls.slot('getitem') !== undefined && !(obj instanceof PyClass));
}

/**
 * Appends `items` to `out`, refusing to grow it past one container's budget: collecting an
 * endless iterator must stop at the limit, not when memory runs out.
 */
export function collect<T>(items: Iterable<T>, what: string, out: T[] = []): T[] {
  const ctx = runContext();
  const max = ctx.limits.maxContainerItems;
  for (const x of items) {
    if (out.length === max) ctx.allocateItems(max + 1, what);
    out.push(x);
  }
  return out;
}

/** Iterates and collects into a JS array (counted against the run's total of items). */
export function toArray(obj: PyObject): PyObject[] {
  if (obj instanceof PyList || obj instanceof PyTuple) return [...obj.items];
  const out = collect(iterate(obj), 'list');
  runContext().allocateItems(out.length, 'list');
  return out;
}

export function pyLen(obj: PyObject): number {
  const slot = obj.cls.slot('len');
  if (!slot) throw typeError(`object of type '${typeName(obj)}' has no len()`);
  return slot(obj);
}

// ---------------------------------------------------------------- hashing

let nextId = 1;
let ids = new WeakMap<object, number>();

/**
 * Starts a new id space (each Interpreter does, i.e. each run): `id()` and the addresses in
 * reprs like `<function f at 0x...1>` then depend only on the file being run, not on what ran
 * before on the same engine (the fuzzer caught a report differing on a reused engine).
 */
export function resetObjectIds(): void {
  nextId = 1;
  ids = new WeakMap<object, number>();
}

/** `id(obj)`: a stable number per object. */
export function objectId(obj: PyObject): number {
  let id = ids.get(obj);
  if (id === undefined) {
    id = nextId++;
    ids.set(obj, id);
  }
  return id;
}

export function hashKey(obj: PyObject): HashKey {
  const slot = obj.cls.slot('hash');
  if (slot) return slot(obj);
  return `#${objectId(obj)}`;
}

// ---------------------------------------------------------------- conversions

export function toPyFloat(obj: PyObject): number {
  if (obj instanceof PyFloat) return obj.value;
  if (obj instanceof PyBool) return obj.value ? 1 : 0;
  if (obj instanceof PyInt) return intToFloat(obj.value);
  const slot = obj.cls.slot('float');
  if (slot) return slot(obj);
  const index = obj.cls.slot('index');
  if (index) return intToFloat(index(obj));
  throw typeError(`must be real number, not ${typeName(obj)}`);
}

export function intToFloat(n: bigint): number {
  const x = Number(n);
  if (!Number.isFinite(x)) throw new PyError('OverflowError', 'int too large to convert to float');
  return x;
}

export function toPyIndex(obj: PyObject): bigint {
  if (obj instanceof PyBool) return obj.value ? 1n : 0n;
  if (obj instanceof PyInt) return obj.value;
  const slot = obj.cls.slot('index');
  if (slot) return slot(obj);
  throw typeError(`'${typeName(obj)}' object cannot be interpreted as an integer`);
}

/** An index as a JS number (lengths, positions). */
export function toIndexNumber(obj: PyObject): number {
  return Number(toPyIndex(obj));
}

export function isInstance(obj: PyObject, cls: PyClass): boolean {
  return obj.cls.isSubclassOf(cls);
}

export function isBoolOrInt(obj: PyObject): obj is PyInt | PyBool {
  return obj instanceof PyInt || obj instanceof PyBool;
}

// ---------------------------------------------------------------- exceptions

/** The Python exception object behind a PyError (created on first use). */
export function exceptionObject(err: PyError): PyExceptionObject {
  if (err.pyObject instanceof PyExceptionObject) return err.pyObject;
  const obj = new PyExceptionObject(exceptionClassHook(err.pyType), [new PyStr(err.message)], err);
  fromMessage.add(obj);
  err.pyObject = obj;
  return obj;
}

/** Raises a Python exception object: the PyError carries it, for `except ... as e`. */
export function raiseObject(obj: PyExceptionObject): never {
  const err = new PyError(obj.excClass.name, exceptionMessage(obj));
  err.pyObject = obj;
  obj.error = err;
  throw err;
}

/** `str(exc)`: '' for no args, str of the one arg (repr for KeyError), else the args tuple. */
export function exceptionMessage(obj: PyExceptionObject): string {
  if (fromMessage.has(obj) && obj.error) return obj.error.message;
  if (obj.args.length === 0) return '';
  if (obj.args.length === 1) {
    return obj.excClass.isSubclassOf(exceptionClassHook('KeyError')) ? pyRepr(obj.args[0]) : pyStr(obj.args[0]);
  }
  return pyRepr(new PyTuple(obj.args));
}

/** Exception objects made from an engine PyError: their `str` is the PyError's message as is. */
const fromMessage = new WeakSet<PyExceptionObject>();

/** A KeyError whose `str` is the key's repr, as CPython shows it. */
export function keyError(key: PyObject): PyError {
  const obj = new PyExceptionObject(exceptionClassHook('KeyError'), [key]);
  const err = new PyError('KeyError', pyRepr(key));
  err.pyObject = obj;
  obj.error = err;
  return err;
}

/** Set by builtins/exceptions.ts: the exception class for a name (created on demand). */
let exceptionClassHook: (name: string) => PyClass = () => {
  throw new Error('exception classes are not installed');
};
export function setExceptionClassHook(fn: (name: string) => PyClass): void {
  exceptionClassHook = fn;
}
export function exceptionClass(name: string): PyClass {
  return exceptionClassHook(name);
}

export { boolClass };

import './builtins';
