// Shape manipulation (reshape, transpose, squeeze, expand_dims, stack, concatenate, ...), on lax.

import { pythonShape } from '../../array/broadcast';
import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { typeError, valueError } from '../../errors';
import { None, PyList, type PyObject, PyTuple } from '../../interp/object';
import { toArray, toIndexNumber } from '../../interp/protocol';
import { arrayArg, arrayArgs } from '../coerce';
import { broadcastTo, promoteDtypes } from '../promote';
import { normalizeAxis } from './axes';

/** A shape argument: an int or a sequence of ints. */
export function shapeArg(o: PyObject): number[] {
  if (o instanceof PyTuple || o instanceof PyList) return o.items.map(toIndexNumber);
  return [toIndexNumber(o)];
}

/** `reshape` with one -1 inferred; JAX's TypeError when the sizes disagree. */
export function reshape(x: Value, requested: readonly number[]): Value {
  const shape = avalOf(x).shape;
  const size = shape.reduce((a, b) => a * b, 1);
  const unknown = requested.filter((d) => d === -1).length;
  if (unknown > 1) throw valueError('can only specify one unknown dimension');
  const known = requested.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const resolved = requested.map((d) => (d === -1 ? (known === 0 ? 0 : size / known) : d));
  if (resolved.some((d) => !Number.isInteger(d) || d < 0) || resolved.reduce((a, b) => a * b, 1) !== size) {
    throw typeError(
      `cannot reshape array of shape ${pythonShape(shape)} (size ${size}) into shape ${pythonShape(requested)} (size ${known * (unknown ? -1 : 1)})`,
    );
  }
  return lax.reshape(x, resolved);
}

export function ravel(x: Value): Value {
  return lax.reshape(x, [avalOf(x).shape.reduce((a, b) => a * b, 1)]);
}

export function transpose(x: Value, axes?: readonly number[]): Value {
  const nd = avalOf(x).shape.length;
  if (!axes) return lax.transpose(x, [...Array(nd).keys()].reverse());
  if (axes.length !== nd) throw valueError("axes don't match array");
  const perm = axes.map((a) => normalizeAxis(a, nd));
  if (new Set(perm).size !== nd) throw valueError('repeated axis in transpose');
  return lax.transpose(x, perm);
}

export function swapaxes(x: Value, a: number, b: number): Value {
  const nd = avalOf(x).shape.length;
  const perm = [...Array(nd).keys()];
  const i = normalizeAxis(a, nd);
  const j = normalizeAxis(b, nd);
  [perm[i], perm[j]] = [perm[j], perm[i]];
  return lax.transpose(x, perm);
}

export function moveaxis(x: Value, source: number[], destination: number[]): Value {
  const nd = avalOf(x).shape.length;
  if (source.length !== destination.length) {
    throw valueError('`source` and `destination` arguments must have the same number of elements');
  }
  const src = source.map((a) => normalizeAxis(a, nd));
  const dst = destination.map((a) => normalizeAxis(a, nd));
  const rest = [...Array(nd).keys()].filter((i) => !src.includes(i));
  const perm: number[] = new Array(nd);
  dst.forEach((d, k) => (perm[d] = src[k]));
  let r = 0;
  for (let i = 0; i < nd; i++) if (perm[i] === undefined) perm[i] = rest[r++];
  return lax.transpose(x, perm);
}

export function expandDims(x: Value, axes: readonly number[]): Value {
  const shape = [...avalOf(x).shape];
  const outNd = shape.length + axes.length;
  const norm = axes.map((a) => normalizeAxis(a, outNd)).sort((a, b) => a - b);
  for (const a of norm) shape.splice(a, 0, 1);
  return lax.reshape(x, shape);
}

export function squeeze(x: Value, axisObj: PyObject | undefined): Value {
  const shape = avalOf(x).shape;
  let axes: number[];
  if (axisObj === undefined || axisObj === None) axes = shape.flatMap((d, i) => (d === 1 ? [i] : []));
  else {
    axes = shapeArg(axisObj).map((a) => normalizeAxis(a, shape.length));
    const bad = axes.filter((a) => shape[a] !== 1);
    if (bad.length) {
      throw valueError(
        `cannot select an axis to squeeze out which has size not equal to one, got shape=${pythonShape(shape)} and dimensions=${pythonShape(axes)}`,
      );
    }
  }
  return lax.reshape(x, shape.filter((_, i) => !axes.includes(i)));
}

/** The arrays of a sequence argument (stack, concatenate): a list/tuple, or an array's rows. */
export function sequenceArg(fnName: string, seq: PyObject): Value[] {
  const items = seq instanceof PyList || seq instanceof PyTuple ? seq.items : toArray(seq);
  if (items.length === 0) throw valueError('Need at least one array to ' + (fnName === 'stack' ? 'stack.' : 'concatenate.'));
  return promoteDtypes(arrayArgs(fnName, [...items]));
}

export function concatenate(values: Value[], axis: number): Value {
  const nd = avalOf(values[0]).shape.length;
  if (nd === 0) throw valueError('Zero-dimensional arrays cannot be concatenated.');
  const ax = normalizeAxis(axis, nd);
  const ref = avalOf(values[0]).shape;
  for (const v of values) {
    const s = avalOf(v).shape;
    if (s.length !== nd || s.some((d, i) => i !== ax && d !== ref[i])) {
      throw typeError(
        `Cannot concatenate arrays with shapes that differ in dimensions other than the one being concatenated: concatenating along dimension ${ax} for shapes ${values.map((w) => pythonShape(avalOf(w).shape)).join(', ')}.`,
      );
    }
  }
  return lax.concatenate(values, ax);
}

export function stack(values: Value[], axis: number): Value {
  const shape = avalOf(values[0]).shape;
  for (const v of values) {
    const s = avalOf(v).shape;
    if (s.length !== shape.length || s.some((d, i) => d !== shape[i])) throw valueError('All input arrays must have the same shape.');
  }
  const ax = normalizeAxis(axis, shape.length + 1);
  return lax.concatenate(values.map((v) => expandDims(v, [ax])), ax);
}

export function atLeast(v: Value, nd: number): Value {
  const s = avalOf(v).shape;
  if (s.length >= nd) return v;
  if (nd === 1) return lax.reshape(v, [1]);
  // atleast_2d puts a leading 1 (a 1-D row becomes (1, n)).
  return lax.reshape(v, [...new Array<number>(nd - s.length).fill(1), ...s]);
}

export function broadcastToShape(fnName: string, a: PyObject, shape: number[]): Value {
  const x = arrayArg(fnName, a);
  const s = avalOf(x).shape;
  const lead = shape.length - s.length;
  const ok = lead >= 0 && s.every((d, i) => d === 1 || d === shape[lead + i]);
  if (!ok) throw valueError(`Incompatible shapes for broadcasting: ${pythonShape(s)} and requested shape ${pythonShape(shape)}`);
  return broadcastTo(x, shape);
}
