// Dtype objects as Python sees them.
//
// - `x.dtype`, `jnp.dtype('float32')`, `jnp.promote_types(...)` give a NumPy dtype object:
//   repr `dtype('float32')`, str `float32`, `.name`, `.kind`, `.itemsize`.
// - `jnp.float32`, `jnp.int32`, `jnp.bool_`, ... are JAX's scalar types: repr
//   `<class 'jax.numpy.float32'>`; calling one builds a strongly typed array
//   (`jnp.float32(3.)` is `Array(3., dtype=float32)`).
// Both compare equal to each other, to the dtype's name and to the dtype object.
//
// `dtypeArgument` turns a user's `dtype=` argument into a DType and, while x64 is off, warns
// that a 64-bit request is truncated, with JAX's exact UserWarning text.

import { type DType, DTYPES } from '../array/dtype';
import { canonicalizeDtype, dtypeFromName } from '../array/promotion';
import { runContext } from '../context';
import { typeError } from '../errors';
import {
  boolClass,
  complexClass,
  floatClass,
  intClass,
  None,
  NotImplementedSignal,
  objectClass,
  PyBool,
  PyClass,
  PyInt,
  PyObject,
  PyStr,
  typeClass,
} from '../interp/object';
import { pyBool, pyInt, pyStr } from '../interp/protocol';

export const dtypeClass = new PyClass('dtype', [objectClass], 'numpy');
/** The metaclass-like class of JAX's scalar types (`jnp.float32`). */
export const scalarTypeClass = new PyClass('_ScalarMeta', [typeClass], 'jax._src.numpy.scalar_types');

export class DTypeObject extends PyObject {
  constructor(readonly dtype: DType) {
    super();
  }
  get cls(): PyClass {
    return dtypeClass;
  }
}

/** `jnp.float32` and friends: callable scalar types. `construct` is installed by numpy/. */
export class ScalarType extends PyObject {
  constructor(
    readonly dtype: DType,
    /** The attribute name in jax.numpy (`bool_` for bool). */
    readonly pyName: string,
  ) {
    super();
  }
  get cls(): PyClass {
    return scalarTypeClass;
  }
}

const dtypeObjects = new Map<DType, DTypeObject>();
export function dtypeObject(d: DType): DTypeObject {
  let o = dtypeObjects.get(d);
  if (!o) dtypeObjects.set(d, (o = new DTypeObject(d)));
  return o;
}

const NUMPY_KIND: Record<string, string> = { bool: 'b', int: 'i', uint: 'u', float: 'f', complex: 'c', float0: 'V' };

/** The float0 dtype prints as NumPy's structured void dtype. */
function dtypeRepr(d: DType): string {
  return d === 'float0' ? "dtype([('float0', 'V')])" : `dtype('${d}')`;
}

dtypeClass.slots.repr = (self) => dtypeRepr((self as DTypeObject).dtype);
dtypeClass.slots.str = (self) => {
  const d = (self as DTypeObject).dtype;
  return d === 'float0' ? "[('float0', 'V')]" : d;
};
dtypeClass.slots.hash = (self) => `dtype:${(self as DTypeObject).dtype}`;
dtypeClass.slots.compare = (op, self, other) => {
  if (op !== '==' && op !== '!=') return NotImplementedSignal;
  const o = asDTypeLoose(other);
  if (o === undefined) return op === '!=' ? pyBool(true) : pyBool(false);
  return pyBool((o === (self as DTypeObject).dtype) === (op === '=='));
};
dtypeClass.slots.getattr = (self, name) => {
  const d = (self as DTypeObject).dtype;
  switch (name) {
    case 'name':
      return pyStr(d);
    case 'kind':
      return pyStr(NUMPY_KIND[DTYPES[d].kind]);
    case 'itemsize':
      return pyInt(DTYPES[d].bits / 8);
    case 'type':
      return scalarTypeFor(d) ?? None;
    default:
      return undefined;
  }
};

scalarTypeClass.slots.repr = (self) => `<class 'jax.numpy.${(self as ScalarType).pyName}'>`;
scalarTypeClass.slots.hash = (self) => `dtype:${(self as ScalarType).dtype}`;
scalarTypeClass.slots.compare = (op, self, other) => {
  if (op !== '==' && op !== '!=') return NotImplementedSignal;
  if (other instanceof ScalarType || other instanceof DTypeObject) {
    return pyBool((other.dtype === (self as ScalarType).dtype) === (op === '=='));
  }
  return pyBool(op === '!=' ? other !== self : other === self);
};
scalarTypeClass.slots.getattr = (self, name) => {
  const d = (self as ScalarType).dtype;
  if (name === 'dtype') return dtypeObject(d);
  if (name === '__name__') return pyStr((self as ScalarType).pyName);
  return undefined;
};

/** The scalar types exported by jax.numpy, by attribute name. */
export const SCALAR_TYPES: ReadonlyMap<string, ScalarType> = new Map(
  (
    [
      ['bool_', 'bool'],
      ['int8', 'int8'],
      ['int16', 'int16'],
      ['int32', 'int32'],
      ['int64', 'int64'],
      ['uint8', 'uint8'],
      ['uint16', 'uint16'],
      ['uint32', 'uint32'],
      ['uint64', 'uint64'],
      ['float16', 'float16'],
      ['bfloat16', 'bfloat16'],
      ['float32', 'float32'],
      ['float64', 'float64'],
      ['complex64', 'complex64'],
      ['complex128', 'complex128'],
    ] as const
  ).map(([name, d]) => [name, new ScalarType(d, name)]),
);

export function scalarTypeFor(d: DType): ScalarType | undefined {
  for (const s of SCALAR_TYPES.values()) if (s.dtype === d) return s;
  return undefined;
}

/**
 * The dtype a Python object names, without canonicalisation: dtype objects, scalar types,
 * strings, and Python's `bool`/`int`/`float`/`complex` (which mean the 64-bit defaults).
 * Undefined when the object names no dtype.
 */
export function asDTypeLoose(o: PyObject): DType | undefined {
  if (o instanceof DTypeObject || o instanceof ScalarType) return o.dtype;
  if (o instanceof PyStr) return dtypeFromName(o.value);
  if (o === boolClass) return 'bool';
  if (o === intClass) return 'int64';
  if (o === floatClass) return 'float64';
  if (o === complexClass) return 'complex128';
  return undefined;
}

/** The Python types `int`, `float`, `complex` as dtype requests: the default type, no warning. */
function isPythonScalarType(o: PyObject): boolean {
  return o === intClass || o === floatClass || o === complexClass || o === boolClass;
}

/**
 * A `dtype=` argument resolved for an operation named `fnName` (for the warning): undefined for
 * None; the canonical dtype otherwise. A 64-bit request while x64 is off warns as JAX does
 * (`jax_explicit_x64_dtypes='warn'`) unless it came from a Python type.
 */
export function dtypeArgument(o: PyObject | undefined, fnName: string): DType | undefined {
  if (o === undefined || o === None) return undefined;
  const d = asDTypeLoose(o);
  if (d === undefined) {
    if (o instanceof PyStr) throw typeError(`data type '${o.value}' not understood`);
    throw typeError(`Cannot interpret '${reprForDtypeError(o)}' as a data type`);
  }
  const c = canonicalizeDtype(d);
  if (c !== d && !isPythonScalarType(o)) {
    const shown = o instanceof ScalarType ? `<class 'jax.numpy.${o.pyName}'>` : d;
    runContext().warn(
      'UserWarning',
      `Explicitly requested dtype ${shown} requested in ${fnName} is not available, and will be truncated to dtype ${c}. ` +
        'To enable more dtypes, set the jax_enable_x64 configuration option or the JAX_ENABLE_X64 shell environment variable. ' +
        'See https://github.com/jax-ml/jax#current-gotchas for more.',
    );
  }
  return c;
}

function reprForDtypeError(o: PyObject): string {
  if (o instanceof PyInt || o instanceof PyBool) return String(o instanceof PyBool ? (o.value ? 'True' : 'False') : o.value);
  return o.cls.name;
}
