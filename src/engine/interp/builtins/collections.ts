// The `collections` module: defaultdict and OrderedDict (dicts are insertion-ordered already).

import { typeError } from '../../errors';
import { None, PyClass, PyDict, PyModule, PyObject, PyStr, dictClass } from '../object';
import { callObject, hashKey, isCallable, iterate, pyRepr, toArray } from '../protocol';
import { builtin } from './args';
import { dictSet } from './containers';

/** A dict whose class is a dict subclass (defaultdict, OrderedDict). */
class PyDictSubclass extends PyDict {
  constructor(readonly subclass: PyClass, public factory: PyObject = None) {
    super();
  }
  override get cls(): PyClass {
    return this.subclass;
  }
}

function fillFrom(d: PyDict, source: PyObject | undefined, kwargs: Map<string, PyObject>): void {
  if (source instanceof PyDict) for (const [k, v] of source.entries.values()) dictSet(d, k, v);
  else if (source) for (const item of iterate(source)) {
    const [k, v] = toArray(item);
    dictSet(d, k, v);
  }
  for (const [k, v] of kwargs) dictSet(d, new PyStr(k), v);
}

const defaultdictClass = new PyClass('defaultdict', [dictClass], 'collections');
defaultdictClass.attrs.set('__new__', builtin('defaultdict', (args, kwargs) => {
  const factory = args[1] ?? None;
  if (factory !== None && !isCallable(factory)) throw typeError('first argument must be callable or None');
  const d = new PyDictSubclass(defaultdictClass, factory);
  fillFrom(d, args[2], kwargs);
  return d;
}));
defaultdictClass.slots.getitem = (self, key) => {
  const d = self as PyDictSubclass;
  const found = d.entries.get(hashKey(key));
  if (found) return found[1];
  if (d.factory === None) return dictClass.slots.getitem!(self, key);
  const value = callObject(d.factory, []);
  dictSet(d, key, value);
  return value;
};
defaultdictClass.slots.repr = (self) => {
  const d = self as PyDictSubclass;
  const factory = d.factory === None ? 'None' : pyRepr(d.factory);
  return `defaultdict(${factory}, ${dictClass.slots.repr!(self)})`;
};

const orderedDictClass = new PyClass('OrderedDict', [dictClass], 'collections');
orderedDictClass.attrs.set('__new__', builtin('OrderedDict', (args, kwargs) => {
  const d = new PyDictSubclass(orderedDictClass);
  fillFrom(d, args[1], kwargs);
  return d;
}));
orderedDictClass.slots.repr = (self) =>
  (self as PyDict).entries.size === 0 ? 'OrderedDict()' : `OrderedDict(${dictClass.slots.repr!(self)})`;

export function collectionsModule(): PyModule {
  const m = new PyModule('collections');
  m.attrs.set('defaultdict', defaultdictClass);
  m.attrs.set('OrderedDict', orderedDictClass);
  return m;
}
