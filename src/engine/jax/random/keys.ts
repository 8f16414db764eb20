// Typed PRNG key arrays (jax.random.key) and the checks every jax.random function applies to
// its key argument (jax/_src/random.py's _check_prng_key, prng.py's _check_prng_key_data).
//
// A typed key array wraps its uint32 key data, of shape (*keys_shape, 2). It is a JaxArray
// whose Value is that data, so jit and vmap accept it as an argument: inside the
// transformation the function sees the raw uint32 data, which every jax.random function also
// accepts (a "legacy" key, as jax.random.PRNGKey returns), so the values drawn are the same.
// Keys that come out of a transformation come out as raw uint32 data.

import { arrayStr } from '../../array/format';
import { avalOf, concreteValue, Tracer, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { PyError, typeError, valueError } from '../../errors';
import { type CompareOp, objectClass, PyClass, PyEllipsis, PyObject, PyTuple } from '../../interp/object';
import { pyInt, pyStr, pyTuple } from '../../interp/protocol';
import { arrayBaseClass, JaxArray, wrap } from '../array';
import { pythonScalarKind, toValue, typeRepr } from '../coerce';
import { getIndex } from '../indexing';

export const keyArrayClass = new PyClass('PRNGKeyArray', [arrayBaseClass], 'jax._src.prng');
const keyDtypeClass = new PyClass('KeyTy', [objectClass], 'jax._src.prng');

/** The dtype of threefry key arrays: prints as `key<fry>`. */
class KeyDtype extends PyObject {
  get cls(): PyClass {
    return keyDtypeClass;
  }
}
export const KEY_DTYPE = new KeyDtype();
const KEY_DTYPE_NAME = 'key<fry>';
keyDtypeClass.slots.repr = () => KEY_DTYPE_NAME;
keyDtypeClass.slots.getattr = (_self, name) =>
  name === 'name' ? pyStr(KEY_DTYPE_NAME) : name === 'itemsize' ? pyInt(8) : undefined;

export class KeyArray extends JaxArray {
  override get cls(): PyClass {
    return keyArrayClass;
  }
  /**
   * Not a plain concrete array: the report's TREE encoding then shows the key's own repr
   * (`Array((), dtype=key<fry>) overlaying: ...`) instead of its uint32 data as a number array.
   */
  override isConcreteArray(): boolean {
    return false;
  }
  /** The shape of the array of keys (the data's shape without its trailing 2). */
  get keysShape(): readonly number[] {
    return avalOf(this.value).shape.slice(0, -1);
  }
}

/** `(2, 3)`, `(4,)`, `()`: a shape as Python prints a tuple. */
export function shapeTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** _check_prng_key_data: key data must be uint32 with a trailing dimension of 2. */
export function checkKeyData(data: Value): void {
  const a = avalOf(data);
  if (a.shape.length < 1) {
    throw typeError(`JAX encountered invalid PRNG key data: expected key_data.ndim >= 1; got ndim=${a.shape.length}`);
  }
  if (a.shape[a.shape.length - 1] !== 2) {
    throw typeError(
      `JAX encountered invalid PRNG key data: expected key_data.shape to end with (2,); got shape=${shapeTuple(a.shape)} for impl=threefry2x32`,
    );
  }
  if (a.dtype !== 'uint32' && a.dtype !== 'float0') {
    throw typeError(`JAX encountered invalid PRNG key data: expected key_data.dtype = uint32; got dtype=${a.dtype}`);
  }
}

export interface CheckedKey {
  /** The uint32 key data, shape (*keys_shape, 2). */
  data: Value;
  /** True when the caller passed raw uint32 data (a legacy key): results stay raw. */
  raw: boolean;
}

/** _check_prng_key: the key data behind a typed key or a raw uint32 key array. */
export function checkPrngKey(name: string, key: PyObject, allowBatched = false): CheckedKey {
  let checked: CheckedKey;
  if (key instanceof KeyArray) checked = { data: key.value, raw: false };
  else if (key instanceof JaxArray || pythonScalarKind(key) !== undefined) {
    const data = toValue(key)!;
    checkKeyData(data);
    checked = { data, raw: true };
  } else throw typeError(`unexpected PRNG key type ${typeRepr(key)}`);
  const shape = avalOf(checked.data).shape;
  if (!allowBatched && shape.length > 1) {
    const shown = checked.raw ? shape : shape.slice(0, -1);
    throw valueError(`${name} accepts a single key, but was given a key array of shape ${shapeTuple(shown)} != (). Use jax.vmap for batching.`);
  }
  return checked;
}

/** The Python object for new key data: typed when the input key was typed, raw otherwise. */
export function returnKeys(raw: boolean, data: Value): JaxArray {
  return raw ? wrap(data) : new KeyArray(data);
}

function keysRepr(self: KeyArray): string {
  const data = concreteValue(self.value);
  if (!data || self.value instanceof Tracer) return `Traced<${KEY_DTYPE_NAME}[${self.keysShape.join(',')}]>`;
  return `Array(${shapeTuple(self.keysShape)}, dtype=${KEY_DTYPE_NAME}) overlaying:\n${arrayStr(data)}`;
}

/** Indexes the keys (never the trailing key-data axis): checked against a stand-in array of the keys' shape. */
function indexKeys(self: KeyArray, idx: PyObject): KeyArray {
  const parts = idx instanceof PyTuple ? idx.items : [idx];
  if (parts.some((p) => p instanceof PyEllipsis)) throw new PyError('NotImplementedError', 'Grad Lens does not evaluate Ellipsis indices of key arrays yet');
  getIndex(lax.full(self.keysShape, false, 'bool'), idx);
  return new KeyArray(getIndex(self.value, idx));
}

/** lax's names of the primitives Python's operators reach (for the dtype error of key + key). */
const LAX_NAMES: Record<string, string> = {
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '//': 'div', '%': 'rem', '**': 'pow', '@': 'dot_general',
  '&': 'and', '|': 'or', '^': 'xor', '<<': 'shift_left', '>>': 'shift_right_arithmetic',
  '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge',
};

/** lax's operand check on a key: `add does not accept dtype key<fry> at position 0. ...`. */
function laxRefuses(name: string): PyError {
  return typeError(
    `${name} does not accept dtype ${KEY_DTYPE_NAME} at position 0. Accepted dtypes at position 0 are subtypes of integer, floating, complexfloating.`,
  );
}

/** Arithmetic between a key and anything else fails in dtype promotion, before lax. */
function binaryOnKeys(op: string, other: PyObject): never {
  if (other instanceof KeyArray) throw laxRefuses(LAX_NAMES[op] ?? op);
  throw valueError(`dtype=${KEY_DTYPE_NAME} is not a valid dtype for JAX type promotion.`);
}

const s = keyArrayClass.slots;
s.repr = (self) => keysRepr(self as KeyArray);
s.str = (self) => keysRepr(self as KeyArray);
s.getattr = (self, name) => {
  const shape = (self as KeyArray).keysShape;
  switch (name) {
    case 'shape':
      return pyTuple(shape.map((d) => pyInt(d)));
    case 'ndim':
      return pyInt(shape.length);
    case 'size':
      return pyInt(shape.reduce((a, b) => a * b, 1));
    case 'dtype':
      return KEY_DTYPE;
    case 'itemsize':
      return pyInt(8);
    default:
      return undefined;
  }
};
s.len = (self) => {
  const shape = (self as KeyArray).keysShape;
  if (shape.length === 0) throw typeError('len() of unsized object');
  return shape[0];
};
s.iter = (self) => {
  const k = self as KeyArray;
  if (k.keysShape.length === 0) throw typeError('iteration over a 0-d key array');
  let i = 0;
  return {
    next: (): IteratorResult<PyObject> =>
      i < k.keysShape[0] ? { done: false, value: indexKeys(k, pyInt(i++)) } : { done: true, value: undefined },
  };
};
s.getitem = (self, idx) => indexKeys(self as KeyArray, idx);
s.binary = (op, _self, other) => binaryOnKeys(op, other);
s.rbinary = (op, _self, other) => binaryOnKeys(op, other);
s.unary = (op) => {
  throw laxRefuses(op === '-' ? 'neg' : op === '~' ? 'not' : 'positive');
};
s.compare = (op: CompareOp, self, other) => {
  if ((op !== '==' && op !== '!=') || !(other instanceof KeyArray)) binaryOnKeys(op, other);
  const a = (self as KeyArray).value;
  const b = other.value;
  const rank = avalOf(a).shape.length;
  const same = lax.reduceAnd(lax.eq(a, b), [rank - 1]);
  return wrap(op === '==' ? same : lax.not(same));
};
s.float = () => {
  throw typeError(
    'JAX array with PRNGKey dtype cannot be converted to a NumPy array. Use jax.random.key_data(arr) if you wish to extract the underlying integer array.',
  );
};
