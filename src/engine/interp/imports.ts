// `import` and `from ... import ...` over a registry of module factories.
//
// Modules are created lazily, once per interpreter. `import a.b` loads `a` then `a.b` and sets
// `b` as an attribute of `a` (so `import jax.numpy as jnp` works with a registry holding `jax`
// and `jax.numpy`). Modules that touch the outside world do not exist: importing one is a
// ModuleNotFoundError that says why.

import { PyError } from '../errors';
import type { Alias } from '../syntax/ast';
import { PyModule, PyObject } from './object';
import { lookupAttr } from './protocol';
import { outsideWorldMessage } from './expressions';

export type ModuleRegistry = Map<string, () => PyModule>;

const OUTSIDE_WORLD_MODULES = new Set([
  'os', 'sys', 'subprocess', 'socket', 'shutil', 'pathlib', 'io', 'ctypes', 'multiprocessing', 'threading', 'signal',
  'urllib', 'http', 'requests', 'pickle', 'tempfile', 'glob', 'importlib', 'builtins', 'asyncio', 'select', 'mmap',
  'webbrowser', 'ftplib', 'smtplib', 'sqlite3', 'platform', 'resource', 'pty', 'fcntl', 'code', 'runpy',
]);

export class Importer {
  private readonly loaded = new Map<string, PyModule>();

  constructor(private readonly registry: ReadonlyMap<string, () => PyModule>) {}

  /** The module `name` (dotted), loading its parents first. */
  importModule(name: string): PyModule {
    const parts = name.split('.');
    let parent: PyModule | null = null;
    let mod: PyModule | null = null;
    for (let i = 1; i <= parts.length; i++) {
      const dotted = parts.slice(0, i).join('.');
      mod = this.load(dotted);
      if (parent && !parent.attrs.has(parts[i - 1])) parent.attrs.set(parts[i - 1], mod);
      parent = mod;
    }
    return mod!;
  }

  /** `import a.b.c` binds `a`: loads the whole chain and returns the top module. */
  importTop(name: string): PyModule {
    this.importModule(name);
    return this.load(name.split('.')[0]);
  }

  importFrom(module: string, level: number, names: Alias[] | '*'): [string, PyObject][] {
    if (level > 0) throw new PyError('ImportError', 'attempted relative import with no known parent package');
    const mod = this.importModule(module);
    if (names === '*') {
      return [...mod.attrs].filter(([k]) => !k.startsWith('_'));
    }
    return names.map((alias) => {
      const bound = alias.asname ?? alias.name;
      const attr = lookupAttr(mod, alias.name);
      if (attr !== undefined) return [bound, attr];
      const sub = `${module}.${alias.name}`;
      if (this.registry.has(sub)) return [bound, this.importModule(sub)];
      const quotedModule = `'${module}'`;
      throw new PyError('ImportError', `cannot import name '${alias.name}' from ${quotedModule} (unknown location)`);
    });
  }

  private load(name: string): PyModule {
    const cached = this.loaded.get(name);
    if (cached) return cached;
    const root = name.split('.')[0];
    if (OUTSIDE_WORLD_MODULES.has(root)) {
      throw new PyError('ModuleNotFoundError', outsideWorldMessage(`module '${name}'`));
    }
    const factory = this.registry.get(name);
    if (!factory) throw new PyError('ModuleNotFoundError', `No module named '${name}'`);
    const mod = factory();
    this.loaded.set(name, mod);
    return mod;
  }
}

