// Pytree flattening (dict keys sorted, None empty) and argnums normalisation, tested directly.
// Oracles: JAX's documented pytree rules and SEMANTICS §1.4.

import { strict as assert } from 'node:assert';
import { pyDict, pyFloat, pyInt, pyList, pyStr, pyTuple, pyRepr } from '../../../src/engine/interp/protocol';
import { None } from '../../../src/engine/interp/object';
import { argnumsText, checkEnoughArgs, ensureIndex, ensureInbounds } from '../../../src/engine/jax/api/argnums';
import { flatten, treeDefRepr, unflatten } from '../../../src/engine/jax/pytree';

describe('pytrees', () => {
  it('flattens tuples, lists and dicts (sorted keys); None has no leaves', () => {
    const tree = pyTuple([pyList([pyFloat(1), None]), pyDict([[pyStr('b'), pyFloat(2)], [pyStr('a'), pyFloat(3)]])]);
    const { leaves, def } = flatten(tree);
    assert.deepEqual(leaves.map((l) => (l as unknown as { value: number }).value), [1, 3, 2]);
    assert.equal(treeDefRepr(def), "PyTreeDef(([*, None], {'a': *, 'b': *}))");
    assert.equal(pyRepr(unflatten(def, leaves)), "([1.0, None], {'a': 3.0, 'b': 2.0})");
  });
});

describe('argnums', () => {
  it('operator.index semantics at construction', () => {
    assert.equal(ensureIndex(pyInt(1)), 1);
    assert.deepEqual(ensureIndex(pyList([pyInt(0), pyInt(2)])), [0, 2]);
    assert.throws(() => ensureIndex(pyStr('0')), { message: "'str' object cannot be interpreted as an integer" });
    assert.throws(() => ensureIndex(pyFloat(1)), { message: "'float' object is not iterable" });
  });
  it('call-time checks and rendering', () => {
    assert.equal(argnumsText([0, 2]), 'argnums=(0, 2)');
    assert.equal(argnumsText([1]), 'argnums=(1,)');
    assert.throws(() => checkEnoughArgs(2, 2), {
      message: 'differentiating with respect to argnums=2 requires at least 3 positional arguments to be passed by the caller, but got only 2 positional arguments.',
    });
    assert.deepEqual(ensureInbounds([-1, 0], 3), [2, 0]);
    assert.throws(() => ensureInbounds(-3, 2), { name: 'ValueError' });
  });
});
