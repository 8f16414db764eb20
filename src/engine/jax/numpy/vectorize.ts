// jnp.vectorize without `signature`: the function is applied to each element of the broadcast
// arguments by one jax.vmap per broadcast dimension, as JAX does, so it sees 0-d arrays and its
// result has the broadcast shape. Keyword arguments of the call pass through unmapped (JAX
// treats them as excluded). Size-1 dimensions are broadcast rather than re-expanded afterwards,
// which gives the same values.

import { avalOf } from '../../autodiff/core';
import { notSupported, typeError } from '../../errors';
import { type Kwargs, PyNativeFunction, type PyObject, PyTuple } from '../../interp/object';
import { callObject, isCallable, pyTuple } from '../../interp/protocol';
import { vmapCall } from '../api/vmap';
import { fn, isNone } from '../args';
import { wrap } from '../array';
import { arrayArgs } from '../coerce';
import { broadcastAll } from '../promote';

function vectorized(pyfunc: PyObject): PyNativeFunction {
  return new PyNativeFunction(
    'vectorized',
    (args: PyObject[], kwargs: Kwargs) => {
      const values = broadcastAll(arrayArgs('vectorize', args));
      const nd = values.length ? avalOf(values[0]).shape.length : 0;
      // The innermost function closes over the keyword arguments.
      let f: PyObject = new PyNativeFunction('vectorized_inner', (inner) => callObject(pyfunc, inner, kwargs));
      for (let i = 0; i < nd; i++) f = vmapCall([f], new Map());
      const out = callObject(f, values.map(wrap));
      return out instanceof PyTuple ? pyTuple(out.items) : out;
    },
    'vectorize.<locals>.wrapped',
  );
}

export const vectorize = fn('jax.numpy', 'vectorize', ['pyfunc', 'excluded?', 'signature?'], (b) => {
  if (!isCallable(b.pyfunc)) throw typeError('vectorize requires a callable');
  if (!isNone(b.signature)) throw notSupported('jnp.vectorize with a signature');
  if (!isNone(b.excluded)) throw notSupported('jnp.vectorize with excluded arguments');
  return vectorized(b.pyfunc);
});
