// list and tuple: indexing, slicing, operators, comparisons, hashing and methods.

import { runContext } from '../../context';
import { PyError, typeError, valueError } from '../../errors';
import {
  Kwargs, NotImplementedSignal, None, PyBool, PyClass, PyInt, PyList, PyObject, PySlice, PyTuple, listClass, tupleClass,
} from '../object';
import {
  callObject, compareOp, hashKey, pyEquals, pyIs, pyRepr, toArray, toPyIndex, truthy,
} from '../protocol';
import { arity, method, noKwargs, takeKwargs } from './args';
import { isIntLike } from './numeric';
import { builtin } from './args';
import {
  checkRepeat, checkSize, compareSequences, pushAll, guardedRepr, normIndex, seqIndexKey, sliceIndices, sliceItems,
} from './seqUtil';

type Seq = PyList | PyTuple;
const items = (o: PyObject): readonly PyObject[] => (o as Seq).items;

function installCommon(cls: PyClass, make: (xs: PyObject[]) => Seq, what: 'list' | 'tuple'): void {
  cls.slots.len = (self) => items(self).length;
  cls.slots.iter = (self) => items(self)[Symbol.iterator]();
  cls.slots.contains = (self, x) => items(self).some((y) => pyIs(y, x) || pyEquals(y, x));
  cls.slots.getitem = (self, key) => {
    if (key instanceof PySlice) return make(sliceItems(items(self), key));
    return items(self)[normIndex(seqIndexKey(key, what), items(self).length, what)];
  };
  cls.slots.binary = (op, a, b) => {
    if (op === '+' && b.cls.isSubclassOf(cls)) {
      checkSize(items(a).length + items(b).length, what);
      return make([...items(a), ...items(b)]);
    }
    if (op === '*' && (isIntLike(b) || b.cls.slot('index'))) return repeat(items(a), toPyIndex(b), make, what);
    return NotImplementedSignal;
  };
  cls.slots.rbinary = (op, self, other) => {
    if (op === '*' && (isIntLike(other) || other.cls.slot('index'))) return repeat(items(self), toPyIndex(other), make, what);
    return NotImplementedSignal;
  };
  cls.slots.compare = (op, a, b) => {
    if (!b.cls.isSubclassOf(cls)) return NotImplementedSignal;
    return PyBool.of(compareSequences(op, items(a), items(b)));
  };
  method(cls, 'index', (self, args) => {
    arity('index', args, 1, 3);
    const xs = items(self);
    const start = args[1] ? clampIndex(toPyIndex(args[1]), xs.length) : 0;
    const stop = args[2] ? clampIndex(toPyIndex(args[2]), xs.length) : xs.length;
    for (let i = start; i < stop; i++) if (pyIs(xs[i], args[0]) || pyEquals(xs[i], args[0])) return PyInt.of(i);
    throw valueError(what === 'list' ? `${pyRepr(args[0])} is not in list` : 'tuple.index(x): x not in tuple');
  });
  method(cls, 'count', (self, args) => {
    arity('count', args, 1);
    return PyInt.of(items(self).filter((y) => pyIs(y, args[0]) || pyEquals(y, args[0])).length);
  });
}

function clampIndex(i: bigint, len: number): number {
  let n = Number(i);
  if (n < 0) n = Math.max(0, n + len);
  return Math.min(n, len);
}

function repeat(xs: readonly PyObject[], times: bigint, make: (xs: PyObject[]) => Seq, what: string): Seq {
  const n = checkRepeat(xs.length, times, what);
  const out: PyObject[] = [];
  if (xs.length === 0) return make(out); // [] * 10**9 is [] at once, not a billion empty pushes
  for (let i = 0; i < n; i++) pushAll(out, xs);
  return make(out);
}

installCommon(listClass, (xs) => new PyList(xs), 'list');
installCommon(tupleClass, (xs) => new PyTuple(xs), 'tuple');

listClass.slots.repr = (self) => guardedRepr(self, '[...]', () => `[${items(self).map(pyRepr).join(', ')}]`);
tupleClass.slots.repr = (self) => {
  const xs = items(self);
  return guardedRepr(self, '(...)', () => (xs.length === 1 ? `(${pyRepr(xs[0])},)` : `(${xs.map(pyRepr).join(', ')})`));
};
listClass.slots.hash = () => {
  throw typeError("unhashable type: 'list'");
};
tupleClass.slots.hash = (self) => `t(${items(self).map((x) => { const k = hashKey(x); return `${k.length}:${k}`; }).join('')})`;

listClass.slots.inplace = (op, a, b) => {
  const list = a as PyList;
  if (op === '+') {
    const more = toArray(b);
    checkSize(list.items.length + more.length, 'list');
    pushAll(list.items, more);
    return list;
  }
  if (op === '*' && (isIntLike(b) || b.cls.slot('index'))) {
    const copy = [...list.items];
    const n = checkRepeat(copy.length, toPyIndex(b), 'list');
    list.items.length = 0;
    for (let i = 0; i < n; i++) pushAll(list.items, copy);
    return list;
  }
  return NotImplementedSignal;
};

listClass.slots.setitem = (self, key, value) => {
  const list = (self as PyList).items;
  if (key instanceof PySlice) {
    const values = toArray(value);
    const { start, step, count } = sliceIndices(key, list.length);
    if (step === 1) {
      checkSize(list.length - count + values.length, 'list');
      const tail = list.splice(start);
      pushAll(list, values);
      pushAll(list, tail.slice(count));
      return;
    }
    if (values.length !== count) {
      throw valueError(`attempt to assign sequence of size ${values.length} to extended slice of size ${count}`);
    }
    for (let i = 0, j = start; i < count; i++, j += step) list[j] = values[i];
    return;
  }
  list[normIndex(seqIndexKey(key, 'list'), list.length, 'list assignment')] = value;
};

listClass.slots.delitem = (self, key) => {
  const list = (self as PyList).items;
  if (key instanceof PySlice) {
    const { start, step, count } = sliceIndices(key, list.length);
    const drop = new Set<number>();
    for (let i = 0, j = start; i < count; i++, j += step) drop.add(j);
    const kept = list.filter((_, i) => !drop.has(i));
    list.length = 0;
    pushAll(list, kept);
    return;
  }
  list.splice(normIndex(seqIndexKey(key, 'list'), list.length, 'list assignment'), 1);
};

const listItems = (self: PyObject) => (self as PyList).items;

method(listClass, 'append', (self, args, kwargs) => {
  noKwargs('list.append', kwargs);
  arity('list.append', args, 1);
  listItems(self).push(args[0]);
  return None;
});
method(listClass, 'extend', (self, args) => {
  arity('list.extend', args, 1);
  const more = toArray(args[0]);
  checkSize(listItems(self).length + more.length, 'list');
  pushAll(listItems(self), more);
  return None;
});
method(listClass, 'insert', (self, args) => {
  arity('insert', args, 2);
  const xs = listItems(self);
  xs.splice(clampIndex(toPyIndex(args[0]), xs.length), 0, args[1]);
  return None;
});
method(listClass, 'pop', (self, args) => {
  arity('pop', args, 0, 1);
  const xs = listItems(self);
  if (xs.length === 0) throw new PyError('IndexError', 'pop from empty list');
  const i = args[0] ? normIndex(toPyIndex(args[0]), xs.length, 'pop') : xs.length - 1;
  return xs.splice(i, 1)[0];
});
method(listClass, 'remove', (self, args) => {
  arity('list.remove', args, 1);
  const xs = listItems(self);
  const i = xs.findIndex((y) => pyIs(y, args[0]) || pyEquals(y, args[0]));
  if (i < 0) throw valueError('list.remove(x): x not in list');
  xs.splice(i, 1);
  return None;
});
method(listClass, 'clear', (self) => {
  listItems(self).length = 0;
  return None;
});
method(listClass, 'copy', (self) => new PyList([...listItems(self)]));
method(listClass, 'reverse', (self) => {
  listItems(self).reverse();
  return None;
});
method(listClass, 'sort', (self, args, kwargs) => {
  if (args.length > 0) throw typeError('sort() takes no positional arguments');
  takeKwargs('sort', kwargs, ['key', 'reverse']);
  const xs = listItems(self);
  const sorted = sortItems(xs, kwargs.get('key'), kwargs.get('reverse'));
  xs.length = 0;
  pushAll(xs, sorted);
  return None;
});

/** Stable sort with Python's `<`, an optional key function and `reverse`. */
export function sortItems(xs: readonly PyObject[], key: PyObject | undefined, reverse: PyObject | undefined): PyObject[] {
  const keyed = xs.map((x) => ({ x, k: key && key !== None ? callObject(key, [x]) : x }));
  const lt = (a: PyObject, b: PyObject) => truthy(compareOp('<', a, b));
  const rev = reverse !== undefined && truthy(reverse);
  // Python's reverse keeps equal items in their original order: reverse, stable sort, reverse.
  if (rev) keyed.reverse();
  const ctx = runContext();
  keyed.sort((a, b) => {
    ctx.iterate(); // a comparison costs no interpreter step, so it counts against the iteration budget
    return lt(a.k, b.k) ? -1 : lt(b.k, a.k) ? 1 : 0;
  });
  if (rev) keyed.reverse();
  return keyed.map((e) => e.x);
}

listClass.attrs.set('__new__', builtin('list', (args, kwargs: Kwargs) => {
  noKwargs('list', kwargs);
  arity('list', args.slice(1), 0, 1);
  return new PyList(args[1] ? toArray(args[1]) : []);
}));
tupleClass.attrs.set('__new__', builtin('tuple', (args, kwargs: Kwargs) => {
  noKwargs('tuple', kwargs);
  arity('tuple', args.slice(1), 0, 1);
  if (args[1] instanceof PyTuple) return args[1];
  return new PyTuple(args[1] ? toArray(args[1]) : []);
}));

