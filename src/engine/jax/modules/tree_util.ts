// jax.tree_util basics: tree_map, tree_leaves, tree_flatten, tree_unflatten, tree_structure.

import { typeError } from '../../errors';
import { objectClass, PyClass, PyModule, PyObject } from '../../interp/object';
import { callObject, pyList, pyTuple, toArray } from '../../interp/protocol';
import { addAll, fn, varFn } from '../args';
import { flatten, type TreeDef, treeDefRepr, unflatten } from '../pytree';

const treeDefClass = new PyClass('PyTreeDef', [objectClass], 'jaxlib._jax.pytree');

class PyTreeDefObject extends PyObject {
  constructor(readonly def: TreeDef) {
    super();
  }
  get cls(): PyClass {
    return treeDefClass;
  }
}
treeDefClass.slots.repr = (self) => treeDefRepr((self as PyTreeDefObject).def);

export function treeUtilModule(): PyModule {
  const m = new PyModule('jax.tree_util');
  addAll(m, [
    varFn('jax.tree_util', 'tree_map', ['is_leaf'], (args) => {
      if (args.length < 2) throw typeError('tree_map() missing required positional arguments: f and tree');
      const [f, tree, ...rest] = args;
      const main = flatten(tree);
      const others = rest.map((r) => flatten(r).leaves);
      const mapped = main.leaves.map((leaf, i) => callObject(f, [leaf, ...others.map((o) => o[i])]));
      return unflatten(main.def, mapped);
    }),
    fn('jax.tree_util', 'tree_leaves', ['tree', 'is_leaf?'], (b) => pyList(flatten(b.tree).leaves)),
    fn('jax.tree_util', 'tree_flatten', ['tree', 'is_leaf?'], (b) => {
      const { leaves, def } = flatten(b.tree);
      return pyTuple([pyList(leaves), new PyTreeDefObject(def)]);
    }),
    fn('jax.tree_util', 'tree_unflatten', ['treedef', 'leaves'], (b) => {
      if (!(b.treedef instanceof PyTreeDefObject)) throw typeError('tree_unflatten expects a PyTreeDef');
      return unflatten(b.treedef.def, toArray(b.leaves));
    }),
    fn('jax.tree_util', 'tree_structure', ['tree', 'is_leaf?'], (b) => new PyTreeDefObject(flatten(b.tree).def)),
  ]);
  return m;
}
