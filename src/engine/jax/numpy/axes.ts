// Axis arguments as NumPy reads them: None, an int, or a tuple/list of ints; negative values
// count from the end; out-of-range values raise NumPy's AxisError.

import { PyError } from '../../errors';
import { None, PyList, type PyObject, PyTuple } from '../../interp/object';
import { toIndexNumber } from '../../interp/protocol';

export function axisError(axis: number, ndim: number): PyError {
  return new PyError('AxisError', `axis ${axis} is out of bounds for array of dimension ${ndim}`);
}

export function normalizeAxis(axis: number, ndim: number): number {
  if (axis < -ndim || axis >= ndim) throw axisError(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}

/** All axes for None, else the sorted normalised axes (duplicates raise ValueError). */
export function reductionAxes(axis: PyObject | undefined, ndim: number): number[] {
  if (axis === undefined || axis === None) return [...Array(ndim).keys()];
  const raw = axis instanceof PyTuple || axis instanceof PyList ? axis.items.map(toIndexNumber) : [toIndexNumber(axis)];
  const axes = raw.map((a) => normalizeAxis(a, ndim));
  if (new Set(axes).size !== axes.length) throw new PyError('ValueError', 'duplicate value in \'axis\'');
  return axes.sort((a, b) => a - b);
}

/** The shape with the reduced axes kept as size 1 (keepdims=True). */
export function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

/** A single optional axis (argmax, cumsum): undefined for None. */
export function optionalAxis(axis: PyObject | undefined, ndim: number): number | undefined {
  if (axis === undefined || axis === None) return undefined;
  return normalizeAxis(toIndexNumber(axis), ndim);
}
