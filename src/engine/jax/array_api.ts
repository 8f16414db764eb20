// jax.Array's methods (sum, mean, reshape, astype, item, ...), each delegating to the
// jax.numpy function of the same name so both spellings behave identically.

import { DTYPES } from '../array/dtype';
import * as K from '../array/kernels';
import * as lax from '../autodiff/lax';
import { typeError, valueError } from '../errors';
import { type Kwargs, nativeMethod, None, PyBool, PyComplex, PyFloat, type PyObject, PyTuple } from '../interp/object';
import { pyInt, pyList, toIndexNumber, toArray } from '../interp/protocol';
import { type Bound, bindArgs, isNone } from './args';
import { arrayBaseClass, JaxArray, wrap } from './array';
import { arrayTruth, concretizationError } from './array_methods';
import { dtypeArgument } from './dtypes';
import * as jnp from './numpy/functions';
import * as sh from './numpy/shape';

type Impl = (self: JaxArray, b: Bound) => PyObject;

function method(name: string, params: string[], impl: Impl): void {
  nativeMethod(arrayBaseClass, name, (args: PyObject[], kwargs: Kwargs) => {
    const b = bindArgs(name, args, kwargs, ['self', ...params]);
    return impl(b.self as JaxArray, b);
  });
}

/** Methods whose jnp function takes the array first and the same keyword arguments. */
function delegate(name: string, params: string[], jnpName = name): void {
  method(name, params, (self, b) => {
    const f = jnp.FUNCTIONS.get(jnpName)!;
    const kwargs: Kwargs = new Map();
    for (const p of params.map((q) => q.replace(/[?]$/, ''))) if (!isNone(b[p])) kwargs.set(p, b[p]);
    return f.fn([self], kwargs);
  });
}

/** `x.reshape(2, 3)` and `x.reshape((2, 3))` both work; so do transpose's axes. */
function varShape(args: PyObject[]): number[] {
  if (args.length === 1 && (args[0] instanceof PyTuple || args[0].cls.name === 'list')) return toArray(args[0]).map(toIndexNumber);
  return args.map(toIndexNumber);
}

function pythonScalar(x: JaxArray): PyObject {
  const a = x.aval;
  const size = a.shape.reduce((p, d) => p * d, 1);
  if (size !== 1) throw valueError('can only convert an array of size 1 to a Python scalar');
  const kind = DTYPES[a.dtype].kind;
  if (kind === 'bool') return PyBool.of(arrayTruth(wrap(lax.reshape(x.value, []))));
  if (!x.isConcreteArray()) throw concretizationError(x, kind === 'float' ? 'float' : kind === 'complex' ? 'complex' : 'int');
  const v = K.getScalar(x.concrete!, 0);
  if (typeof v === 'object') return new PyComplex(v.re, v.im);
  if (kind === 'float') return new PyFloat(Number(v));
  return pyInt(Number(v));
}

function toList(x: JaxArray): PyObject {
  if (!x.isConcreteArray()) {
    throw concretizationError(x, 'tolist');
  }
  const c = x.concrete!;
  const kind = DTYPES[c.dtype].kind;
  const conv = (v: unknown): PyObject => {
    if (Array.isArray(v)) return pyList(v.map(conv));
    if (typeof v === 'boolean') return PyBool.of(v);
    if (typeof v === 'object' && v) return new PyComplex((v as { re: number }).re, (v as { im: number }).im);
    return kind === 'float' ? new PyFloat(Number(v)) : pyInt(Number(v));
  };
  return conv(K.toNested(c));
}

export function installArrayApi(): void {
  const red = ['axis?', 'dtype?', 'out?', 'keepdims?', 'initial?', 'where?'];
  delegate('sum', red);
  delegate('prod', red);
  delegate('max', ['axis?', 'out?', 'keepdims?', 'initial?', 'where?']);
  delegate('min', ['axis?', 'out?', 'keepdims?', 'initial?', 'where?']);
  delegate('mean', ['axis?', 'dtype?', 'out?', 'keepdims?', 'where?']);
  delegate('var', ['axis?', 'dtype?', 'out?', 'ddof?', 'keepdims?', 'where?']);
  delegate('std', ['axis?', 'dtype?', 'out?', 'ddof?', 'keepdims?', 'where?']);
  delegate('any', ['axis?', 'out?', 'keepdims?', 'where?']);
  delegate('all', ['axis?', 'out?', 'keepdims?', 'where?']);
  delegate('argmax', ['axis?', 'out?', 'keepdims?']);
  delegate('argmin', ['axis?', 'out?', 'keepdims?']);
  delegate('cumsum', ['axis?', 'dtype?', 'out?']);
  delegate('clip', ['min?', 'max?']);
  delegate('round', ['decimals?', 'out?']);
  delegate('dot', ['b']);
  delegate('conj', []);
  delegate('conjugate', []);
  delegate('swapaxes', ['axis1', 'axis2']);
  delegate('ravel', []);
  delegate('flatten', [], 'ravel');
  delegate('squeeze', ['axis?']);
  nativeMethod(arrayBaseClass, 'reshape', (args: PyObject[], kwargs: Kwargs) => {
    const self = args[0] as JaxArray;
    const rest = args.slice(1);
    const shapeKw = kwargs.get('shape');
    for (const k of kwargs.keys()) {
      if (k !== 'shape' && k !== 'order') throw typeError(`reshape() got an unexpected keyword argument '${k}'`);
    }
    const shape = shapeKw ? sh.shapeArg(shapeKw) : varShape(rest);
    return wrap(sh.reshape(self.value, shape));
  });
  nativeMethod(arrayBaseClass, 'transpose', (args: PyObject[]) => {
    const self = args[0] as JaxArray;
    const rest = args.slice(1).filter((a) => a !== None);
    return wrap(sh.transpose(self.value, rest.length ? varShape(rest) : undefined));
  });
  method('astype', ['dtype', 'copy?', 'device?'], (self, b) => {
    const d = dtypeArgument(b.dtype, 'astype')!;
    return wrap(lax.convertElementType(self.value, d, false));
  });
  method('item', ['*args?'], (self) => pythonScalar(self));
  method('tolist', [], (self) => toList(self));
  method('copy', [], (self) => wrap(self.value));
  method('block_until_ready', [], (self) => self);
  method('__bool__', [], (self) => PyBool.of(arrayTruth(self)));
}
