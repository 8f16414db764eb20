// The Python object model shared by the interpreter and the modules it hosts (jax, jax.numpy).
//
// Every Python-visible value is a `PyObject` whose `cls` is a `PyClass`. Behaviour lives in the
// class's `slots` (operators, attribute access, calls, conversions), as in CPython's type
// slots, so foreign types such as `jax.Array` plug in by defining a class, without the
// interpreter knowing them. The built-in classes are created here with empty slots; the
// interpreter's builtin modules fill them in (interp/builtins/*) when it loads.

import { runContext } from '../context';
import type { PyError } from '../errors';

export type BinaryOp = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '@' | '&' | '|' | '^' | '<<' | '>>';
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type UnaryOp = '-' | '+' | '~';

/** Keyword arguments, in call order. */
export type Kwargs = Map<string, PyObject>;

/** Returned by a binary/compare slot that does not handle the other operand (Python's NotImplemented). */
export const NotImplementedSignal: unique symbol = Symbol('NotImplemented');
export type MaybeNotImplemented = PyObject | typeof NotImplementedSignal;

/** A hashable key for dicts and sets: equal Python values give equal keys (1 == 1.0 == True). */
export type HashKey = string;

export interface TypeSlots {
  /** `self op other`, self on the left. */
  binary?(op: BinaryOp, self: PyObject, other: PyObject): MaybeNotImplemented;
  /** `other op self`, self on the right (the reflected method, e.g. __radd__). */
  rbinary?(op: BinaryOp, self: PyObject, other: PyObject): MaybeNotImplemented;
  /** `self op= other`; falls back to `binary` when absent. */
  inplace?(op: BinaryOp, self: PyObject, other: PyObject): MaybeNotImplemented;
  compare?(op: CompareOp, self: PyObject, other: PyObject): MaybeNotImplemented;
  unary?(op: UnaryOp, self: PyObject): PyObject;
  /** Instance attribute lookup; undefined falls through to the class's `attrs` (methods bind). */
  getattr?(self: PyObject, name: string): PyObject | undefined;
  setattr?(self: PyObject, name: string, value: PyObject): void;
  getitem?(self: PyObject, key: PyObject): PyObject;
  setitem?(self: PyObject, key: PyObject, value: PyObject): void;
  delitem?(self: PyObject, key: PyObject): void;
  call?(self: PyObject, args: PyObject[], kwargs: Kwargs): PyObject;
  bool?(self: PyObject): boolean;
  len?(self: PyObject): number;
  iter?(self: PyObject): Iterator<PyObject>;
  contains?(self: PyObject, item: PyObject): boolean;
  repr?(self: PyObject): string;
  str?(self: PyObject): string;
  /** `format(self, spec)` / f-string `{self:spec}`. */
  format?(self: PyObject, spec: string): string;
  /** `__float__`, `__int__`, `__index__`, `__complex__`. */
  float?(self: PyObject): number;
  int?(self: PyObject): bigint;
  index?(self: PyObject): bigint;
  complex?(self: PyObject): { re: number; im: number };
  hash?(self: PyObject): HashKey;
  /**
   * Descriptor protocol (`__get__`), for class attributes such as `property`, `staticmethod`,
   * `classmethod`: what `instance.name` (or `owner.name` when `instance` is null) gives.
   */
  get?(self: PyObject, instance: PyObject | null, owner: PyClass): PyObject;
}

export abstract class PyObject {
  abstract get cls(): PyClass;
}

/** A Python class (type object). `attrs` holds methods and class attributes. */
export class PyClass extends PyObject {
  slots: TypeSlots = {};
  readonly attrs = new Map<string, PyObject>();
  constructor(
    readonly name: string,
    readonly bases: PyClass[] = [],
    /** Module shown in reprs: `<class 'jax.Array'>` has module 'jax'. */
    readonly module = 'builtins',
  ) {
    super();
  }
  get cls(): PyClass {
    return typeClass;
  }
  /** The MRO as an array, computed once (bases never change): operator dispatch is hot. */
  private mroCache: PyClass[] | undefined;
  get mroList(): readonly PyClass[] {
    if (!this.mroCache) {
      const list: PyClass[] = [this];
      for (const b of this.bases) for (const c of b.mroList) if (!list.includes(c)) list.push(c);
      this.mroCache = list;
    }
    return this.mroCache;
  }
  /** Method resolution order: self, then bases depth-first (single inheritance in practice). */
  *mro(): Generator<PyClass> {
    yield* this.mroList;
  }
  isSubclassOf(other: PyClass): boolean {
    return this === other || this.mroList.includes(other);
  }
  /** Finds a slot on this class or its bases. */
  slot<K extends keyof TypeSlots>(key: K): TypeSlots[K] | undefined {
    const own = this.slots[key];
    if (own) return own;
    const list = this.mroList;
    for (let i = 1; i < list.length; i++) {
      const s = list[i].slots[key];
      if (s) return s;
    }
    return undefined;
  }
  /** Finds a class attribute on this class or its bases. */
  lookup(name: string): PyObject | undefined {
    const list = this.mroList;
    for (let i = 0; i < list.length; i++) {
      const a = list[i].attrs.get(name);
      if (a) return a;
    }
    return undefined;
  }
  get qualname(): string {
    return this.module === 'builtins' ? this.name : `${this.module}.${this.name}`;
  }
}

export const typeClass = new PyClass('type');
export const objectClass = new PyClass('object');
export const noneClass = new PyClass('NoneType', [objectClass]);
export const intClass = new PyClass('int', [objectClass]);
export const boolClass = new PyClass('bool', [intClass]);
export const floatClass = new PyClass('float', [objectClass]);
export const complexClass = new PyClass('complex', [objectClass]);
export const strClass = new PyClass('str', [objectClass]);
export const listClass = new PyClass('list', [objectClass]);
export const tupleClass = new PyClass('tuple', [objectClass]);
export const dictClass = new PyClass('dict', [objectClass]);
export const setClass = new PyClass('set', [objectClass]);
export const sliceClass = new PyClass('slice', [objectClass]);
export const ellipsisClass = new PyClass('ellipsis', [objectClass]);
export const notImplementedClass = new PyClass('NotImplementedType', [objectClass]);
export const functionClass = new PyClass('function', [objectClass]);
export const builtinFunctionClass = new PyClass('builtin_function_or_method', [objectClass]);
export const methodClass = new PyClass('method', [objectClass]);
export const moduleClass = new PyClass('module', [objectClass]);
export const iteratorClass = new PyClass('iterator', [objectClass]);
export const rangeClass = new PyClass('range', [objectClass]);

export class PyNone extends PyObject {
  get cls(): PyClass {
    return noneClass;
  }
}
export const None = new PyNone();

export class PyBool extends PyObject {
  private constructor(readonly value: boolean) {
    super();
  }
  get cls(): PyClass {
    return boolClass;
  }
  static readonly True = new PyBool(true);
  static readonly False = new PyBool(false);
  static of(b: boolean): PyBool {
    return b ? PyBool.True : PyBool.False;
  }
}
export const True = PyBool.True;
export const False = PyBool.False;

/** Python int: arbitrary precision, stored as a bigint. */
export class PyInt extends PyObject {
  constructor(readonly value: bigint) {
    super();
  }
  get cls(): PyClass {
    return intClass;
  }
  static of(n: number | bigint): PyInt {
    return new PyInt(typeof n === 'bigint' ? n : BigInt(n));
  }
}

/** Python float: a JS number (IEEE double, as in CPython). */
export class PyFloat extends PyObject {
  constructor(readonly value: number) {
    super();
  }
  get cls(): PyClass {
    return floatClass;
  }
}

export class PyComplex extends PyObject {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {
    super();
  }
  get cls(): PyClass {
    return complexClass;
  }
}

// The size guards below are the last line of defence for memory: the operations that build
// big containers check first (interp/builtins/seqUtil.ts), but any path that slips past them is
// still stopped here, before the object is used (a long str is a cheap rope until then).
const tooLarge = (n: number, what: string): void => {
  if (n > runContext().limits.maxContainerItems) runContext().allocateItems(n, what);
};
/** Below this size no limit applies (the fast path of every construction). */
const SMALL = 1_024;

export class PyStr extends PyObject {
  constructor(readonly value: string) {
    super();
    if (value.length > SMALL) tooLarge(value.length, 'str');
  }
  get cls(): PyClass {
    return strClass;
  }
}

export class PyList extends PyObject {
  constructor(readonly items: PyObject[] = []) {
    super();
    if (items.length > SMALL) tooLarge(items.length, 'list');
  }
  get cls(): PyClass {
    return listClass;
  }
}

export class PyTuple extends PyObject {
  constructor(readonly items: readonly PyObject[] = []) {
    super();
    if (items.length > SMALL) tooLarge(items.length, 'tuple');
  }
  get cls(): PyClass {
    return tupleClass;
  }
}

/**
 * The entries of a dict or set, refusing to grow past the container budget. A hash table entry
 * costs about eight list slots (the hashed key string, key, value, chain and bucket words), and
 * V8 grows the table by doubling in one allocation, so the limit is an eighth of a list's.
 */
class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly what: 'dict' | 'set') {
    super();
  }
  override set(key: K, value: V): this {
    if (this.size >= SMALL / 8) {
      const ctx = runContext();
      const max = Math.floor(ctx.limits.maxContainerItems / 8);
      if (this.size >= max && !this.has(key)) ctx.allocateItems(this.size + 1, this.what, max);
    }
    return super.set(key, value);
  }
}

/** Python dict: insertion-ordered, keyed by `HashKey` (see protocol's `hashKey`). */
export class PyDict extends PyObject {
  readonly entries: Map<HashKey, [PyObject, PyObject]> = new BoundedMap('dict');
  get cls(): PyClass {
    return dictClass;
  }
}

export class PySet extends PyObject {
  readonly entries: Map<HashKey, PyObject> = new BoundedMap('set');
  get cls(): PyClass {
    return setClass;
  }
}

export class PySlice extends PyObject {
  constructor(
    readonly start: PyObject,
    readonly stop: PyObject,
    readonly step: PyObject,
  ) {
    super();
  }
  get cls(): PyClass {
    return sliceClass;
  }
}

export class PyEllipsis extends PyObject {
  get cls(): PyClass {
    return ellipsisClass;
  }
}
export const Ellipsis = new PyEllipsis();

export class PyNotImplemented extends PyObject {
  get cls(): PyClass {
    return notImplementedClass;
  }
}
export const NotImplementedObject = new PyNotImplemented();

/** A function implemented in TypeScript (builtins, jax, jax.numpy, ...). */
export class PyNativeFunction extends PyObject {
  constructor(
    readonly name: string,
    readonly fn: (args: PyObject[], kwargs: Kwargs) => PyObject,
    /** Qualified name for reprs, e.g. 'jax.numpy.sum'. */
    readonly qualname = name,
  ) {
    super();
  }
  get cls(): PyClass {
    return builtinFunctionClass;
  }
}

/** `obj.method` for a method found on the class: calling it prepends `self`. */
export class PyBoundMethod extends PyObject {
  constructor(
    readonly self: PyObject,
    readonly func: PyObject,
  ) {
    super();
  }
  get cls(): PyClass {
    return methodClass;
  }
}

export class PyModule extends PyObject {
  readonly attrs = new Map<string, PyObject>();
  constructor(readonly name: string) {
    super();
  }
  get cls(): PyClass {
    return moduleClass;
  }
}

/** An instance of an exception class: `raise TypeError("...")`, or a caught PyError. */
export class PyExceptionObject extends PyObject {
  constructor(
    readonly excClass: PyClass,
    readonly args: PyObject[],
    /** The JS error that carries it while it propagates. */
    public error?: PyError,
  ) {
    super();
  }
  get cls(): PyClass {
    return this.excClass;
  }
}

/** An iterator over a JS iterator (what `iter()` returns for built-in iterables). */
export class PyIterator extends PyObject {
  constructor(readonly it: Iterator<PyObject>) {
    super();
  }
  get cls(): PyClass {
    return iteratorClass;
  }
}

/** Wraps a native function as a method: it receives `self` as args[0]. */
export function nativeMethod(cls: PyClass, name: string, fn: (args: PyObject[], kwargs: Kwargs) => PyObject): void {
  cls.attrs.set(name, new PyNativeFunction(name, fn, `${cls.name}.${name}`));
}
