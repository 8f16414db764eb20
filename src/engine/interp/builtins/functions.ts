// The `builtins` namespace: print, len, range, zip, sorted, min/max, round, isinstance, ...
// Functions a foreign class cannot reach through a slot (`abs`, `round`, `divmod`) fall back to
// its `__abs__`/`__round__` attributes, so the jax layer can provide them as methods.

import { PyError, typeError, valueError } from '../../errors';
import {
  Kwargs, None, NotImplementedObject, PyBool, PyClass, PyComplex, PyFloat, PyInt, PyIterator, PyList, PyObject, PyStr,
  PyTuple, Ellipsis, boolClass, complexClass, dictClass, floatClass, intClass, listClass, objectClass, rangeClass,
  setClass, sliceClass, strClass, tupleClass, typeClass,
} from '../object';
import {
  binaryOp, callObject, compareOp, getAttr, hashKey, isCallable, iterate, lookupAttr, objectId, pyFormat, pyLen, pyRepr,
  pyStr, setAttr, toArray, toPyFloat, toPyIndex, truthy, typeName,
} from '../protocol';
import { arity, builtin, noKwargs, takeKwargs } from './args';
import { BUILTIN_EXCEPTION_NAMES, exceptionClass } from './exceptions';
import { floatDivmod, floorDiv, floorMod, intValue, isIntLike } from './numeric';
import { sortItems } from './sequences';
import { classmethodClass, deleteAttr, propertyClass, staticmethodClass } from '../classes';

export interface BuiltinsHost {
  /** Appends printed text (already joined with `sep` and ended with `end`). */
  write(text: string): void;
  /** Zero-argument `super()` in the running method. */
  currentSuper(): PyObject;
}

function* mapIter<T>(it: Iterable<T>, f: (x: T, i: number) => PyObject): Generator<PyObject> {
  let i = 0;
  for (const x of it) yield f(x, i++);
}

function iteratorOf(gen: Iterator<PyObject>): PyIterator {
  return new PyIterator(gen);
}

function minMax(name: 'min' | 'max', args: PyObject[], kwargs: Kwargs): PyObject {
  takeKwargs(name, kwargs, ['key', 'default']);
  const key = kwargs.get('key');
  const dflt = kwargs.get('default');
  let items: Iterable<PyObject>;
  if (args.length === 0) throw typeError(`${name} expected at least 1 argument, got 0`);
  if (args.length === 1) {
    items = iterate(args[0]);
  } else {
    if (dflt) throw typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    items = args;
  }
  const op = name === 'min' ? '<' : '>';
  let best: PyObject | undefined;
  let bestKey: PyObject | undefined;
  for (const x of items) {
    const k = key && key !== None ? callObject(key, [x]) : x;
    if (best === undefined || truthy(compareOp(op, k, bestKey!))) {
      best = x;
      bestKey = k;
    }
  }
  if (best === undefined) {
    if (dflt) return dflt;
    throw valueError(`${name}() iterable argument is empty`);
  }
  return best;
}

/** Round half to even on the exact binary value, as CPython's round() does. */
export function roundFloat(x: number, ndigits: number | null): number {
  if (!Number.isFinite(x)) {
    if (ndigits === null) throw Number.isNaN(x) ? valueError('cannot convert float NaN to integer') : new PyError('OverflowError', 'cannot convert float infinity to integer');
    return x;
  }
  if (ndigits === null || ndigits === 0) {
    const f = Math.floor(x);
    const diff = x - f;
    const r = diff > 0.5 ? f + 1 : diff < 0.5 ? f : f % 2 === 0 ? f : f + 1;
    return ndigits === null ? r : r === 0 && x < 0 ? -0 : r;
  }
  if (ndigits > 0) {
    if (ndigits > 22) return x;
    const exact = Math.abs(x).toFixed(100);
    const point = exact.indexOf('.');
    const tail = exact.slice(point + 1 + ndigits);
    let s = Math.abs(x).toFixed(ndigits);
    if (/^50*$/.test(tail)) {
      // An exact tie: toFixed rounded up; Python keeps the even digit.
      const truncated = exact.slice(0, point + 1 + ndigits);
      const lastDigit = Number(truncated[truncated.length - 1]);
      if (lastDigit % 2 === 0) s = truncated;
    }
    const v = Number(s);
    return x < 0 || Object.is(x, -0) ? -v : v;
  }
  const p = 10 ** -ndigits;
  return roundFloat(x / p, 0) * p;
}

function roundImpl(args: PyObject[], kwargs: Kwargs): PyObject {
  takeKwargs('round', kwargs, ['number', 'ndigits']);
  const x = args[0] ?? kwargs.get('number');
  const nd = args[1] ?? kwargs.get('ndigits');
  if (!x) throw typeError("round() missing required argument 'number' (pos 1)");
  const ndigits = nd === undefined || nd === None ? null : Number(toPyIndex(nd));
  if (isIntLike(x)) {
    const v = intValue(x);
    if (ndigits === null || ndigits >= 0) return new PyInt(v);
    const p = 10n ** BigInt(-ndigits);
    const q = floorDiv(v, p);
    const r = v - q * p;
    const twice = 2n * r;
    const up = twice > p || (twice === p && q % 2n !== 0n);
    return new PyInt((up ? q + 1n : q) * p);
  }
  if (x instanceof PyFloat) {
    const r = roundFloat(x.value, ndigits);
    return ndigits === null ? new PyInt(BigInt(r)) : new PyFloat(r);
  }
  const method = lookupAttr(x, '__round__');
  if (method) return callObject(method, nd === undefined ? [] : [nd]);
  throw typeError(`type ${typeName(x)} doesn't define __round__ method`);
}

function absImpl(x: PyObject): PyObject {
  if (isIntLike(x)) {
    const v = intValue(x);
    return new PyInt(v < 0n ? -v : v);
  }
  if (x instanceof PyFloat) return new PyFloat(Math.abs(x.value));
  if (x instanceof PyComplex) return new PyFloat(Math.hypot(x.re, x.im));
  const method = lookupAttr(x, '__abs__');
  if (method) return callObject(method, []);
  throw typeError(`bad operand type for abs(): '${typeName(x)}'`);
}

function divmodImpl(a: PyObject, b: PyObject): PyObject {
  if (isIntLike(a) && isIntLike(b)) {
    const x = intValue(a);
    const y = intValue(b);
    if (y === 0n) throw new PyError('ZeroDivisionError', 'integer division or modulo by zero');
    return new PyTuple([new PyInt(floorDiv(x, y)), new PyInt(floorMod(x, y))]);
  }
  if ((isIntLike(a) || a instanceof PyFloat) && (isIntLike(b) || b instanceof PyFloat)) {
    const y = toPyFloat(b);
    if (y === 0) throw new PyError('ZeroDivisionError', 'float divmod()');
    const [q, r] = floatDivmod(toPyFloat(a), y);
    return new PyTuple([new PyFloat(q), new PyFloat(r)]);
  }
  const method = lookupAttr(a, '__divmod__');
  if (method) return callObject(method, [b]);
  throw typeError(`unsupported operand type(s) for divmod(): '${typeName(a)}' and '${typeName(b)}'`);
}

function powImpl(args: PyObject[], kwargs: Kwargs): PyObject {
  takeKwargs('pow', kwargs, ['base', 'exp', 'mod']);
  const [base, exp, mod] = [args[0] ?? kwargs.get('base'), args[1] ?? kwargs.get('exp'), args[2] ?? kwargs.get('mod')];
  if (!base || !exp) throw typeError('pow() missing required argument');
  if (mod === undefined || mod === None) return binaryOp('**', base, exp);
  if (!isIntLike(base) || !isIntLike(exp) || !isIntLike(mod)) throw typeError('pow() 3rd argument not allowed unless all arguments are integers');
  let m = intValue(mod);
  if (m === 0n) throw valueError('pow() 3rd argument cannot be 0');
  let b = floorMod(intValue(base), m);
  let e = intValue(exp);
  if (e < 0n) throw valueError('base is not invertible for the given modulus');
  let r = 1n % m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  if (m < 0n) m = -m;
  return new PyInt(floorMod(r, intValue(mod)));
}

function isinstanceCheck(name: string, obj: PyObject | PyClass, spec: PyObject, sub: boolean): boolean {
  if (spec instanceof PyTuple) return spec.items.some((s) => isinstanceCheck(name, obj, s, sub));
  if (!(spec instanceof PyClass)) throw typeError(`${name}() arg 2 must be a type, a tuple of types, or a union`);
  const cls = sub ? (obj as PyClass) : obj.cls;
  return cls.isSubclassOf(spec);
}

function pythonHash(obj: PyObject): PyObject {
  if (isIntLike(obj)) return new PyInt(intValue(obj));
  const key = hashKey(obj);
  if (key.startsWith('n:')) return new PyInt(BigInt(key.slice(2)));
  let h = 0n;
  for (let i = 0; i < key.length; i++) h = (h * 1000003n + BigInt(key.charCodeAt(i))) & ((1n << 61n) - 1n);
  return new PyInt(h);
}

function nextImpl(args: PyObject[]): PyObject {
  arity('next', args, 1, 2);
  const it = args[0];
  const nextMethod = it.cls.lookup('__next__');
  if (it instanceof PyIterator) {
    const r = it.it.next();
    if (!r.done) return r.value;
  } else if (nextMethod) {
    try {
      return callObject(getAttr(it, '__next__'), []);
    } catch (e) {
      if (!(e instanceof PyError && e.pyType === 'StopIteration') || args[1] === undefined) throw e;
    }
  } else {
    throw typeError(`'${typeName(it)}' object is not an iterator`);
  }
  if (args[1] !== undefined) return args[1];
  throw new PyError('StopIteration', '');
}

function reversedImpl(x: PyObject): PyObject {
  if (x instanceof PyList || x instanceof PyTuple) return iteratorOf([...x.items].reverse()[Symbol.iterator]());
  const len = x.cls.slot('len');
  const get = x.cls.slot('getitem');
  if (len && get && x.cls !== dictClass && x.cls !== setClass) {
    const n = len(x);
    return iteratorOf(mapIter(Array.from({ length: n }, (_, i) => n - 1 - i), (i) => get(x, PyInt.of(i))));
  }
  throw typeError(`'${typeName(x)}' object is not reversible`);
}

export function makeBuiltins(host: BuiltinsHost): Map<string, PyObject> {
  const b = new Map<string, PyObject>();
  const def = (name: string, fn: (args: PyObject[], kwargs: Kwargs) => PyObject) => b.set(name, builtin(name, fn));

  for (const cls of [intClass, floatClass, boolClass, complexClass, strClass, listClass, tupleClass, dictClass, setClass, rangeClass, sliceClass, objectClass, typeClass]) {
    b.set(cls.name, cls);
  }
  b.set('property', propertyClass);
  b.set('staticmethod', staticmethodClass);
  b.set('classmethod', classmethodClass);
  b.set('frozenset', setClass);
  for (const name of BUILTIN_EXCEPTION_NAMES) b.set(name, exceptionClass(name));
  b.set('None', None);
  b.set('Ellipsis', Ellipsis);
  b.set('NotImplemented', NotImplementedObject);

  def('print', (args, kwargs) => {
    takeKwargs('print', kwargs, ['sep', 'end', 'file', 'flush']);
    const sepObj = kwargs.get('sep');
    const endObj = kwargs.get('end');
    const sep = sepObj === undefined || sepObj === None ? ' ' : strArg('sep', sepObj);
    const end = endObj === undefined || endObj === None ? '\n' : strArg('end', endObj);
    const file = kwargs.get('file');
    if (file !== undefined && file !== None) throw new PyError('NotImplementedError', 'Grad Lens does not evaluate print(file=...) yet');
    host.write(args.map((a) => pyStr(a)).join(sep) + end);
    return None;
  });
  def('len', (args, kwargs) => {
    noKwargs('len', kwargs);
    arity('len', args, 1);
    return PyInt.of(pyLen(args[0]));
  });
  def('repr', (args) => {
    arity('repr', args, 1);
    return new PyStr(pyRepr(args[0]));
  });
  def('ascii', (args) => new PyStr(pyRepr(args[0]).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)));
  def('format', (args) => {
    arity('format', args, 1, 2);
    return new PyStr(pyFormat(args[0], args[1] ? strArg('format', args[1]) : ''));
  });
  def('abs', (args) => {
    arity('abs', args, 1);
    return absImpl(args[0]);
  });
  def('round', roundImpl);
  def('divmod', (args) => {
    arity('divmod', args, 2);
    return divmodImpl(args[0], args[1]);
  });
  def('pow', powImpl);
  def('hash', (args) => pythonHash(args[0]));
  def('id', (args) => PyInt.of(objectId(args[0])));
  def('chr', (args) => {
    const n = Number(toPyIndex(args[0]));
    if (n < 0 || n > 0x10ffff) throw valueError('chr() arg not in range(0x110000)');
    return new PyStr(String.fromCodePoint(n));
  });
  def('ord', (args) => {
    const s = args[0];
    if (!(s instanceof PyStr)) throw typeError(`ord() expected string of length 1, but ${typeName(s)} found`);
    const chars = [...s.value];
    if (chars.length !== 1) throw typeError(`ord() expected a character, but string of length ${chars.length} found`);
    return PyInt.of(chars[0].codePointAt(0)!);
  });
  const radix = (name: string, base: number, prefix: string) =>
    def(name, (args) => {
      const v = toPyIndex(args[0]);
      return new PyStr((v < 0n ? '-' : '') + prefix + (v < 0n ? -v : v).toString(base));
    });
  radix('bin', 2, '0b');
  radix('oct', 8, '0o');
  radix('hex', 16, '0x');
  def('sum', (args, kwargs) => {
    takeKwargs('sum', kwargs, ['start']);
    arity('sum', args, 1, 2);
    let acc: PyObject = args[1] ?? kwargs.get('start') ?? PyInt.of(0);
    if (acc instanceof PyStr) throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
    for (const x of iterate(args[0])) acc = binaryOp('+', acc, x);
    return acc;
  });
  def('min', (args, kwargs) => minMax('min', args, kwargs));
  def('max', (args, kwargs) => minMax('max', args, kwargs));
  // Both stop at the first item that decides, as in Python (`any(itertools.count())` returns).
  def('any', (args) => {
    for (const x of iterate(args[0])) if (truthy(x)) return PyBool.of(true);
    return PyBool.of(false);
  });
  def('all', (args) => {
    for (const x of iterate(args[0])) if (!truthy(x)) return PyBool.of(false);
    return PyBool.of(true);
  });
  def('sorted', (args, kwargs) => {
    arity('sorted', args, 1);
    takeKwargs('sorted', kwargs, ['key', 'reverse']);
    return new PyList(sortItems(toArray(args[0]), kwargs.get('key'), kwargs.get('reverse')));
  });
  def('reversed', (args) => {
    arity('reversed', args, 1);
    return reversedImpl(args[0]);
  });
  def('enumerate', (args, kwargs) => {
    takeKwargs('enumerate', kwargs, ['start']);
    const start = toPyIndex(args[1] ?? kwargs.get('start') ?? PyInt.of(0));
    return iteratorOf(mapIter(iterate(args[0]), (x, i) => new PyTuple([new PyInt(start + BigInt(i)), x])));
  });
  def('zip', (args, kwargs) => {
    takeKwargs('zip', kwargs, ['strict']);
    const strict = kwargs.get('strict');
    const its = args.map((a) => iterate(a)[Symbol.iterator]());
    return iteratorOf((function* () {
      if (its.length === 0) return;
      for (;;) {
        const row: PyObject[] = [];
        for (let i = 0; i < its.length; i++) {
          const r = its[i].next();
          if (r.done) {
            if (strict && truthy(strict) && (i > 0 || its.slice(1).some((it) => !it.next().done))) {
              throw valueError(`zip() argument ${i + 1} is shorter than argument${i > 1 ? 's 1-' + i : ' 1'}`);
            }
            return;
          }
          row.push(r.value);
        }
        yield new PyTuple(row);
      }
    })());
  });
  def('map', (args) => {
    if (args.length < 2) throw typeError('map() must have at least two arguments.');
    const fn = args[0];
    const its = args.slice(1).map((a) => iterate(a)[Symbol.iterator]());
    return iteratorOf((function* () {
      for (;;) {
        const row: PyObject[] = [];
        for (const it of its) {
          const r = it.next();
          if (r.done) return;
          row.push(r.value);
        }
        yield callObject(fn, row);
      }
    })());
  });
  def('filter', (args) => {
    arity('filter', args, 2);
    const fn = args[0];
    return iteratorOf((function* () {
      for (const x of iterate(args[1])) if (truthy(fn === None ? x : callObject(fn, [x]))) yield x;
    })());
  });
  def('iter', (args) => {
    arity('iter', args, 1);
    const x = args[0];
    if (x instanceof PyIterator) return x;
    if (x.cls.lookup('__next__') && x.cls.lookup('__iter__')) return callObject(getAttr(x, '__iter__'), []);
    return iteratorOf(iterate(x)[Symbol.iterator]());
  });
  def('next', nextImpl);
  def('isinstance', (args) => {
    arity('isinstance', args, 2);
    return PyBool.of(isinstanceCheck('isinstance', args[0], args[1], false));
  });
  def('issubclass', (args) => {
    arity('issubclass', args, 2);
    if (!(args[0] instanceof PyClass)) throw typeError('issubclass() arg 1 must be a class');
    return PyBool.of(isinstanceCheck('issubclass', args[0], args[1], true));
  });
  def('callable', (args) => PyBool.of(isCallable(args[0])));
  def('hasattr', (args) => {
    arity('hasattr', args, 2);
    try {
      return PyBool.of(lookupAttr(args[0], strArg('hasattr', args[1], 'attribute name')) !== undefined);
    } catch (e) {
      if (e instanceof PyError && e.pyType === 'AttributeError') return PyBool.False;
      throw e;
    }
  });
  def('getattr', (args) => {
    arity('getattr', args, 2, 3);
    const name = strArg('getattr', args[1], 'attribute name');
    if (args[2] === undefined) return getAttr(args[0], name);
    try {
      return lookupAttr(args[0], name) ?? args[2];
    } catch (e) {
      if (e instanceof PyError && e.pyType === 'AttributeError') return args[2];
      throw e;
    }
  });
  def('setattr', (args) => {
    arity('setattr', args, 3);
    setAttr(args[0], strArg('setattr', args[1], 'attribute name'), args[2]);
    return None;
  });
  def('delattr', (args) => {
    arity('delattr', args, 2);
    deleteAttr(args[0], strArg('delattr', args[1], 'attribute name'));
    return None;
  });
  def('super', (args) => {
    if (args.length > 0) throw new PyError('NotImplementedError', 'Grad Lens does not evaluate super() with arguments yet');
    return host.currentSuper();
  });
  return b;
}

function strArg(fn: string, o: PyObject, what?: string): string {
  if (!(o instanceof PyStr)) {
    if (what) throw typeError(`${what} must be string, not ${typeName(o)}`);
    throw typeError(`${fn} must be None or a string, not ${typeName(o)}`);
  }
  return o.value;
}
