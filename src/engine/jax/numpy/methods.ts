// jax.Array methods that call the jax.numpy function of the same name with the array first
// (`x.cumprod(axis=0)` is `jnp.cumprod(x, axis=0)`), for the functions added beside
// array_api.ts's set: cumprod, sort, argsort, take, trace, diagonal, nonzero, repeat, ptp.

import { type Kwargs, nativeMethod, type PyNativeFunction, type PyObject } from '../../interp/object';
import { bindArgs, isNone } from '../args';
import { arrayBaseClass } from '../array';
import { FUNCTIONS } from './functions';
import { MATRIX } from './matrix';
import { NONZERO } from './nonzero';
import { REARRANGE } from './rearrange';
import { STATS } from './stats';

const BY_NAME = new Map<string, PyNativeFunction>(
  [...FUNCTIONS.values(), ...MATRIX, ...NONZERO, ...REARRANGE, ...STATS].map((f) => [f.name, f]),
);

/**
 * `x.name(...)` → `jnp.name(x, ...)`. `params` are the method's own parameters (JAX's signature
 * for the method), bound first so that a wrong call names the method in its TypeError.
 */
function delegate(name: string, params: string[], passOmitted = false): void {
  const f = BY_NAME.get(name)!;
  nativeMethod(arrayBaseClass, name, (args: PyObject[], kwargs: Kwargs) => {
    if (passOmitted) return f.fn(args, kwargs);
    const b = bindArgs(name, args, kwargs, ['self', ...params]);
    const kw: Kwargs = new Map();
    for (const p of params.map((q) => q.replace(/[?]$/, ''))) if (!isNone(b[p])) kw.set(p, b[p]);
    return f.fn([b.self], kw);
  });
}

export function installNumpyMethods(): void {
  delegate('cumprod', ['axis?', 'dtype?', 'out?']);
  // sort/argsort tell an omitted axis from axis=None, so their arguments pass through untouched.
  delegate('sort', [], true);
  delegate('argsort', [], true);
  delegate('take', ['indices', 'axis?', 'out?', 'mode?', 'unique_indices?', 'indices_are_sorted?', 'fill_value?']);
  delegate('trace', ['offset?', 'axis1?', 'axis2?', 'dtype?', 'out?']);
  delegate('diagonal', ['offset?', 'axis1?', 'axis2?']);
  delegate('nonzero', ['size?', 'fill_value?']);
  delegate('repeat', ['repeats', 'axis?', 'total_repeat_length?']);
  delegate('ptp', ['axis?', 'out?', 'keepdims?']);
}
