// The `jax` module: grad, value_and_grad, Array, config, and the submodules.

import { runContext } from '../../context';
import { PyError } from '../../errors';
import { objectClass, PyClass, PyModule, PyNativeFunction, PyObject, PyStr, None } from '../../interp/object';
import { pyBool, truthy } from '../../interp/protocol';
import { addAll, fn } from '../args';
import { arrayBaseClass } from '../array';
import { GRAD_PARAMS, makeGrad } from '../api/grad';
import { JIT_PARAMS, makeJit } from '../api/jit';
import { vmapCall } from '../api/vmap';
import { jvpCall, vjpCall } from '../api/jvp_vjp';
import { makeCustom } from '../api/custom';
import { JAC_PARAMS, JACFWD_PARAMS, makeHessian, makeJacfwd, makeJacrev } from '../api/jacobian';
import { stopGradientTree } from './lax';

const configClass = new PyClass('Config', [objectClass], 'jax._src.config');

/** Options real snippets set; only x64 changes what the engine computes. */
const KNOWN_OPTIONS = new Set([
  'jax_enable_x64', 'jax_platform_name', 'jax_platforms', 'jax_debug_nans', 'jax_debug_infs', 'jax_disable_jit',
  'jax_numpy_rank_promotion', 'jax_default_matmul_precision', 'jax_log_compiles', 'jax_check_static_indices',
  'jax_traceback_filtering', 'jax_numpy_dtype_promotion', 'jax_default_device', 'jax_threefry_partitionable',
]);

class Config extends PyObject {
  readonly values = new Map<string, PyObject>();
  get cls(): PyClass {
    return configClass;
  }
}

configClass.slots.getattr = (self, name) => {
  if (name === 'jax_enable_x64') return pyBool(runContext().x64);
  return (self as Config).values.get(name);
};
configClass.slots.repr = () => '<jax._src.config.Config object>';
configClass.attrs.set(
  'update',
  fn('jax.config', 'update', ['self', 'name', 'val'], (b) => {
    const name = b.name instanceof PyStr ? b.name.value : '';
    if (!KNOWN_OPTIONS.has(name)) throw new PyError('AttributeError', `Unrecognized config option: ${name}`);
    if (name === 'jax_enable_x64') runContext().x64 = truthy(b.val);
    (b.self as Config).values.set(name, b.val);
    return None;
  }),
);

export function jaxModule(get: (n: string) => PyModule): PyModule {
  const m = new PyModule('jax');
  addAll(m, [
    fn('jax', 'grad', GRAD_PARAMS, (b) => makeGrad('grad', b)),
    fn('jax', 'value_and_grad', GRAD_PARAMS, (b) => makeGrad('value_and_grad', b)),
    fn('jax', 'jit', JIT_PARAMS, (b) => makeJit(b)),
    fn('jax', 'jacrev', JAC_PARAMS, (b) => makeJacrev(b)),
    fn('jax', 'jacobian', JAC_PARAMS, (b) => makeJacrev(b)),
    fn('jax', 'jacfwd', JACFWD_PARAMS, (b) => makeJacfwd(b)),
    fn('jax', 'hessian', JACFWD_PARAMS, (b) => makeHessian(b)),
  ]);
  m.attrs.set('vmap', new PyNativeFunction('vmap', vmapCall, 'jax.vmap'));
  m.attrs.set('jvp', new PyNativeFunction('jvp', jvpCall, 'jax.jvp'));
  m.attrs.set('vjp', new PyNativeFunction('vjp', vjpCall, 'jax.vjp'));
  m.attrs.set('custom_jvp', new PyNativeFunction('custom_jvp', makeCustom('jvp'), 'jax.custom_jvp'));
  m.attrs.set('custom_vjp', new PyNativeFunction('custom_vjp', makeCustom('vjp'), 'jax.custom_vjp'));
  m.attrs.set('Array', arrayBaseClass);
  m.attrs.set('config', new Config());
  m.attrs.set('numpy', get('jax.numpy'));
  m.attrs.set('lax', get('jax.lax'));
  m.attrs.set('nn', get('jax.nn'));
  m.attrs.set('tree_util', get('jax.tree_util'));
  m.attrs.set('random', get('jax.random'));
  m.attrs.set('scipy', get('jax.scipy'));
  m.attrs.set('stop_gradient', fn('jax.lax', 'stop_gradient', ['x'], (b) => stopGradientTree(b.x)));
  return m;
}
