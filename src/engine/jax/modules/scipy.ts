// jax.scipy and jax.scipy.special: the special functions real code imports from there
// (`from jax.scipy.special import logsumexp`). Each is JAX's definition: promote to an inexact
// dtype, then the lax primitive; logsumexp is the very function jax.nn exports.

import type { Value } from '../../autodiff/core';
import * as L from '../../autodiff/lax';
import { PyModule } from '../../interp/object';
import { addAll, fn } from '../args';
import { wrap } from '../array';
import { logsumexp } from '../numpy/nn_activations';
import { constLike } from '../numpy/ufuncs';
import { promoteArgsInexact } from '../promote';

const unary = (name: string, f: (x: Value) => Value) =>
  fn('jax.scipy.special', name, ['x'], (b) => wrap(f(promoteArgsInexact(name, [b.x])[0])));

export function scipySpecialModule(): PyModule {
  const m = new PyModule('jax.scipy.special');
  addAll(m, [
    unary('erf', L.erf),
    unary('erfc', L.erfc),
    unary('erfinv', L.erfInv),
    unary('gammaln', L.lgamma),
    unary('digamma', L.digamma),
    unary('expit', L.logistic),
    // JAX: log(x / (1 - x)), written as one division (its rounding, its inf at 1 and nan outside [0, 1]).
    unary('logit', (x) => L.log(L.div(x, L.sub(constLike(x, 1), x)))),
    fn('jax.scipy.special', 'logsumexp', ['a', 'axis?', 'b?', 'keepdims?', 'return_sign?', 'where?'], logsumexp),
  ]);
  return m;
}

export function scipyModule(get: (n: string) => PyModule): PyModule {
  const m = new PyModule('jax.scipy');
  m.attrs.set('special', get('jax.scipy.special'));
  return m;
}
