// The module registry the interpreter imports from: 'jax', 'jax.numpy', 'jax.numpy.linalg',
// 'jax.lax', 'jax.nn', 'jax.tree_util', 'jax.random', 'jax.scipy', 'jax.scipy.special'. Modules are built lazily, once per interpreter, so
// `import jax.numpy as jnp`, `from jax import grad` and `from jax import numpy as jnp` work.

import { PyModule } from '../interp/object';
import { installArrayMethods } from './array_methods';
import { jaxModule } from './modules/jax';
import { laxModule } from './modules/lax';
import { nnModule } from './modules/nn';
import { linalgModule, numpyModule } from './modules/numpy';
import { randomModule } from './modules/random';
import { scipyModule, scipySpecialModule } from './modules/scipy';
import { treeUtilModule } from './modules/tree_util';

export type ModuleRegistry = Map<string, () => PyModule>;

/** Builds each module once per registry, so `jax.numpy is jnp` holds as in Python. */
export function jaxModules(): ModuleRegistry {
  installArrayMethods();
  const cache = new Map<string, PyModule>();
  const once = (name: string, build: (get: (n: string) => PyModule) => PyModule) => (): PyModule => {
    let m = cache.get(name);
    if (!m) {
      m = build(get);
      cache.set(name, m);
    }
    return m;
  };
  const factories: [string, (get: (n: string) => PyModule) => PyModule][] = [
    ['jax', jaxModule],
    ['jax.numpy', numpyModule],
    ['jax.numpy.linalg', () => linalgModule()],
    ['jax.lax', () => laxModule()],
    ['jax.nn', () => nnModule()],
    ['jax.tree_util', () => treeUtilModule()],
    ['jax.random', randomModule],
    ['jax.scipy', scipyModule],
    ['jax.scipy.special', () => scipySpecialModule()],
  ];
  const registry: ModuleRegistry = new Map(factories.map(([n, f]) => [n, once(n, f)]));
  function get(n: string): PyModule {
    return registry.get(n)!();
  }
  return registry;
}
