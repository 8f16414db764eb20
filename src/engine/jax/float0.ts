// The gradient of an integer or bool input under `allow_int=True` (SEMANTICS §1.12): a NumPy
// array of dtype float0 with the input's shape. It is a NumPy array, not a jax.Array: reshape
// and transpose work; any arithmetic raises check_no_float0s' TypeError.

import { float0Repr, float0Str } from '../array/format';
import { typeError, valueError } from '../errors';
import { type BinaryOp, type Kwargs, objectClass, PyClass, PyObject, PyTuple, nativeMethod } from '../interp/object';
import { pyInt, pyTuple, toIndexNumber, toArray } from '../interp/protocol';
import { float0Error } from './coerce';
import { dtypeObject } from './dtypes';

export const float0ArrayClass = new PyClass('ndarray', [objectClass], 'numpy');

export class Float0Array extends PyObject {
  constructor(readonly shape: readonly number[]) {
    super();
  }
  get cls(): PyClass {
    return float0ArrayClass;
  }
  get size(): number {
    return this.shape.reduce((a, b) => a * b, 1);
  }
}

/** NumPy ufunc names of Python's operators, for the float0 error text. */
const OP_NAMES: Record<BinaryOp, string> = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'true_divide',
  '//': 'floor_divide',
  '%': 'remainder',
  '**': 'power',
  '@': 'matmul',
  '&': 'bitwise_and',
  '|': 'bitwise_or',
  '^': 'bitwise_xor',
  '<<': 'left_shift',
  '>>': 'right_shift',
};

float0ArrayClass.slots.repr = (self) => float0Repr((self as Float0Array).shape);
float0ArrayClass.slots.str = (self) => float0Str((self as Float0Array).shape);
float0ArrayClass.slots.binary = (op) => {
  throw float0Error(OP_NAMES[op]);
};
float0ArrayClass.slots.rbinary = (op) => {
  throw float0Error(OP_NAMES[op]);
};
float0ArrayClass.slots.unary = (op) => {
  throw float0Error(op === '-' ? 'negative' : op === '+' ? 'positive' : 'invert');
};
float0ArrayClass.slots.len = (self) => {
  const s = (self as Float0Array).shape;
  if (s.length === 0) throw typeError('len() of unsized object');
  return s[0];
};
float0ArrayClass.slots.getattr = (self, name) => {
  const a = self as Float0Array;
  switch (name) {
    case 'shape':
      return pyTuple(a.shape.map((d) => pyInt(d)));
    case 'dtype':
      return dtypeObject('float0');
    case 'ndim':
      return pyInt(a.shape.length);
    case 'size':
      return pyInt(a.size);
    case 'T':
      return new Float0Array([...a.shape].reverse());
    default:
      return undefined;
  }
};

function shapeArgs(args: PyObject[]): number[] {
  if (args.length === 1 && args[0] instanceof PyTuple) return toArray(args[0]).map(toIndexNumber);
  return args.map(toIndexNumber);
}

nativeMethod(float0ArrayClass, 'reshape', (args: PyObject[], _kw: Kwargs) => {
  const self = args[0] as Float0Array;
  const shape = shapeArgs(args.slice(1));
  const known = shape.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const resolved = shape.map((d) => (d === -1 ? self.size / Math.max(known, 1) : d));
  if (resolved.reduce((a, b) => a * b, 1) !== self.size || resolved.some((d) => !Number.isInteger(d))) {
    throw valueError(`cannot reshape array of size ${self.size} into shape (${shape.join(', ')}${shape.length === 1 ? ',' : ''})`);
  }
  return new Float0Array(resolved);
});
nativeMethod(float0ArrayClass, 'transpose', (args: PyObject[]) => {
  const self = args[0] as Float0Array;
  return new Float0Array([...self.shape].reverse());
});
