// NumPy's abstract scalar classes as jax.numpy exports them (jnp.floating is np.floating, ...)
// and jnp.issubdtype over them. The hierarchy: generic > bool_ and number; number > integer
// and inexact; integer > signedinteger, unsignedinteger; inexact > floating (bfloat16 included,
// as in JAX), complexfloating.

import { type DType, DTYPES } from '../../array/dtype';
import { typeError } from '../../errors';
import { objectClass, PyClass, type PyNativeFunction, PyObject } from '../../interp/object';
import { pyBool, pyRepr } from '../../interp/protocol';
import { fn } from '../args';
import { JaxArray } from '../array';
import { asDTypeLoose } from '../dtypes';

const abstractClass = new PyClass('type', [objectClass], 'builtins');

/** The chain of abstract classes above each concrete kind. */
const PARENTS: Record<string, string[]> = {
  generic: [],
  number: ['generic'],
  integer: ['number', 'generic'],
  signedinteger: ['integer', 'number', 'generic'],
  unsignedinteger: ['integer', 'number', 'generic'],
  inexact: ['number', 'generic'],
  floating: ['inexact', 'number', 'generic'],
  complexfloating: ['inexact', 'number', 'generic'],
};

export class AbstractDType extends PyObject {
  constructor(readonly name: string) {
    super();
  }
  get cls(): PyClass {
    return abstractClass;
  }
}
abstractClass.slots.repr = (self) => `<class 'numpy.${(self as AbstractDType).name}'>`;

export const ABSTRACT_DTYPES: AbstractDType[] = Object.keys(PARENTS).map((n) => new AbstractDType(n));

/** The abstract classes a concrete dtype belongs to (its own kind first). */
function abstractsOf(d: DType): string[] {
  const kind = DTYPES[d].kind;
  const leaf = { bool: undefined, int: 'signedinteger', uint: 'unsignedinteger', float: 'floating', complex: 'complexfloating' }[kind as string];
  return leaf ? [leaf, ...PARENTS[leaf]] : ['generic'];
}

function resolve(o: PyObject): { dtype?: DType; abstract?: string } {
  if (o instanceof AbstractDType) return { abstract: o.name };
  if (o instanceof JaxArray) return { dtype: o.aval.dtype };
  const d = asDTypeLoose(o);
  if (!d) throw typeError(`Cannot interpret '${pyRepr(o)}' as a data type`);
  return { dtype: d };
}

export const issubdtype: PyNativeFunction = fn('jax.numpy', 'issubdtype', ['arg1', 'arg2'], (b) => {
  const a = resolve(b.arg1);
  const c = resolve(b.arg2);
  if (c.dtype) return pyBool(a.dtype === c.dtype);
  const above = a.abstract ? [a.abstract, ...PARENTS[a.abstract]] : abstractsOf(a.dtype!);
  return pyBool(above.includes(c.abstract!));
});
