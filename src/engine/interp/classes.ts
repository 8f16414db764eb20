// User-defined classes (`class C(Base): ...`): instances keep attributes in a dict; dunder
// methods defined in the class body become the class's slots, so operators, indexing, `len`,
// iteration, calls and reprs work as in Python. Also `property`, `staticmethod`,
// `classmethod` and zero-argument `super()`.

import { PyError, typeError } from '../errors';
import type { StmtOf } from '../syntax/ast';
import { exceptionClass, registerExceptionClass } from './builtins/exceptions';
import { PlainObject } from './builtins/misc';
import { PyFunction } from './function';
import {
  BinaryOp, CompareOp, NotImplementedObject, NotImplementedSignal, None, PyBool, PyBoundMethod, PyClass, PyNativeFunction, PyObject, PyStr, TypeSlots,
  UnaryOp, objectClass,
} from './object';
import { attributeError, callObject, hashKey, objectId, pyDict, toPyFloat, toPyIndex, truthy } from './protocol';
import { Scope, classScopeInfo } from './scope';
import type { Evaluator } from './evaluator';

const BINARY_NAMES: Record<BinaryOp, string> = {
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'truediv', '//': 'floordiv', '%': 'mod', '**': 'pow', '@': 'matmul',
  '&': 'and', '|': 'or', '^': 'xor', '<<': 'lshift', '>>': 'rshift',
};
const COMPARE_NAMES: Record<CompareOp, string> = { '<': '__lt__', '<=': '__le__', '>': '__gt__', '>=': '__ge__', '==': '__eq__', '!=': '__ne__' };
const UNARY_NAMES: Record<UnaryOp, string> = { '-': '__neg__', '+': '__pos__', '~': '__invert__' };

/** Classes created by `class` statements (their instances use attribute dicts). */
const userClasses = new WeakSet<PyClass>();
const instanceDicts = new WeakMap<PyObject, Map<string, PyObject>>();

export function instanceDict(obj: PyObject): Map<string, PyObject> {
  if (obj instanceof PlainObject) return obj.dict;
  let d = instanceDicts.get(obj);
  if (!d) {
    d = new Map();
    instanceDicts.set(obj, d);
  }
  return d;
}

export function defineClass(ev: Evaluator, s: StmtOf<'ClassDef'>, scope: Scope): PyObject {
  const decorators = s.decorators.map((d) => ev.eval(d, scope));
  const bases = s.bases.map((b) => {
    const v = ev.eval(b, scope);
    if (!(v instanceof PyClass)) throw typeError('bases must be types');
    return v;
  });
  const body = new Scope(classScopeInfo(s, s.body), scope.closureScope, ev.globals, true, `${scope.owner}${s.name}.`);
  ev.execBlock(s.body, body);
  const cls = new PyClass(s.name, bases.length > 0 ? bases : [objectClass], '__main__');
  userClasses.add(cls);
  for (const [k, v] of body.vars) {
    cls.attrs.set(k, v);
    if (v instanceof PyFunction) v.ownerClass = cls;
    else if (v instanceof Wrapper && v.func instanceof PyFunction) v.func.ownerClass = cls;
  }
  if (cls.isSubclassOf(exceptionClass('BaseException'))) registerExceptionClass(cls);
  installSlots(cls);
  let result: PyObject = cls;
  for (let i = decorators.length - 1; i >= 0; i--) result = callObject(decorators[i], [result]);
  return result;
}

/** The next slot after the user classes in the MRO (a built-in base's behaviour). */
function inherited<K extends keyof TypeSlots>(cls: PyClass, key: K): TypeSlots[K] | undefined {
  for (const c of cls.mro()) if (!userClasses.has(c) && c.slots[key]) return c.slots[key];
  return undefined;
}

function dunder(self: PyObject, name: string): PyObject | undefined {
  return self.cls.lookup(name);
}

function callDunder(self: PyObject, name: string, args: PyObject[]): PyObject {
  return callObject(new PyBoundMethod(self, self.cls.lookup(name)!), args);
}

function notImpl(r: PyObject): PyObject | typeof NotImplementedSignal {
  return r === NotImplementedObject ? NotImplementedSignal : r;
}

function installSlots(cls: PyClass): void {
  const baseGetattr = inherited(cls, 'getattr');
  cls.slots.getattr = (self, name) => {
    const classAttr = self.cls.lookup(name);
    if (classAttr && classAttr.cls === propertyClass) return classAttr.cls.slots.get!(classAttr, self, self.cls);
    const own = instanceDict(self).get(name);
    if (own) return own;
    if (name === '__dict__') {
      return pyDict([...instanceDict(self)].map(([k, v]) => [new PyStr(k), v] as const));
    }
    const v = baseGetattr?.(self, name);
    if (v !== undefined) return v;
    if (!classAttr && dunder(self, '__getattr__')) return callDunder(self, '__getattr__', [new PyStr(name)]);
    return undefined;
  };
  cls.slots.setattr = (self, name, value) => {
    const classAttr = self.cls.lookup(name);
    if (classAttr && classAttr.cls === propertyClass) {
      const setter = (classAttr as Wrapper).setter;
      if (!setter) throw new PyError('AttributeError', `property '${name}' of '${self.cls.name}' object has no setter`);
      callObject(setter, [self, value]);
      return;
    }
    instanceDict(self).set(name, value);
  };

  const has = (n: string) => cls.lookup(n) !== undefined && userClasses.has(ownerOf(cls, n));
  if (Object.values(BINARY_NAMES).some((n) => has(`__${n}__`) || has(`__r${n}__`) || has(`__i${n}__`))) {
    const baseBinary = inherited(cls, 'binary');
    const baseR = inherited(cls, 'rbinary');
    cls.slots.binary = (op, a, b) => {
      const n = `__${BINARY_NAMES[op]}__`;
      if (dunder(a, n)) return notImpl(callDunder(a, n, [b]));
      return baseBinary ? baseBinary(op, a, b) : NotImplementedSignal;
    };
    cls.slots.rbinary = (op, self, other) => {
      const n = `__r${BINARY_NAMES[op]}__`;
      if (dunder(self, n)) return notImpl(callDunder(self, n, [other]));
      return baseR ? baseR(op, self, other) : NotImplementedSignal;
    };
    cls.slots.inplace = (op, a, b) => {
      const n = `__i${BINARY_NAMES[op]}__`;
      return dunder(a, n) ? notImpl(callDunder(a, n, [b])) : NotImplementedSignal;
    };
  }
  if (Object.values(COMPARE_NAMES).some(has)) {
    cls.slots.compare = (op, a, b) => {
      const n = COMPARE_NAMES[op];
      if (dunder(a, n)) return notImpl(callDunder(a, n, [b]));
      if (op === '!=' && dunder(a, '__eq__')) {
        const r = callDunder(a, '__eq__', [b]);
        return r === NotImplementedObject ? NotImplementedSignal : PyBool.of(!truthy(r));
      }
      return NotImplementedSignal;
    };
  }
  if (Object.values(UNARY_NAMES).some(has)) {
    cls.slots.unary = (op, a) => {
      if (!dunder(a, UNARY_NAMES[op])) throw typeError(`bad operand type for unary ${op}: '${a.cls.name}'`);
      return callDunder(a, UNARY_NAMES[op], []);
    };
  }
  if (has('__getitem__')) cls.slots.getitem = (self, key) => callDunder(self, '__getitem__', [key]);
  if (has('__setitem__')) cls.slots.setitem = (self, key, v) => void callDunder(self, '__setitem__', [key, v]);
  if (has('__delitem__')) cls.slots.delitem = (self, key) => void callDunder(self, '__delitem__', [key]);
  if (has('__len__')) cls.slots.len = (self) => Number(toPyIndex(callDunder(self, '__len__', [])));
  if (has('__contains__')) cls.slots.contains = (self, x) => truthy(callDunder(self, '__contains__', [x]));
  if (has('__call__')) cls.slots.call = (self, args, kwargs) => callObject(new PyBoundMethod(self, self.cls.lookup('__call__')!), args, kwargs);
  if (has('__repr__')) cls.slots.repr = (self) => strResult(callDunder(self, '__repr__', []), '__repr__');
  if (has('__str__')) cls.slots.str = (self) => strResult(callDunder(self, '__str__', []), '__str__');
  if (has('__bool__')) cls.slots.bool = (self) => truthy(callDunder(self, '__bool__', []));
  if (has('__float__')) cls.slots.float = (self) => toPyFloat(callDunder(self, '__float__', []));
  if (has('__int__')) cls.slots.int = (self) => toPyIndex(callDunder(self, '__int__', []));
  if (has('__index__')) cls.slots.index = (self) => toPyIndex(callDunder(self, '__index__', []));
  if (has('__format__')) cls.slots.format = (self, spec) => strResult(callDunder(self, '__format__', [new PyStr(spec)]), '__format__');
  if (has('__hash__')) {
    cls.slots.hash = (self) => {
      const h = self.cls.lookup('__hash__');
      if (h === None) throw typeError(`unhashable type: '${self.cls.name}'`);
      return `h:${hashKey(callDunder(self, '__hash__', []))}`;
    };
  } else if (has('__eq__')) {
    cls.slots.hash = (self) => {
      throw typeError(`unhashable type: '${self.cls.name}'`);
    };
  }
  if (has('__iter__')) {
    cls.slots.iter = (self) => pyIterator(callDunder(self, '__iter__', []));
  } else if (has('__next__')) {
    cls.slots.iter = (self) => pyIterator(self);
  }
  // object's default repr, unless a base (built-in or user) already has one.
  if (!cls.slot('repr')) {
    cls.slots.repr = (self) => `<__main__.${self.cls.name} object at 0x${objectId(self).toString(16).padStart(12, '0')}>`;
  }
}

function ownerOf(cls: PyClass, name: string): PyClass {
  for (const c of cls.mro()) if (c.attrs.has(name)) return c;
  return cls;
}

function strResult(r: PyObject, what: string): string {
  if (!(r instanceof PyStr)) throw typeError(`${what} returned non-string (type ${r.cls.name})`);
  return r.value;
}

/** A JS iterator driving a Python iterator object through `__next__` until StopIteration. */
function pyIterator(it: PyObject): Iterator<PyObject> {
  if (!it.cls.lookup('__next__')) {
    const slot = it.cls.slot('iter');
    if (slot && !userClasses.has(it.cls)) return slot(it);
    throw typeError(`iter() returned non-iterator of type '${it.cls.name}'`);
  }
  return {
    next: () => {
      try {
        return { done: false, value: callDunder(it, '__next__', []) };
      } catch (e) {
        if (e instanceof PyError && e.pyType === 'StopIteration') return { done: true, value: undefined };
        throw e;
      }
    },
  };
}

export function deleteAttr(obj: PyObject, name: string): void {
  if (userClasses.has(obj.cls) || obj instanceof PlainObject) {
    if (instanceDict(obj).delete(name)) return;
  }
  throw attributeError(obj, name);
}

// ---------------------------------------------------------------- property, staticmethod, classmethod, super

/** The object behind `property(f)`, `staticmethod(f)`, `classmethod(f)`. */
export class Wrapper extends PyObject {
  setter: PyObject | null = null;
  constructor(readonly wrapperClass: PyClass, readonly func: PyObject) {
    super();
  }
  get cls(): PyClass {
    return this.wrapperClass;
  }
}

export const propertyClass = new PyClass('property', [objectClass]);
export const staticmethodClass = new PyClass('staticmethod', [objectClass]);
export const classmethodClass = new PyClass('classmethod', [objectClass]);

propertyClass.attrs.set('__new__', native('property', (args) => new Wrapper(propertyClass, args[1])));
propertyClass.slots.get = (self, instance) => (instance === null ? self : callObject((self as Wrapper).func, [instance]));
propertyClass.attrs.set('setter', native('setter', ([self, fn]) => {
  const w = new Wrapper(propertyClass, (self as Wrapper).func);
  w.setter = fn;
  return w;
}));
propertyClass.attrs.set('getter', native('getter', ([self, fn]) => {
  const w = new Wrapper(propertyClass, fn);
  w.setter = (self as Wrapper).setter;
  return w;
}));
staticmethodClass.attrs.set('__new__', native('staticmethod', (args) => new Wrapper(staticmethodClass, args[1])));
staticmethodClass.slots.get = (self) => (self as Wrapper).func;
classmethodClass.attrs.set('__new__', native('classmethod', (args) => new Wrapper(classmethodClass, args[1])));
classmethodClass.slots.get = (self, instance, owner) => new PyBoundMethod(instance === null ? owner : instance.cls, (self as Wrapper).func);

/** `super()` inside a method: attribute lookup starts after the defining class in the MRO. */
export class PySuper extends PyObject {
  constructor(readonly start: PyClass, readonly self: PyObject) {
    super();
  }
  get cls(): PyClass {
    return superClass;
  }
}
export const superClass = new PyClass('super', [objectClass]);
superClass.slots.getattr = (self, name) => {
  const s = self as PySuper;
  const mro = [...s.self.cls.mro()];
  const from = mro.indexOf(s.start);
  for (const c of mro.slice(from + 1)) {
    const v = c.attrs.get(name);
    if (v === undefined) continue;
    if (v.cls.slot('get')) return v.cls.slots.get!(v, s.self, s.self.cls);
    if (v instanceof PyFunction || v.cls.name === 'builtin_function_or_method') return new PyBoundMethod(s.self, v);
    return v;
  }
  // object.__init__ and friends: accept and ignore.
  if (name === '__init__') return native('__init__', () => None);
  throw new PyError('AttributeError', `'super' object has no attribute '${name}'`);
};
superClass.slots.repr = (self) => `<super: <class '${(self as PySuper).start.name}'>, <${(self as PySuper).self.cls.name} object>>`;

function native(name: string, fn: (args: PyObject[], kwargs: Map<string, PyObject>) => PyObject): PyObject {
  return new PyNativeFunction(name, fn);
}
