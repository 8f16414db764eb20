// jax.numpy and jax.numpy.linalg as Python modules.

import { PyFloat, PyModule, None } from '../../interp/object';
import { arrayBaseClass } from '../array';
import { addAll, fn } from '../args';
import { asDTypeLoose, dtypeObject, SCALAR_TYPES, type ScalarType, scalarTypeClass } from '../dtypes';
import { typeError } from '../../errors';
import { promoteTypes, resultType, type PromoteArg, type PromotionOperand } from '../../array/promotion';
import { boolClass, complexClass, floatClass, intClass, type PyObject } from '../../interp/object';
import { pyRepr } from '../../interp/protocol';
import { wrap, JaxArray } from '../array';
import { array } from '../numpy/creation';
import { FUNCTIONS } from '../numpy/functions';
import { ELEMENTWISE } from '../numpy/elementwise';
import { EXTRAS } from '../numpy/extras';
import { INFO } from '../numpy/info';
import { vectorize } from '../numpy/vectorize';
import { piecewiseFn } from '../numpy/piecewise';
import { COUNTING } from '../numpy/counting';
import { MORE } from '../numpy/more';
import { ABSTRACT_DTYPES, issubdtype } from '../numpy/abstract_dtypes';
import { MATRIX } from '../numpy/matrix';
import { NONZERO } from '../numpy/nonzero';
import { NORMS } from '../numpy/norms';
import { cholesky, slogdet } from '../numpy/decompositions';
import { REARRANGE } from '../numpy/rearrange';
import { STATS } from '../numpy/stats';
import { det, inv, solve } from '../numpy/solve';
import { pythonScalarKind } from '../coerce';
import { varFn } from '../args';
import { dtypeArgument } from '../dtypes';

function promoteArg(o: PyObject): PromoteArg {
  if (o === intClass) return 'int';
  if (o === floatClass) return 'float';
  if (o === complexClass) return 'complex';
  if (o === boolClass) return 'bool';
  const d = asDTypeLoose(o);
  if (!d) throw typeError(`Cannot interpret '${pyRepr(o)}' as a data type`);
  return d;
}

function operand(o: PyObject): PromotionOperand {
  if (o instanceof JaxArray) return o.aval;
  const k = pythonScalarKind(o);
  if (k) return { pythonScalar: k };
  const p = promoteArg(o);
  if (p === 'int' || p === 'float' || p === 'complex' || p === 'bool') return { pythonScalar: p };
  return { shape: [], dtype: p, weakType: false };
}

// Calling a scalar type (`jnp.float32(3.)`) builds a strongly typed array of that dtype.
scalarTypeClass.slots.call = (self, args) => {
  const t = self as ScalarType;
  if (args.length !== 1) throw typeError(`${t.pyName}() takes exactly one argument`);
  return wrap(array(args[0], dtypeArgument(t, 'array')));
};

export function numpyModule(get: (n: string) => PyModule): PyModule {
  const m = new PyModule('jax.numpy');
  addAll(m, [...FUNCTIONS.values(), ...REARRANGE, ...MATRIX, ...ELEMENTWISE, ...STATS, ...NONZERO, ...EXTRAS, ...INFO, ...COUNTING, ...MORE, vectorize, issubdtype, piecewiseFn]);
  for (const t of ABSTRACT_DTYPES) m.attrs.set(t.name, t);
  // The Array API's name for concatenate.
  m.attrs.set('concat', FUNCTIONS.get('concatenate')!);
  for (const [name, t] of SCALAR_TYPES) m.attrs.set(name, t);
  m.attrs.set('bool', SCALAR_TYPES.get('bool_')!);
  m.attrs.set('ndarray', arrayBaseClass);
  m.attrs.set('pi', new PyFloat(Math.PI));
  m.attrs.set('e', new PyFloat(Math.E));
  m.attrs.set('inf', new PyFloat(Infinity));
  m.attrs.set('nan', new PyFloat(NaN));
  m.attrs.set('euler_gamma', new PyFloat(0.5772156649015329));
  m.attrs.set('newaxis', None);
  m.attrs.set('linalg', get('jax.numpy.linalg'));
  addAll(m, [
    fn('jax.numpy', 'dtype', ['dtype'], (b) => {
      const d = asDTypeLoose(b.dtype);
      if (b.dtype instanceof JaxArray) return dtypeObject(b.dtype.aval.dtype);
      if (!d) throw typeError(`Cannot interpret '${pyRepr(b.dtype)}' as a data type`);
      return dtypeObject(d);
    }),
    fn('jax.numpy', 'promote_types', ['a', 'b'], (b) => dtypeObject(promoteTypes(promoteArg(b.a), promoteArg(b.b)))),
    varFn('jax.numpy', 'result_type', [], (args) => dtypeObject(resultType(...args.map(operand)).dtype)),
  ]);
  return m;
}

export function linalgModule(): PyModule {
  const m = new PyModule('jax.numpy.linalg');
  addAll(m, [...NORMS, solve, inv, det, slogdet, cholesky]);
  return m;
}
