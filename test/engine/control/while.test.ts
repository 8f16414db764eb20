// lax.while_loop's carry types as JAX's loops.py sets them: a weakly typed initial carry whose
// body output has another dtype is promoted (`_promote_weak_typed_inputs`, the body traced a
// second time); otherwise the output types are the body's (`_while_loop_abstract_eval`
// returns body_jaxpr.out_avals); real mismatches raise `_check_carry_type`'s TypeErrors.
import * as assert from 'node:assert/strict';
import { raises, repr, run } from './helpers';

describe('lax.while_loop carry types', () => {
  it('promotes a weak int initial carry to the float32 the body returns (0, 1.5, 3.0)', () => {
    const src = 'def body(c):\n    print("trace")\n    return c + jnp.float32(1.5)\nlax.while_loop(lambda c: c < 3, body, 0)\n';
    assert.equal(repr(src), 'Array(3., dtype=float32)');
    assert.deepEqual(run(src).output.map((s) => s.trim()).filter(Boolean), ['trace', 'trace']);
  });

  it('a weak float carry whose body output is strong float32 is not promoted; the result is strong', () => {
    assert.equal(repr('lax.while_loop(lambda c: c < 3, lambda c: c + jnp.float32(1), 0.0)'), 'Array(3., dtype=float32)');
    assert.equal(repr('lax.while_loop(lambda c: c < 3, lambda c: c + 1, 0.0)'), 'Array(3., dtype=float32, weak_type=True)');
  });

  it('a strong carry whose body changes its dtype raises JAX\'s TypeError', () => {
    raises(
      'lax.while_loop(lambda c: c < 3, lambda c: c + 1.5, jnp.int32(0))',
      'TypeError',
      'while_loop body function carry input and carry output must have equal types (e.g. shapes and dtypes of arrays), but they differ:\n\n' +
        'The input carry c has type int32[] but the corresponding output carry component has type float32[], so the dtypes do not match.\n\n' +
        'Revise the function so that all output types (e.g. shapes and dtypes) match the corresponding input types.',
    );
  });

  it('lists every mismatched component (joined as loops.py joins them)', () => {
    raises(
      'lax.while_loop(lambda s: s[0] < 3, lambda s: (s[0] + 1.5, s[1] * jnp.ones(2)), (jnp.int32(0), jnp.float32(1)))',
      'TypeError',
      'while_loop body function carry input and carry output must have equal types (e.g. shapes and dtypes of arrays), but they differ:\n\n' +
        '  * the input carry component s[0] has type int32[] but the corresponding output carry component has type float32[], so the dtypes do not match;\n' +
        '  * the input carry component s[1] has type float32[] but the corresponding output carry component has type float32[2], so the shapes do not match.\n\n' +
        'Revise the function so that all output types (e.g. shapes and dtypes) match the corresponding input types.',
    );
  });

  it('a carry of another structure raises JAX\'s TypeError', () => {
    raises(
      'lax.while_loop(lambda c: c[0] < 3, lambda c: (c[0] + 1,), (0, 1.0))',
      'TypeError',
      'while_loop body function carry input and carry output must have the same pytree structure, but they differ:\n\n' +
        'The input carry c is a tuple of length 2 but the corresponding component of the carry output is a tuple of length 1, so the lengths do not match.\n\n' +
        'Revise the function so that the carry output has the same pytree structure as the carry input.',
    );
  });

  it('cond_fun must return a boolean scalar (JAX names the pytree or the types)', () => {
    raises('lax.while_loop(lambda c: (c < 3, c < 4), lambda c: c + 1, 0)', 'TypeError', 'cond_fun must return a boolean scalar, but got pytree PyTreeDef((*, *)).');
    raises('lax.while_loop(lambda c: c, lambda c: c - 1, jnp.int32(3))', 'TypeError', 'cond_fun must return a boolean scalar, but got output type(s) [ShapedArray(int32[])].');
  });
});
