import assert from 'node:assert/strict';
import { customRules, customRulesReached } from '../../../src/engine/check/customRules';
import { moduleFacts } from '../../../src/engine/check/facts';
import { numericDiagnostic } from '../../../src/engine/check/numericReport';
import { parse } from './helpers';

const SRC = [
  'import jax',
  'import jax.numpy as jnp',
  'from functools import partial',
  '@jax.custom_jvp',
  'def f(x):',
  '    return jnp.sin(x)',
  '@f.defjvp',
  'def f_jvp(primals, tangents):',
  '    return f(primals[0]), 2.0 * jnp.cos(primals[0]) * tangents[0]',
  '@partial(jax.custom_vjp, nondiff_argnums=(0,))',
  'def g(n, x):',
  '    return x * n',
  'h = jax.custom_jvp(lambda x: x)',
  'def loss(x):',
  '    return helper(x) + 1.0',
  'def helper(x):',
  '    return f(x) * 2.0',
  'def plain(x):',
  '    return x * 3.0',
].join('\n');

describe('check/customRules', () => {
  const facts = moduleFacts(parse(SRC));

  it('finds custom_jvp / custom_vjp functions, through decorators, partial and assignment', () => {
    const rules = customRules(facts);
    assert.deepEqual([...rules.values()], [
      { name: 'f', kind: 'custom_jvp', registration: 'f.defjvp' },
      { name: 'g', kind: 'custom_vjp' },
      { name: 'h', kind: 'custom_jvp' },
    ]);
  });

  it('follows calls through top-level functions', () => {
    assert.deepEqual(customRulesReached(facts.defs.get('loss')!.body, 'loss', facts).map((r) => r.name), ['f']);
    assert.deepEqual(customRulesReached(facts.defs.get('plain')!.body, 'plain', facts), []);
  });

  it('the mismatch message names the rule as the suspect', () => {
    const d = numericDiagnostic({
      check: { report: { ok: false, maxError: 1.2 }, tolerance: 2e-3, worst: { claimed: 2.4, central: 1.2 } },
      functionName: 'loss',
      sourceText: '',
      customRules: customRulesReached(facts.defs.get('loss')!.body, 'loss', facts),
      range: { start: { line: 1, column: 0, offset: 0 }, end: { line: 1, column: 1, offset: 1 } },
    })!;
    assert.equal(d.code, 'finite-difference-mismatch');
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /gives 2\.4, central differences give 1\.2/);
    assert.match(d.message, /the custom_jvp rule of f \(f\.defjvp\).*the custom rule is the suspect/);
  });
});
