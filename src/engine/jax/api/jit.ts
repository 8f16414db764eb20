// jax.jit over Python functions: array-like leaves of the positional arguments are staged
// (abstract tracers: Python control flow on them raises JAX's concretization errors), other
// leaves and keyword arguments are passed through unchanged. Outputs come back as arrays.
// Each call re-traces (no cache keyed on the Python-side structure yet).

import { jit } from '../../autodiff/transforms';
import { type Value } from '../../autodiff/core';
import { PyNativeFunction, type PyTuple } from '../../interp/object';
import { callObject, pyRepr, pyTuple } from '../../interp/protocol';
import { typeError } from '../../errors';
import { type Bound } from '../args';
import { wrap } from '../array';
import { toValue, typeRepr } from '../coerce';
import { flatten, type TreeDef, unflatten } from '../pytree';
import { checkCallable } from './checks';

export const JIT_PARAMS = ['fun', 'in_shardings?', 'out_shardings?', 'static_argnums?', 'static_argnames?', 'donate_argnums?'];

export function makeJit(b: Bound): PyNativeFunction {
  const fun = b.fun;
  checkCallable(fun);
  return new PyNativeFunction('jit_f', (args, kwargs) => {
    const flat = flatten(pyTuple(args));
    const dynamic = flat.leaves.map((l) => toValue(l));
    const inputs = dynamic.filter((v): v is Value => v !== undefined);
    let outDef: TreeDef = { kind: 'leaf' };
    const staged = jit((xs) => {
      let k = 0;
      const leaves = flat.leaves.map((l, i) => (dynamic[i] !== undefined ? wrap(xs[k++]) : l));
      const callArgs = (unflatten(flat.def, leaves) as PyTuple).items;
      const out = callObject(fun, [...callArgs], kwargs);
      const fo = flatten(out);
      outDef = fo.def;
      return fo.leaves.map((leaf) => {
        const v = toValue(leaf);
        if (v === undefined) throw typeError(`Value ${pyRepr(leaf)} with type ${typeRepr(leaf)} is not a valid JAX type`);
        return v;
      });
    });
    const outs = staged(inputs);
    return unflatten(outDef, outs.map(wrap));
  });
}
