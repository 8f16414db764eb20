// The behaviour of jax.Array as Python sees it: operators (with JAX's promotion, weak Python
// scalars and broadcasting), conversions (`bool`, `int`, `float`, `operator.index`, with JAX's
// concretization errors, SEMANTICS §1.10), indexing and the in-place assignment error (§1.9),
// iteration, repr/str/format, and attributes. Methods live in array_api.ts.

import { type AVal, DTYPES } from '../array/dtype';
import { arrayRepr, arrayStr, formatScalarForFormat } from '../array/format';
import * as K from '../array/kernels';
import { type NDArray } from '../array/ndarray';
import { shortType, type Tracer } from '../autodiff/core';
import * as lax from '../autodiff/lax';
import { PyError, pyError, typeError, valueError } from '../errors';
import { type BinaryOp, type CompareOp, NotImplementedSignal, type PyObject } from '../interp/object';
import { pyInt, pyTuple } from '../interp/protocol';
import { arrayBaseClass, JaxArray, wrap } from './array';
import { installArrayApi } from './array_api';
import { installNumpyMethods } from './numpy/methods';
import { isArrayLike } from './coerce';
import { dtypeObject } from './dtypes';
import { getIndex } from './indexing';
import { matmul } from './numpy/linalg';
import * as uf from './numpy/ufuncs';
import { atHelper } from './at';

const BINARY: Record<BinaryOp, uf.Binary | undefined> = {
  '+': uf.add,
  '-': uf.subtract,
  '*': uf.multiply,
  '/': uf.trueDivide,
  '//': uf.floorDivide,
  '%': uf.remainder,
  '**': uf.power,
  '@': matmul,
  '&': uf.bitwiseAnd,
  '|': uf.bitwiseOr,
  '^': uf.bitwiseXor,
  '<<': undefined,
  '>>': undefined,
};

const COMPARE: Record<CompareOp, uf.Binary> = {
  '==': uf.equal,
  '!=': uf.notEqual,
  '<': uf.less,
  '<=': uf.lessEqual,
  '>': uf.greater,
  '>=': uf.greaterEqual,
};

export const SETITEM_MESSAGE =
  'JAX arrays are immutable and do not support in-place item assignment. Instead of x[idx] = y, use x = x.at[idx].set(y) ' +
  'or another .at[] method: https://docs.jax.dev/en/latest/_autosummary/jax.numpy.ndarray.at.html';

/** `_error_repr()` of a tracer: `traced array with shape float32[3]`. */
function errorRepr(a: AVal): string {
  return `traced array with shape ${shortType(a)}`;
}

/** JAX's `_origin_msg()` of the tracer behind `x` ('' for concrete arrays and most tracers). */
function originMsg(x: JaxArray): string {
  return x.isConcreteArray() ? '' : (x.value as Tracer).originMsg();
}

export function concretizationError(x: JaxArray, fnName: string): PyError {
  return pyError(
    'ConcretizationTypeError',
    `Abstract tracer value encountered where concrete value is expected: ${errorRepr(x.aval)}\n` +
      `The problem arose with the \`${fnName}\` function. If trying to convert the data type of a value, ` +
      `try using \`x.astype(${fnName})\` or \`jnp.array(x, ${fnName})\` instead.${originMsg(x)}\n`,
  );
}

function checkScalarConversion(a: AVal): void {
  if (a.shape.length > 0) throw typeError(`Only scalar arrays can be converted to Python scalars; got arr.ndim=${a.shape.length}`);
}

function scalarNumber(c: NDArray): number {
  const s = K.getScalar(c, 0);
  if (typeof s === 'boolean') return s ? 1 : 0;
  if (typeof s === 'number') return s;
  return s.re;
}

/** `bool(x)`: NumPy's truth-value errors, then the tracer's concreteness. */
export function arrayTruth(x: JaxArray): boolean {
  const a = x.aval;
  const size = a.shape.reduce((p, d) => p * d, 1);
  if (size > 1) throw valueError('The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()');
  if (size === 0) {
    throw valueError('The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.');
  }
  const c = x.concrete;
  if (!c) throw pyError('TracerBoolConversionError', `Attempted boolean conversion of ${errorRepr(a)}.${originMsg(x)}`);
  const s = K.getScalar(c, 0);
  return typeof s === 'object' ? s.re !== 0 || s.im !== 0 : Boolean(s);
}

function toInt(x: JaxArray, fnName: string): bigint {
  const a = x.aval;
  checkScalarConversion(a);
  const c = x.concrete;
  if (!c) throw concretizationError(x, fnName);
  const v = scalarNumber(c);
  if (Number.isNaN(v)) throw valueError('cannot convert float NaN to integer');
  if (!Number.isFinite(v)) throw new PyError('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(Math.trunc(v));
}

function operands(self: PyObject, other: PyObject, reflected: boolean): [PyObject, PyObject] {
  return reflected ? [other, self] : [self, other];
}

function binarySlot(reflected: boolean) {
  return (op: BinaryOp, self: PyObject, other: PyObject) => {
    const f = BINARY[op];
    if (!f || !isArrayLike(other)) return NotImplementedSignal;
    const [a, b] = operands(self, other, reflected);
    return wrap(f(a, b));
  };
}

let installed = false;

/** Fills in jax.Array's slots and methods (idempotent; called when the jax modules load). */
export function installArrayMethods(): void {
  if (installed) return;
  installed = true;
  const s = arrayBaseClass.slots;
  s.binary = binarySlot(false);
  s.rbinary = binarySlot(true);
  s.compare = (op, self, other) => (isArrayLike(other) ? wrap(COMPARE[op](self, other)) : NotImplementedSignal);
  s.unary = (op, self) => wrap(op === '-' ? uf.negative(self) : op === '+' ? uf.positive(self) : uf.invert(self));
  s.bool = (self) => arrayTruth(self as JaxArray);
  s.int = (self) => toInt(self as JaxArray, 'int');
  s.index = (self) => {
    const x = self as JaxArray;
    const a = x.aval;
    const kind = DTYPES[a.dtype].kind;
    if (!x.concrete) throw pyError('TracerIntegerConversionError', `The __index__() method was called on ${errorRepr(a)}.${originMsg(x)}`);
    if (a.shape.length > 0 || (kind !== 'int' && kind !== 'uint' && kind !== 'bool')) {
      throw typeError('only integer scalar arrays can be converted to a scalar index');
    }
    return toInt(x, 'index');
  };
  s.float = (self) => {
    const x = self as JaxArray;
    // Tracers never convert, even when concrete: it would silently drop the derivative.
    if (!x.isConcreteArray()) throw concretizationError(x, 'float');
    checkScalarConversion(x.aval);
    return scalarNumber(x.concrete!);
  };
  s.complex = (self) => {
    const x = self as JaxArray;
    const a = x.aval;
    checkScalarConversion(a);
    if (!x.isConcreteArray()) throw concretizationError(x, 'complex');
    const v = K.getScalar(x.concrete!, 0);
    return typeof v === 'object' ? v : { re: Number(v), im: 0 };
  };
  s.len = (self) => {
    const shape = (self as JaxArray).aval.shape;
    if (shape.length === 0) throw typeError('len() of unsized object');
    return shape[0];
  };
  s.iter = (self) => {
    const x = self as JaxArray;
    const shape = x.aval.shape;
    if (shape.length === 0) throw typeError('iteration over a 0-d array');
    let i = 0;
    return {
      next: (): IteratorResult<PyObject> =>
        i < shape[0] ? { done: false, value: wrap(getIndex(x.value, pyInt(i++))) } : { done: true, value: undefined },
    };
  };
  s.getitem = (self, key) => wrap(getIndex((self as JaxArray).value, key));
  s.setitem = () => {
    throw typeError(SETITEM_MESSAGE);
  };
  s.hash = (self) => {
    throw typeError(`unhashable type: '${self.cls.qualname}'`);
  };
  s.repr = (self) => {
    const x = self as JaxArray;
    return x.isConcreteArray() ? arrayRepr(x.concrete!) : tracerRepr(x);
  };
  s.str = (self) => {
    const x = self as JaxArray;
    return x.isConcreteArray() ? arrayStr(x.concrete!) : tracerRepr(x);
  };
  s.format = (self, spec) => {
    const x = self as JaxArray;
    if (!x.isConcreteArray()) return tracerRepr(x);
    const c = x.concrete!;
    if (c.shape.length === 0) return formatScalarForFormat(c, spec);
    if (spec === '') return arrayStr(c);
    throw typeError(`unsupported format string passed to ${self.cls.name}.__format__`);
  };
  s.getattr = (self, name) => {
    const x = self as JaxArray;
    const a = x.aval;
    switch (name) {
      case 'shape':
        return pyTuple(a.shape.map((d) => pyInt(d)));
      case 'dtype':
        return dtypeObject(a.dtype);
      case 'ndim':
        return pyInt(a.shape.length);
      case 'size':
        return pyInt(a.shape.reduce((p, d) => p * d, 1));
      case 'itemsize':
        return pyInt(DTYPES[a.dtype].bits / 8);
      case 'T':
        return wrap(lax.transpose(x.value, [...a.shape.keys()].reverse()));
      case 'mT': {
        const nd = a.shape.length;
        if (nd < 2) throw valueError(`x must be at least 2-dimensional for matrix_transpose; got ndim=${nd}`);
        const perm = [...a.shape.keys()];
        [perm[nd - 2], perm[nd - 1]] = [perm[nd - 1], perm[nd - 2]];
        return wrap(lax.transpose(x.value, perm));
      }
      case 'real':
        return wrap(uf.real(x));
      case 'imag':
        return wrap(uf.imag(x));
      case 'at':
        return atHelper(x);
      default:
        return undefined;
    }
  };
  installArrayApi();
  installNumpyMethods();
}

/**
 * How a tracer prints in current JAX: its class and short type, `~` marking a weak type
 * (`JitTracer<~int32[]>` inside jit, `JVPTracer<float32[3]>`, ...).
 */
function tracerRepr(x: JaxArray): string {
  const t = x.value as Tracer;
  const cls = t.jaxName === 'DynamicJaxprTracer' ? 'JitTracer' : t.jaxName;
  return `${cls}<${x.aval.weakType ? '~' : ''}${shortType(x.aval)}>`;
}
