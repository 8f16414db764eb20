// dict and set: hashing through `hashKey` (so 1, 1.0 and True are one key), views, methods.

import { PyError, typeError } from '../../errors';
import { Kwargs, NotImplementedSignal, None, PyBool, PyDict, PyObject, PySet, PyStr, PyTuple, dictClass, setClass, PyClass, objectClass } from '../object';
import { callObject, getAttr, getItem, hashKey, iterate, keyError, pyEquals, pyRepr, toArray } from '../protocol';
import { arity, builtin, method } from './args';
import { guardedRepr } from './seqUtil';

// ---------------------------------------------------------------- dict

const entries = (o: PyObject) => (o as PyDict).entries;

export function dictGet(d: PyDict, key: PyObject): PyObject | undefined {
  return d.entries.get(hashKey(key))?.[1];
}
export function dictSet(d: PyDict, key: PyObject, value: PyObject): void {
  const h = hashKey(key);
  const old = d.entries.get(h);
  d.entries.set(h, [old ? old[0] : key, value]);
}

/** Fills `d` from a mapping or an iterable of pairs, then keyword arguments (dict(), update()). */
function fill(d: PyDict, source: PyObject | undefined, kwargs: Kwargs): void {
  if (source instanceof PyDict) {
    for (const [k, v] of source.entries.values()) dictSet(d, k, v);
  } else if (source !== undefined) {
    const keysFn = source.cls.lookup('keys');
    if (keysFn && source.cls.slot('getitem')) {
      for (const k of iterate(callObject(getAttr(source, 'keys'), []))) dictSet(d, k, getItem(source, k));
    } else {
      let i = 0;
      for (const item of iterate(source)) {
        const pair = toArray(item);
        if (pair.length !== 2) {
          throw new PyError('ValueError', `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
        }
        dictSet(d, pair[0], pair[1]);
        i++;
      }
    }
  }
  for (const [k, v] of kwargs) dictSet(d, new PyStr(k), v);
}

dictClass.slots.len = (self) => entries(self).size;
dictClass.slots.iter = (self) => [...entries(self).values()].map((e) => e[0])[Symbol.iterator]();
dictClass.slots.contains = (self, key) => entries(self).has(hashKey(key));
dictClass.slots.getitem = (self, key) => {
  const e = entries(self).get(hashKey(key));
  if (!e) throw keyError(key);
  return e[1];
};
dictClass.slots.setitem = (self, key, value) => dictSet(self as PyDict, key, value);
dictClass.slots.delitem = (self, key) => {
  if (!entries(self).delete(hashKey(key))) throw keyError(key);
};
dictClass.slots.hash = () => {
  throw typeError("unhashable type: 'dict'");
};
dictClass.slots.repr = (self) => guardedRepr(self, '{...}', () => `{${[...entries(self).values()].map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`);
dictClass.slots.compare = (op, a, b) => {
  if (!(b instanceof PyDict) || (op !== '==' && op !== '!=')) return NotImplementedSignal;
  const ea = entries(a);
  let eq = ea.size === b.entries.size;
  if (eq) {
    for (const [h, [, v]] of ea) {
      const other = b.entries.get(h);
      if (!other || !pyEquals(v, other[1])) {
        eq = false;
        break;
      }
    }
  }
  return PyBool.of(eq === (op === '=='));
};
dictClass.slots.binary = (op, a, b) => {
  if (op !== '|' || !(b instanceof PyDict)) return NotImplementedSignal;
  const d = new PyDict();
  for (const [h, e] of entries(a)) d.entries.set(h, [...e]);
  for (const [k, v] of b.entries.values()) dictSet(d, k, v);
  return d;
};

dictClass.attrs.set('__new__', builtin('dict', (args, kwargs) => {
  arity('dict', args.slice(1), 0, 1);
  const d = new PyDict();
  fill(d, args[1], kwargs);
  return d;
}));

/** `dict.keys()`, `.values()`, `.items()`: live views of the dict, as in Python 3. */
class DictView extends PyObject {
  constructor(readonly viewClass: PyClass, readonly dict: PyDict, readonly pick: (e: [PyObject, PyObject]) => PyObject) {
    super();
  }
  get cls(): PyClass {
    return this.viewClass;
  }
  items(): PyObject[] {
    return [...this.dict.entries.values()].map(this.pick);
  }
}
function viewClass(name: string, pick: (e: [PyObject, PyObject]) => PyObject, keyed: boolean): PyClass {
  const cls = new PyClass(name, [objectClass]);
  const view = (o: PyObject) => o as DictView;
  cls.slots.len = (self) => view(self).dict.entries.size;
  cls.slots.iter = (self) => view(self).items()[Symbol.iterator]();
  cls.slots.repr = (self) => `${name}([${view(self).items().map(pyRepr).join(', ')}])`;
  cls.slots.contains = (self, x) =>
    keyed ? view(self).dict.entries.has(hashKey(x)) : view(self).items().some((y) => pyEquals(y, x));
  method(dictClass, name.slice(5), (self) => new DictView(cls, self as PyDict, pick));
  return cls;
}
viewClass('dict_keys', (e) => e[0], true);
viewClass('dict_values', (e) => e[1], false);
viewClass('dict_items', (e) => new PyTuple([e[0], e[1]]), false);
method(dictClass, 'get', (self, args) => {
  arity('get', args, 1, 2);
  return dictGet(self as PyDict, args[0]) ?? args[1] ?? None;
});
method(dictClass, 'setdefault', (self, args) => {
  arity('setdefault', args, 1, 2);
  const existing = dictGet(self as PyDict, args[0]);
  if (existing) return existing;
  dictSet(self as PyDict, args[0], args[1] ?? None);
  return args[1] ?? None;
});
method(dictClass, 'pop', (self, args) => {
  arity('pop', args, 1, 2);
  const h = hashKey(args[0]);
  const e = entries(self).get(h);
  if (!e) {
    if (args[1]) return args[1];
    throw keyError(args[0]);
  }
  entries(self).delete(h);
  return e[1];
});
method(dictClass, 'popitem', (self) => {
  const last = [...entries(self)].pop();
  if (!last) throw keyError(new PyStr('popitem(): dictionary is empty'));
  entries(self).delete(last[0]);
  return new PyTuple(last[1]);
});
method(dictClass, 'update', (self, args, kwargs) => {
  arity('update', args, 0, 1);
  fill(self as PyDict, args[0], kwargs);
  return None;
});
method(dictClass, 'copy', (self) => {
  const d = new PyDict();
  for (const [h, e] of entries(self)) d.entries.set(h, [...e]);
  return d;
});
method(dictClass, 'clear', (self) => {
  entries(self).clear();
  return None;
});
dictClass.attrs.set('fromkeys', builtin('fromkeys', (args) => {
  const d = new PyDict();
  for (const k of iterate(args[0])) dictSet(d, k, args[1] ?? None);
  return d;
}));

// ---------------------------------------------------------------- set

const members = (o: PyObject) => (o as PySet).entries;

export function makeSet(items: Iterable<PyObject>): PySet {
  const s = new PySet();
  for (const x of items) {
    const h = hashKey(x);
    if (!s.entries.has(h)) s.entries.set(h, x);
  }
  return s;
}

setClass.slots.len = (self) => members(self).size;
setClass.slots.iter = (self) => [...members(self).values()][Symbol.iterator]();
setClass.slots.contains = (self, x) => members(self).has(hashKey(x));
setClass.slots.hash = () => {
  throw typeError("unhashable type: 'set'");
};
setClass.slots.repr = (self) => (members(self).size === 0 ? 'set()' : `{${[...members(self).values()].map(pyRepr).join(', ')}}`);
setClass.slots.binary = (op, a, b) => {
  if (!(b instanceof PySet)) return NotImplementedSignal;
  const x = members(a);
  const y = b.entries;
  switch (op) {
    case '|': return makeSet([...x.values(), ...y.values()]);
    case '&': return makeSet([...x].filter(([h]) => y.has(h)).map((e) => e[1]));
    case '-': return makeSet([...x].filter(([h]) => !y.has(h)).map((e) => e[1]));
    case '^': return makeSet([...[...x].filter(([h]) => !y.has(h)), ...[...y].filter(([h]) => !x.has(h))].map((e) => e[1]));
    default: return NotImplementedSignal;
  }
};
setClass.slots.compare = (op, a, b) => {
  if (!(b instanceof PySet)) return NotImplementedSignal;
  const x = members(a);
  const y = b.entries;
  const sub = (p: Map<string, PyObject>, q: Map<string, PyObject>) => [...p.keys()].every((h) => q.has(h));
  switch (op) {
    case '==': return PyBool.of(x.size === y.size && sub(x, y));
    case '!=': return PyBool.of(!(x.size === y.size && sub(x, y)));
    case '<=': return PyBool.of(sub(x, y));
    case '<': return PyBool.of(x.size < y.size && sub(x, y));
    case '>=': return PyBool.of(sub(y, x));
    default: return PyBool.of(y.size < x.size && sub(y, x));
  }
};
setClass.attrs.set('__new__', builtin('set', (args) => {
  arity('set', args.slice(1), 0, 1);
  return makeSet(args[1] ? iterate(args[1]) : []);
}));
method(setClass, 'add', (self, args) => {
  arity('set.add', args, 1);
  const h = hashKey(args[0]);
  if (!members(self).has(h)) members(self).set(h, args[0]);
  return None;
});
method(setClass, 'discard', (self, args) => {
  members(self).delete(hashKey(args[0]));
  return None;
});
method(setClass, 'remove', (self, args) => {
  if (!members(self).delete(hashKey(args[0]))) throw keyError(args[0]);
  return None;
});
method(setClass, 'pop', (self) => {
  const first = members(self).entries().next();
  if (first.done) throw keyError(new PyStr('pop from an empty set'));
  members(self).delete(first.value[0]);
  return first.value[1];
});
method(setClass, 'update', (self, args) => {
  for (const a of args) for (const x of iterate(a)) {
    const h = hashKey(x);
    if (!members(self).has(h)) members(self).set(h, x);
  }
  return None;
});
method(setClass, 'copy', (self) => makeSet(members(self).values()));
method(setClass, 'clear', (self) => {
  members(self).clear();
  return None;
});
const setOp = (name: string, op: '|' | '&' | '-' | '^') =>
  method(setClass, name, (self, args) => {
    let acc: PyObject = makeSet(members(self).values());
    for (const a of args) acc = setClass.slots.binary!(op, acc, makeSet(iterate(a))) as PyObject;
    return acc;
  });
setOp('union', '|');
setOp('intersection', '&');
setOp('difference', '-');
setOp('symmetric_difference', '^');
method(setClass, 'issubset', (self, args) => setClass.slots.compare!('<=', self, makeSet(iterate(args[0]))) as PyObject);
method(setClass, 'issuperset', (self, args) => setClass.slots.compare!('>=', self, makeSet(iterate(args[0]))) as PyObject);
method(setClass, 'isdisjoint', (self, args) => PyBool.of(toArray(args[0]).every((x) => !members(self).has(hashKey(x)))));

