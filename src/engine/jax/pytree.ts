// Pytrees as JAX flattens them (jax/_src/tree_util.py): tuples and lists by position, dicts by
// SORTED key (JAX sorts dict keys when flattening, so unflattening rebuilds a dict in sorted key
// order), None as an empty node; everything else is a leaf.

import { None, PyBool, PyDict, PyFloat, PyInt, PyList, PyNone, type PyObject, PyStr, PyTuple } from '../interp/object';
import { pyDict, pyList, pyTuple } from '../interp/protocol';

export type TreeDef =
  | { kind: 'leaf' }
  | { kind: 'none' }
  | { kind: 'tuple' | 'list'; children: TreeDef[] }
  | { kind: 'dict'; keys: PyObject[]; children: TreeDef[] };

function keyOrder(a: PyObject, b: PyObject): number {
  const num = (o: PyObject) => (o instanceof PyBool ? (o.value ? 1 : 0) : o instanceof PyInt ? Number(o.value) : o instanceof PyFloat ? o.value : undefined);
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) return na - nb;
  if (a instanceof PyStr && b instanceof PyStr) return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  return 0;
}

export function flatten(tree: PyObject): { leaves: PyObject[]; def: TreeDef } {
  const leaves: PyObject[] = [];
  const walk = (o: PyObject): TreeDef => {
    if (o instanceof PyNone) return { kind: 'none' };
    if (o instanceof PyTuple) return { kind: 'tuple', children: o.items.map(walk) };
    if (o instanceof PyList) return { kind: 'list', children: o.items.map(walk) };
    if (o instanceof PyDict) {
      const entries = [...o.entries.values()].sort((x, y) => keyOrder(x[0], y[0]));
      return { kind: 'dict', keys: entries.map((e) => e[0]), children: entries.map((e) => walk(e[1])) };
    }
    leaves.push(o);
    return { kind: 'leaf' };
  };
  const def = walk(tree);
  return { leaves, def };
}

export function unflatten(def: TreeDef, leaves: readonly PyObject[]): PyObject {
  let i = 0;
  const build = (d: TreeDef): PyObject => {
    switch (d.kind) {
      case 'leaf':
        return leaves[i++];
      case 'none':
        return None;
      case 'tuple':
        return pyTuple(d.children.map(build));
      case 'list':
        return pyList(d.children.map(build));
      case 'dict':
        return pyDict(d.keys.map((k, j) => [k, build(d.children[j])] as const));
    }
  };
  return build(def);
}

export function treeMap(tree: PyObject, f: (leaf: PyObject) => PyObject): PyObject {
  const { leaves, def } = flatten(tree);
  return unflatten(def, leaves.map(f));
}

export function leafCount(def: TreeDef): number {
  return def.kind === 'leaf' ? 1 : def.kind === 'none' ? 0 : def.children.reduce((n, c) => n + leafCount(c), 0);
}

/** `PyTreeDef((*, *))`-style text, as `repr(treedef)` shows it. */
export function treeDefRepr(def: TreeDef): string {
  const inner = (d: TreeDef): string => {
    switch (d.kind) {
      case 'leaf':
        return '*';
      case 'none':
        return 'None';
      case 'tuple':
        return d.children.length === 1 ? `(${inner(d.children[0])},)` : `(${d.children.map(inner).join(', ')})`;
      case 'list':
        return `[${d.children.map(inner).join(', ')}]`;
      case 'dict':
        return `{${d.keys.map((k, j) => `${k instanceof PyStr ? `'${k.value}'` : String((k as PyInt).value)}: ${inner(d.children[j])}`).join(', ')}}`;
    }
  };
  return `PyTreeDef(${inner(def)})`;
}
