// The small built-in types: None, Ellipsis, NotImplemented, range, slice, iterators, type,
// module, functions and bound methods (their reprs, hashing and calls).

import { typeError, valueError } from '../../errors';
import {
  NotImplementedSignal, None, PyBool, PyBoundMethod, PyClass, PyInt, PyIterator, PyModule, PyNativeFunction, PyObject,
  PySlice, PyStr, PyTuple, builtinFunctionClass, ellipsisClass, iteratorClass, methodClass, moduleClass, noneClass,
  notImplementedClass, objectClass, rangeClass, sliceClass, typeClass,
} from '../object';
import { callObject, hashKey, objectId, pyEquals, pyRepr, toPyIndex } from '../protocol';
import { arity, builtin } from './args';
import { normIndex, seqIndexKey, sliceIndices } from './seqUtil';

noneClass.slots.repr = () => 'None';
noneClass.slots.bool = () => false;
noneClass.slots.hash = () => 'None';
ellipsisClass.slots.repr = () => 'Ellipsis';
ellipsisClass.slots.hash = () => 'Ellipsis';
notImplementedClass.slots.repr = () => 'NotImplemented';

// ---------------------------------------------------------------- range

/** range(start, stop, step) over bigints. */
export class PyRange extends PyObject {
  constructor(readonly start: bigint, readonly stop: bigint, readonly step: bigint) {
    super();
  }
  get cls(): PyClass {
    return rangeClass;
  }
  get length(): number {
    const { start, stop, step } = this;
    if (step > 0n && start < stop) return Number((stop - start - 1n) / step + 1n);
    if (step < 0n && stop < start) return Number((start - stop - 1n) / -step + 1n);
    return 0;
  }
  at(i: number): bigint {
    return this.start + BigInt(i) * this.step;
  }
}

const asRange = (o: PyObject) => o as PyRange;

rangeClass.attrs.set('__new__', builtin('range', (args) => {
  const a = args.slice(1);
  if (a.length === 0) throw typeError('range expected at least 1 argument, got 0');
  arity('range', a, 1, 3);
  const n = a.map(toPyIndex);
  const [start, stop, step] = n.length === 1 ? [0n, n[0], 1n] : [n[0], n[1], n[2] ?? 1n];
  if (step === 0n) throw valueError('range() arg 3 must not be zero');
  return new PyRange(start, stop, step);
}));
rangeClass.slots.len = (self) => asRange(self).length;
rangeClass.slots.iter = (self) => {
  const r = asRange(self);
  let v = r.start;
  return {
    next: () => {
      if (r.step > 0n ? v >= r.stop : v <= r.stop) return { done: true, value: undefined };
      const out = new PyInt(v);
      v += r.step;
      return { done: false, value: out };
    },
  };
};
rangeClass.slots.getitem = (self, key) => {
  const r = asRange(self);
  if (key instanceof PySlice) {
    const { start, step, count } = sliceIndices(key, r.length);
    const first = r.at(start);
    const st = r.step * BigInt(step);
    return new PyRange(first, first + st * BigInt(count), st);
  }
  return new PyInt(r.at(normIndex(seqIndexKey(key, 'range object'), r.length, 'range object')));
};
rangeClass.slots.contains = (self, x) => {
  const r = asRange(self);
  if (!(x instanceof PyInt || x instanceof PyBool)) {
    for (let i = 0; i < r.length; i++) if (pyEquals(new PyInt(r.at(i)), x)) return true;
    return false;
  }
  const v = toPyIndex(x);
  if (r.step > 0n ? v < r.start || v >= r.stop : v > r.start || v <= r.stop) return false;
  return (v - r.start) % r.step === 0n;
};
rangeClass.slots.repr = (self) => {
  const r = asRange(self);
  return r.step === 1n ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`;
};
rangeClass.slots.compare = (op, a, b) => {
  if (!(b instanceof PyRange) || (op !== '==' && op !== '!=')) return NotImplementedSignal;
  const x = asRange(a);
  const same = x.length === b.length && (x.length === 0 || (x.start === b.start && (x.length === 1 || x.step === b.step)));
  return PyBool.of(same === (op === '=='));
};
rangeClass.slots.getattr = (self, name) => {
  const r = asRange(self);
  if (name === 'start') return new PyInt(r.start);
  if (name === 'stop') return new PyInt(r.stop);
  if (name === 'step') return new PyInt(r.step);
  return undefined;
};

// ---------------------------------------------------------------- slice

sliceClass.attrs.set('__new__', builtin('slice', (args) => {
  const a = args.slice(1);
  arity('slice', a, 1, 3);
  return a.length === 1 ? new PySlice(None, a[0], None) : new PySlice(a[0], a[1], a[2] ?? None);
}));
sliceClass.slots.repr = (self) => {
  const s = self as PySlice;
  return `slice(${pyRepr(s.start)}, ${pyRepr(s.stop)}, ${pyRepr(s.step)})`;
};
sliceClass.slots.getattr = (self, name) => {
  const s = self as PySlice;
  return name === 'start' ? s.start : name === 'stop' ? s.stop : name === 'step' ? s.step : undefined;
};
sliceClass.slots.compare = (op, a, b) => {
  if (!(b instanceof PySlice) || (op !== '==' && op !== '!=')) return NotImplementedSignal;
  const x = a as PySlice;
  const eq = pyEquals(x.start, b.start) && pyEquals(x.stop, b.stop) && pyEquals(x.step, b.step);
  return PyBool.of(eq === (op === '=='));
};
sliceClass.attrs.set('indices', builtin('indices', ([self, len]) => {
  const { start, stop, step } = sliceIndices(self as PySlice, Number(toPyIndex(len)));
  return new PyTuple([PyInt.of(start), PyInt.of(stop), PyInt.of(step)]);
}));

// ---------------------------------------------------------------- iterators

iteratorClass.slots.iter = (self) => (self as PyIterator).it;
iteratorClass.slots.repr = (self) => `<iterator object at 0x${objectId(self).toString(16)}>`;

// ---------------------------------------------------------------- type, object, module, functions

typeClass.slots.repr = (self) => `<class '${(self as PyClass).qualname}'>`;
typeClass.slots.hash = (self) => `#${objectId(self)}`;
typeClass.slots.call = (self, args, kwargs) => constructInstance(self as PyClass, args, kwargs);
typeClass.slots.getattr = (self, name) => {
  const cls = self as PyClass;
  const found = cls.lookup(name);
  if (found) {
    const descriptor = found.cls.slot('get');
    return descriptor ? descriptor(found, null, cls) : found;
  }
  if (name === '__name__' || name === '__qualname__') return new PyStr(cls.name);
  if (name === '__module__') return new PyStr(cls.module);
  if (name === '__mro__') return new PyTuple([...cls.mro()]);
  if (name === '__bases__') return new PyTuple(cls.bases);
  return undefined;
};
typeClass.attrs.set('__new__', builtin('type', (args) => {
  if (args.length === 2) return args[1].cls;
  throw typeError('type() takes 1 argument');
}));

/** Calling a class: its `__new__` (a function receiving the class first), then `__init__`. */
export function constructInstance(cls: PyClass, args: PyObject[], kwargs: Map<string, PyObject>): PyObject {
  const ctor = cls.lookup('__new__');
  if (!ctor) throw typeError(`cannot create '${cls.qualname}' instances`);
  const obj = callObject(ctor, [cls, ...args], kwargs);
  const init = cls.lookup('__init__');
  if (init && obj.cls.isSubclassOf(cls)) {
    const r = callObject(init, [obj, ...args], kwargs);
    if (r !== None) throw typeError(`__init__() should return None, not '${r.cls.name}'`);
  }
  return obj;
}

objectClass.attrs.set('__new__', builtin('object', (args) => {
  if (args[0] === objectClass) {
    if (args.length > 1) throw typeError('object() takes no arguments');
    return new PlainObject(objectClass);
  }
  return new PlainObject(args[0] as PyClass);
}));

/** An instance of `object()` or of a user-defined class: attributes in a dict. */
export class PlainObject extends PyObject {
  readonly dict = new Map<string, PyObject>();
  constructor(readonly klass: PyClass) {
    super();
  }
  get cls(): PyClass {
    return this.klass;
  }
}

moduleClass.slots.getattr = (self, name) => {
  const m = self as PyModule;
  const v = m.attrs.get(name);
  if (v) return v;
  if (name === '__name__') return new PyStr(m.name);
  return undefined;
};
moduleClass.slots.repr = (self) => `<module '${(self as PyModule).name}'>`;

builtinFunctionClass.slots.repr = (self) => {
  const f = self as PyNativeFunction;
  return `<built-in function ${f.name}>`;
};
builtinFunctionClass.slots.getattr = (self, name) => {
  const f = self as PyNativeFunction;
  if (name === '__name__') return new PyStr(f.name);
  if (name === '__qualname__') return new PyStr(f.qualname);
  return undefined;
};
methodClass.slots.repr = (self) => {
  const m = self as PyBoundMethod;
  const fname = m.func instanceof PyNativeFunction ? m.func.name : nameOf(m.func);
  return `<bound method ${m.self.cls.name}.${fname} of ${pyRepr(m.self)}>`;
};
methodClass.slots.getattr = (self, name) => {
  const m = self as PyBoundMethod;
  if (name === '__self__') return m.self;
  if (name === '__func__') return m.func;
  if (name === '__name__') return new PyStr(m.func instanceof PyNativeFunction ? m.func.name : nameOf(m.func));
  return undefined;
};
methodClass.slots.compare = (op, a, b) => {
  if (!(b instanceof PyBoundMethod) || (op !== '==' && op !== '!=')) return NotImplementedSignal;
  const x = a as PyBoundMethod;
  return PyBool.of((x.self === b.self && x.func === b.func) === (op === '=='));
};
methodClass.slots.hash = (self) => `m(${hashKey((self as PyBoundMethod).self)},${objectId((self as PyBoundMethod).func)})`;

function nameOf(f: PyObject): string {
  const slot = f.cls.slot('getattr');
  const n = slot?.(f, '__name__');
  return n instanceof PyStr ? n.value : '?';
}

