// jnp.piecewise(x, condlist, funclist, *args, **kw). As in JAX, a trailing extra entry of
// funclist is the "otherwise" value, later conditions override earlier ones, constants are
// allowed, and each piece is cast to x's dtype. JAX evaluates each element's piece through
// vectorize(lax.switch); here every piece is evaluated on the whole array and the pieces are
// selected per element, which gives the same values and derivatives for elementwise pieces.

import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { valueError } from '../../errors';
import { type Kwargs, PyList, PyNativeFunction, type PyObject, PyTuple } from '../../interp/object';
import { callObject, isCallable, toArray } from '../../interp/protocol';
import { wrap } from '../array';
import { arrayArg } from '../coerce';
import { broadcastTo } from '../promote';
import { array } from './creation';
import { toBool } from './ufuncs';

function piecewise(args: PyObject[], kwargs: Kwargs): PyObject {
  if (args.length < 3) throw valueError('piecewise requires x, condlist and funclist');
  const [xObj, condObj, funcObj, ...extra] = args;
  const x = arrayArg('piecewise', xObj);
  const a = avalOf(x);
  // A single condition array (not a list of them) is one condition, as in NumPy.
  const condItems = condObj instanceof PyList || condObj instanceof PyTuple ? toArray(condObj) : [condObj];
  const conds = condItems.map((c) => broadcastTo(toBool(c instanceof PyList || c instanceof PyTuple ? array(c, 'bool') : arrayArg('piecewise', c)), a.shape));
  let funcs = funcObj instanceof PyList || funcObj instanceof PyTuple ? toArray(funcObj) : [funcObj];
  const nc = conds.length;
  const nf = funcs.length;
  if (nf !== nc && nf !== nc + 1) throw valueError(`with ${nc} condition(s), either ${nc} or ${nc + 1} functions are expected; got ${nf}`);
  const otherwise: PyObject | number = nf === nc + 1 ? funcs[nf - 1] : 0;
  if (nf === nc + 1) funcs = funcs.slice(0, nc);
  const piece = (f: PyObject | number): Value => {
    if (typeof f === 'number') return lax.full(a.shape, f, a.dtype, false);
    const v = isCallable(f) ? arrayArg('piecewise', callObject(f, [wrap(x), ...extra], kwargs)) : arrayArg('piecewise', f);
    return broadcastTo(lax.convertElementType(v, a.dtype, false), a.shape);
  };
  let out = piece(otherwise);
  conds.forEach((c, i) => (out = lax.select(c, piece(funcs[i]), out)));
  return wrap(out);
}

export const piecewiseFn = new PyNativeFunction('piecewise', piecewise, 'jax.numpy.piecewise');
