// `x.at[idx].set(y)` and friends (jax/_src/numpy/array_methods.py::_IndexUpdateHelper).
// Out-of-bounds updates are dropped by default ('promise_in_bounds' / 'drop' / 'fill');
// `mode='clip'` clamps them. `get` reads like `x[idx]` (clamping) or, with mode 'fill'/'drop',
// reads `fill_value` (NaN for inexact dtypes by default, SEMANTICS §1.11).

import * as lax from '../autodiff/lax';
import type { ScatterCombine } from '../autodiff/primitives/types';
import { valueError } from '../errors';
import { type Kwargs, nativeMethod, None, objectClass, PyClass, PyObject, PyStr } from '../interp/object';
import { pyRepr, toPyFloat } from '../interp/protocol';
import { bindArgs } from './args';
import { JaxArray, wrap } from './array';
import { arrayArg } from './coerce';
import { defaultFill, getIndex, scatterIndex } from './indexing';
import * as uf from './numpy/ufuncs';

const helperClass = new PyClass('_IndexUpdateHelper', [objectClass], 'jax._src.numpy.array_methods');
const refClass = new PyClass('_IndexUpdateRef', [objectClass], 'jax._src.numpy.array_methods');

class IndexUpdateHelper extends PyObject {
  constructor(readonly array: JaxArray) {
    super();
  }
  get cls(): PyClass {
    return helperClass;
  }
}

class IndexUpdateRef extends PyObject {
  constructor(
    readonly array: JaxArray,
    readonly index: PyObject,
  ) {
    super();
  }
  get cls(): PyClass {
    return refClass;
  }
}

export function atHelper(x: JaxArray): PyObject {
  return new IndexUpdateHelper(x);
}

helperClass.slots.getitem = (self, key) => new IndexUpdateRef((self as IndexUpdateHelper).array, key);
helperClass.slots.repr = (self) => `_IndexUpdateHelper(${pyRepr((self as IndexUpdateHelper).array)})`;
refClass.slots.repr = (self) => {
  const r = self as IndexUpdateRef;
  return `_IndexUpdateRef(${pyRepr(r.array)}, ${pyRepr(r.index)})`;
};

function modeName(o: PyObject): string | undefined {
  if (o === None) return undefined;
  if (o instanceof PyStr) return o.value;
  return String(pyRepr(o));
}

function isClip(name: string, mode: PyObject): boolean {
  const m = modeName(mode);
  if (m === undefined || m === 'promise_in_bounds' || m === 'drop' || m === 'fill') return false;
  if (m === 'clip') return true;
  throw valueError(`${name}: invalid mode ${m}; expected one of 'promise_in_bounds', 'clip', 'drop', 'fill'`);
}

function updater(name: string, combine: ScatterCombine) {
  nativeMethod(refClass, name, (args: PyObject[], kwargs: Kwargs) => {
    const b = bindArgs(name, args, kwargs, ['self', 'values', 'indices_are_sorted?', 'unique_indices?', 'mode?']);
    const r = b.self as IndexUpdateRef;
    const updates = arrayArg(name, b.values);
    return wrap(scatterIndex(r.array.value, r.index, updates, combine, isClip(name, b.mode)));
  });
}

updater('set', 'set');
updater('add', 'add');
updater('multiply', 'mul');
updater('mul', 'mul');
updater('min', 'min');
updater('max', 'max');

nativeMethod(refClass, 'get', (args: PyObject[], kwargs: Kwargs) => {
  const b = bindArgs('get', args, kwargs, ['self', 'indices_are_sorted?', 'unique_indices?', 'mode?', 'fill_value?']);
  const r = b.self as IndexUpdateRef;
  const m = modeName(b.mode);
  if (m === 'fill' || m === 'drop') {
    const d = r.array.aval.dtype;
    const fill = b.fill_value === None ? defaultFill(d) : toPyFloat(b.fill_value);
    return wrap(getIndex(r.array.value, r.index, { kind: 'fill', fill }));
  }
  isClip('get', b.mode);
  return wrap(getIndex(r.array.value, r.index));
});

/** divide and power read the selected values, combine, and write them back. */
function readModifyWrite(name: string, op: uf.Binary) {
  nativeMethod(refClass, name, (args: PyObject[], kwargs: Kwargs) => {
    const b = bindArgs(name, args, kwargs, ['self', 'values', 'indices_are_sorted?', 'unique_indices?', 'mode?']);
    const r = b.self as IndexUpdateRef;
    const current = wrap(getIndex(r.array.value, r.index));
    const combined = lax.convertElementType(op(current, b.values), r.array.aval.dtype, r.array.aval.weakType);
    return wrap(scatterIndex(r.array.value, r.index, combined, 'set', isClip(name, b.mode)));
  });
}
readModifyWrite('divide', uf.trueDivide);
readModifyWrite('power', uf.power);
