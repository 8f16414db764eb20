// The Python-facing checks of jax.grad / value_and_grad, with JAX's exact texts
// (jax/_src/api.py and api_util.py; SEMANTICS §1.1-1.6).

import { type DType, DTYPES } from '../../array/dtype';
import { pythonShape } from '../../array/broadcast';
import { typeError } from '../../errors';
import { type PyObject } from '../../interp/object';
import { isCallable, pyFormat, pyRepr, pyStr } from '../../interp/protocol';
import { JaxArray } from '../array';
import { pythonScalarKind, scalarToArray, typeRepr } from '../coerce';
import { Float0Array } from '../float0';
import { KeyArray } from '../random/keys';

/** `check_callable`: raised when the transform is built (`jax.grad(f(x))`). */
export function checkCallable(fun: PyObject): void {
  if (!isCallable(fun)) throw typeError(`Expected a callable value, got ${pyFormat(fun, '')}`);
}

/** The dtype of a valid JAX leaf, or the `check_arg` TypeError. */
export function leafDtype(leaf: PyObject): DType {
  if (leaf instanceof JaxArray) return leaf.aval.dtype;
  if (leaf instanceof Float0Array) return 'float0';
  if (pythonScalarKind(leaf)) return scalarToArray(leaf).dtype;
  throw typeError(`Argument '${pyStr(leaf)}' of type ${typeRepr(leaf)} is not a valid JAX type.`);
}

/** `_check_input_dtype_revderiv` (preceded by check_arg). */
export function checkInputDtype(name: string, holomorphic: boolean, allowInt: boolean, leaf: PyObject): void {
  // A typed PRNG key has JAX's extended dtype key<fry>, refused like an integer.
  const dtype = leaf instanceof KeyArray ? undefined : leafDtype(leaf);
  const d = dtype ?? 'key<fry>';
  const kind = dtype === undefined ? 'uint' : DTYPES[dtype].kind;
  if (holomorphic && kind !== 'complex') {
    throw typeError(`${name} with holomorphic=True requires inputs with complex dtype, but got ${d}.`);
  }
  if (kind === 'int' || kind === 'uint' || kind === 'bool') {
    if (!allowInt) {
      throw typeError(
        `${name} requires real- or complex-valued inputs (input dtype that is a sub-dtype of np.inexact), but got ${d}. ` +
          'If you want to use Boolean- or integer-valued inputs, use vjp or set allow_int to True.',
      );
    }
  } else if (kind !== 'float' && kind !== 'complex') {
    throw typeError(
      `${name} requires numerical-valued inputs (input dtype that is a sub-dtype of np.bool_ or np.number), but got ${d}.`,
    );
  }
}

const SCALAR_MSG = 'Gradient only defined for scalar-output functions. Output';

/** `_check_scalar` on a non-array output (a tuple, a list, None, ...). */
export function notScalarError(ans: PyObject): Error {
  return typeError(`${SCALAR_MSG} was ${pyStr(ans)}.`);
}

/** `_check_scalar` on an array output of shape `shape`. */
export function checkScalarShape(shape: readonly number[]): void {
  if (shape.length === 0) return;
  const size = shape.reduce((a, b) => a * b, 1);
  const extract = size === 1 ? `extract the scalar with output.reshape(())${shape.length === 1 ? ' or output[0]' : ''}, ` : '';
  throw typeError(
    `${SCALAR_MSG} had shape: ${pythonShape(shape)}. To get the gradient, ${extract}reduce the output to a scalar with ` +
      'output.sum(), or use jax.jacobian to differentiate a function with a non-scalar output.',
  );
}

/** `_check_output_dtype_revderiv`. */
export function checkOutputDtype(name: string, holomorphic: boolean, d: DType): void {
  const kind = DTYPES[d].kind;
  if (holomorphic) {
    if (kind !== 'complex') throw typeError(`${name} with holomorphic=True requires outputs with complex dtype, but got ${d}.`);
  } else if (kind === 'complex') {
    throw typeError(
      `${name} requires real-valued outputs (output dtype that is a sub-dtype of np.floating), but got ${d}. ` +
        'For holomorphic differentiation, pass holomorphic=True. For differentiation of non-holomorphic functions ' +
        'involving complex outputs, use jax.vjp directly.',
    );
  } else if (kind !== 'float') {
    throw typeError(
      `${name} requires real-valued outputs (output dtype that is a sub-dtype of np.floating), but got ${d}. ` +
        'For differentiation of functions with integer outputs, use jax.vjp directly.',
    );
  }
}

/** `ad.linearize`'s has_aux check: a two-element tuple or list. */
export function checkAuxPair(ans: PyObject): readonly PyObject[] {
  const items = (ans as { items?: readonly PyObject[] }).items;
  const isSeq = ans.cls.name === 'tuple' || ans.cls.name === 'list';
  if (!isSeq || !items || items.length !== 2) {
    throw typeError(
      `expected function with aux output to return a two-element tuple, but got type ${typeRepr(ans)} with value ${pyRepr(ans)}`,
    );
  }
  return items;
}
