// NumPy's array2string (numpy/_core/arrayprint.py, numpy >= 2.3 defaults): nested brackets,
// separators, line wrapping with a hanging indent, and summarisation of arrays with more than
// 1000 elements (3 edge items per axis around `...`).

import { DTYPES } from '../dtype';
import type { NDArray, Shape } from '../ndarray';
import { FLOAT32, FLOAT64 } from '../../numeric/dragon4';
import { bfloat16Format, boolFormat, complexFormat, type ElementFormatter, floatingFormat, integerFormat } from './elements';
import { binaryFormatOf } from './scalars';

export const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;

/** What NumPy prints for one element of a float0 (structured void) array. */
export const FLOAT0_ELEMENT = "(b'',)";

/** Options of one array2string call. */
export interface Array2StringOptions {
  separator: string;
  /** Text printed before the array on its first line (e.g. `Array(`): sets the hanging indent. */
  prefix: string;
  /** Text printed after it (e.g. `,`): NumPy takes its length off the line width. */
  suffix: string;
}

/** The row-major flat indices of an array of `shape`, one list of kept positions per axis. */
function keptPositions(shape: Shape, summarise: boolean): number[][] {
  return shape.map((n) => {
    const edges = summarise && n > 2 * EDGE_ITEMS;
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      if (edges && i === EDGE_ITEMS) i = n - EDGE_ITEMS;
      out.push(i);
    }
    return out;
  });
}

function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

/** Flat indices of the elements that will be printed (all of them unless summarised). */
function shownIndices(shape: Shape, summarise: boolean): number[] {
  const kept = keptPositions(shape, summarise);
  const strides = stridesOf(shape);
  let out = [0];
  kept.forEach((positions, axis) => {
    const next: number[] = [];
    for (const base of out) for (const p of positions) next.push(base + p * strides[axis]!);
    out = next;
  });
  return out;
}

/** The element formatter NumPy would build for this array's shown elements. */
export function elementFormatter(a: NDArray, shown: readonly number[]): (flat: number) => string {
  const data = a.data;
  const kind = DTYPES[a.dtype].kind;
  if (kind === 'float0') return () => FLOAT0_ELEMENT;
  if (kind === 'complex') {
    const re = shown.map((i) => data[2 * i]!);
    const im = shown.map((i) => data[2 * i + 1]!);
    const f = complexFormat(re, im, a.dtype === 'complex64' ? FLOAT32 : FLOAT64);
    return (i) => f(data[2 * i]!, data[2 * i + 1]!);
  }
  let f: ElementFormatter;
  if (kind === 'bool') f = boolFormat(a.shape.length === 0);
  else if (kind === 'int' || kind === 'uint') f = integerFormat(shown.map((i) => data[i]!));
  else if (a.dtype === 'bfloat16') f = bfloat16Format();
  else f = floatingFormat(shown.map((i) => data[i]!), binaryFormatOf(a.dtype));
  return (i) => f(data[i]!);
}

/** `np.array2string(value, max_line_width, separator=..., prefix=..., suffix=...)`. */
export function array2string(a: NDArray, lineWidth: number, options: Array2StringOptions): string {
  if (a.size === 0) return '[]';
  const summarise = a.size > THRESHOLD;
  const format = elementFormatter(a, shownIndices(a.shape, summarise));
  return formatArray(a.shape, format, lineWidth - options.suffix.length, ' ' + ' '.repeat(options.prefix.length), options.separator, summarise);
}

/** NumPy's `_formatArray` (legacy printing off) over a row-major array of `shape`. */
export function formatArray(
  shape: Shape,
  format: (flat: number) => string,
  lineWidth: number,
  nextLinePrefix: string,
  separator: string,
  summarise: boolean,
): string {
  const strides = stridesOf(shape);
  const sepTrimmed = separator.trimEnd();

  const recurse = (axis: number, offset: number, hanging: string, width: number): string => {
    if (axis === shape.length) return format(offset);
    const nextHanging = hanging + ' ';
    const nextWidth = width - 1; // room for the closing ']'
    const n = shape[axis]!;
    const child = (i: number): string => recurse(axis + 1, offset + i * strides[axis]!, nextHanging, nextWidth);
    const summary = summarise && 2 * EDGE_ITEMS < n;
    const leading = summary ? EDGE_ITEMS : 0;
    const trailing = summary ? EDGE_ITEMS : n;

    let s = '';
    if (axis === shape.length - 1) {
      const elemWidth = width - Math.max(sepTrimmed.length, 1);
      let line = hanging;
      const add = (word: string): void => {
        [s, line] = extendLine(s, line, word, elemWidth, hanging);
      };
      for (let i = 0; i < leading; i++) {
        add(child(i));
        line += separator;
      }
      if (summary) {
        add('...');
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        add(child(n - i));
        line += separator;
      }
      add(child(n - 1));
      s += line;
    } else {
      const lineSep = sepTrimmed + '\n'.repeat(shape.length - axis - 1);
      for (let i = 0; i < leading; i++) s += hanging + child(i) + lineSep;
      if (summary) s += hanging + '...' + lineSep;
      for (let i = trailing; i > 1; i--) s += hanging + child(n - i) + lineSep;
      s += hanging + child(n - 1);
    }
    return '[' + s.slice(hanging.length) + ']';
  };
  return recurse(0, 0, nextLinePrefix, lineWidth);
}

/** Adds `word` to the current line, first breaking it when the word would pass the width. */
function extendLine(s: string, line: string, word: string, width: number, nextLinePrefix: string): [string, string] {
  // A line holding nothing but the indent is never broken: that would not help.
  const wrap = line.length + word.length > width && line.length > nextLinePrefix.length;
  if (wrap) {
    s += line.trimEnd() + '\n';
    line = nextLinePrefix;
  }
  return [s, line + word];
}

/** Python's repr of a shape tuple: `()`, `(3,)`, `(2, 3)`. */
export function shapeRepr(shape: Shape): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}
