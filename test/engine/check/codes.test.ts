import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CHECK_CODES, RUNTIME_CODES, classifyError } from '../../../src/engine/check/codes';
import { PyError, pyError } from '../../../src/engine/errors';
import { readExpectedComment } from '../../../src/engine/check/expectedParse';

// Messages quoted from SEMANTICS.md §1 (JAX's source) and CPython.
const CASES: [string, string, string, string?][] = [
  ['TypeError', 'Gradient only defined for scalar-output functions. Output had shape: (3,). To get the gradient, reduce the output to a scalar with output.sum(), or use jax.jacobian to differentiate a function with a non-scalar output.', 'non-scalar-output'],
  ['TypeError', "Gradient only defined for scalar-output functions. Output was (Array(1., dtype=float32), 2).", 'non-scalar-output'],
  ['TypeError', 'grad requires real- or complex-valued inputs (input dtype that is a sub-dtype of np.inexact), but got int32. If you want to use Boolean- or integer-valued inputs, use vjp or set allow_int to True.', 'integer-input'],
  ['TypeError', 'jacfwd requires real-valued inputs (input dtype that is a sub-dtype of np.floating), but got int32. For holomorphic differentiation, pass holomorphic=True. For differentiation of non-holomorphic functions involving complex inputs or integer inputs, use jax.jvp directly.', 'integer-input'],
  ['TypeError', 'jacfwd requires real-valued inputs (input dtype that is a sub-dtype of np.floating), but got complex64. For holomorphic differentiation, pass holomorphic=True. For differentiation of non-holomorphic functions involving complex inputs or integer inputs, use jax.jvp directly.', 'holomorphic-dtype'],
  ['TypeError', 'grad requires real-valued outputs (output dtype that is a sub-dtype of np.floating), but got int32. For differentiation of functions with integer outputs, use jax.vjp directly.', 'integer-output'],
  ['TypeError', 'grad requires real-valued outputs (output dtype that is a sub-dtype of np.floating), but got complex64. For holomorphic differentiation, pass holomorphic=True. For differentiation of non-holomorphic functions involving complex outputs, use jax.vjp directly.', 'holomorphic-dtype'],
  ['TypeError', 'grad with holomorphic=True requires inputs with complex dtype, but got float32.', 'holomorphic-dtype'],
  ['TypeError', "Argument 'foo' of type <class 'str'> is not a valid JAX type.", 'invalid-jax-type'],
  ['TypeError', "sum requires ndarray or scalar arguments, got <class 'list'> at position 0.", 'invalid-jax-type'],
  ['TypeError', 'Expected a callable value, got 9.0', 'call-instead-of-function'],
  ['TypeError', 'differentiating with respect to argnums=(0, 2) requires at least 3 positional arguments to be passed by the caller, but got only 2 positional arguments.', 'argnums-out-of-range'],
  ['ValueError', 'Positional argument indices, e.g. for `static_argnums`, must have value greater than or equal to -len(args) and less than len(args), but got value -3 for len(args) == 2.', 'argnums-out-of-range'],
  ['TypeError', "'str' object cannot be interpreted as an integer", 'argnums-type', 'jax.grad(f, argnums="0")'],
  ['TypeError', "'str' object cannot be interpreted as an integer", 'python-error', 'range("3")'],
  ['TypeError', "expected function with aux output to return a two-element tuple, but got type <class 'tuple'> with value (1, 2, 3)", 'has-aux-structure'],
  ['TypeError', 'add got incompatible shapes for broadcasting: (3,), (4,).', 'broadcasting'],
  ['ValueError', 'Incompatible shapes for broadcasting: shapes=[(2, 3), (4,)]', 'broadcasting'],
  ['TypeError', 'dot_general requires contracting dimensions to have the same shape, got (3,) and (4,).', 'dot-shape-mismatch'],
  ['TypeError', 'JAX arrays are immutable and do not support in-place item assignment. Instead of x[idx] = y, use x = x.at[idx].set(y) or another .at[] method: https://docs.jax.dev/en/latest/_autosummary/jax.numpy.ndarray.at.html', 'in-place-update'],
  ['TypeError', 'Called add with a float0 array. float0s do not support any operations by design because they are not compatible with non-trivial vector spaces.', 'float0-arithmetic'],
  ['ValueError', 'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()', 'array-truth-value'],
  ['ValueError', 'vmap got inconsistent sizes for array axes to be mapped:\n  * one axis had size 2: axis 0 of argument a of type float32[2];\n  * one axis had size 3: axis 0 of argument b of type float32[3]', 'vmap-axes'],
  ['NotImplementedError', 'Grad Lens does not evaluate `class` statements yet', 'unsupported-construct'],
  ['BudgetExceeded', 'Grad Lens stopped this code after 5,000,000 steps: does a loop run forever?', 'budget-exceeded'],
  ['RecursionError', 'maximum recursion depth exceeded', 'budget-exceeded'],
  ['NameError', "name 'x' is not defined", 'python-error'],
  ['ModuleNotFoundError', "Grad Lens does not run code that touches the outside world: module 'os' is not available", 'outside-world'],
  ['NameError', "Grad Lens does not run code that touches the outside world: 'open' is not available", 'outside-world'],
  ['ZeroDivisionError', 'division by zero', 'python-error'],
];

describe('check/codes: classifyError', () => {
  for (const [type, message, code, source] of CASES) {
    it(`${type}: ${message.slice(0, 60)}… → ${code}`, () => {
      assert.equal(classifyError(new PyError(type, message), source), code);
    });
  }

  it('JAX error classes with their URL line are tracer conversions', () => {
    const e = pyError('TracerBoolConversionError', 'Attempted boolean conversion of traced array with shape bool[].');
    assert.equal(classifyError(e), 'tracer-conversion');
    assert.equal(classifyError(pyError('ConcretizationTypeError', 'Abstract tracer value encountered where concrete value is expected: traced array with shape float32[]\nThe problem arose with the `float` function.')), 'tracer-conversion');
  });

  it('every code has its section (anchor) in docs/diagnostics.md', () => {
    const doc = readFileSync('docs/diagnostics.md', 'utf8');
    for (const code of [...RUNTIME_CODES, ...CHECK_CODES]) assert.match(doc, new RegExp(`^### ${code}$`, 'm'), code);
  });

  it('readExpectedComment tells expected comments that cannot be read from other comments', () => {
    assert.deepEqual(readExpectedComment(' → 4.0'), { text: '4.0' });
    assert.equal(readExpectedComment(' just a note'), undefined);
    assert.ok('error' in readExpectedComment(' → ')!);
    assert.ok('error' in readExpectedComment(' → )(')!);
  });
});
