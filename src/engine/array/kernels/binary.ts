// Elementwise binary kernels over equal-rank operands of one dtype, size-1 dimensions
// broadcasting. Integer arithmetic wraps as XLA's does (two's complement), integer division
// truncates toward zero and follows XLA's CPU results for division by zero (-1, or all ones for
// unsigned; rem gives the dividend) and INT_MIN / -1 (INT_MIN).

import { broadcastShapes } from '../broadcast';
import { DTYPES, type DType } from '../dtype';
import { NDArray, type Shape, sizeOf } from '../ndarray';
import { complexBinary } from './complex';
import {
  binaryScalarLeft32, binaryScalarLeft64, binaryScalarRight32, binaryScalarRight64, binarySame32, binarySame64, isFastBinary,
} from './floatLoops';
import { nextafterFn } from './nextafter';
import { uniformValue } from './uniform';
import { broadcastIndexMap, intBits, intRange, isComplexDtype, sameShape, storeRounder } from './util';

export type BinaryKernel =
  | 'add' | 'sub' | 'mul' | 'div' | 'rem' | 'pow' | 'max' | 'min' | 'atan2' | 'nextafter'
  | 'and' | 'or' | 'xor' | 'shift_left' | 'shift_right_arithmetic' | 'shift_right_logical'
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

const COMPARISONS: ReadonlySet<BinaryKernel> = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

type Fn2 = (a: number, b: number) => number;

/** C's pow (JS differs for 1**NaN and (-1)**±Infinity, both 1 in C and in XLA). */
export function floatPow(a: number, b: number): number {
  if (a === 1 || b === 0) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  return Math.pow(a, b);
}

/** Integer multiplication wrapped to the dtype's width (exact for widths up to 32 bits). */
function intMul(d: DType): Fn2 {
  return intBits(d) <= 32 ? Math.imul : (a, b) => a * b;
}

function intPow(d: DType): Fn2 {
  const mul = intMul(d);
  return (a, b) => {
    if (b < 0) return a === 1 ? 1 : a === -1 ? (b % 2 === 0 ? 1 : -1) : 0;
    let acc = 1;
    let base = a;
    while (b > 0) {
      if (b % 2 === 1) acc = mul(acc, base);
      base = mul(base, base);
      b = Math.floor(b / 2);
    }
    return acc;
  };
}

function big(v: number): bigint {
  return BigInt(Math.trunc(v));
}

function bitwise(op: 'and' | 'or' | 'xor', d: DType): Fn2 {
  if (d === 'int64' || d === 'uint64') {
    const wrap = d === 'int64' ? (v: bigint) => BigInt.asIntN(64, v) : (v: bigint) => BigInt.asUintN(64, v);
    if (op === 'and') return (a, b) => Number(wrap(big(a) & big(b)));
    if (op === 'or') return (a, b) => Number(wrap(big(a) | big(b)));
    return (a, b) => Number(wrap(big(a) ^ big(b)));
  }
  if (op === 'and') return (a, b) => a & b;
  if (op === 'or') return (a, b) => a | b;
  return (a, b) => a ^ b;
}

function shift(op: 'shift_left' | 'shift_right_arithmetic' | 'shift_right_logical', d: DType): Fn2 {
  const bits = intBits(d);
  const unsigned = DTYPES[d].kind === 'uint';
  if (bits > 32) {
    const asInt = (v: bigint) => (unsigned ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v));
    return (a, b) => {
      const out = b < 0 || b >= 64;
      if (op === 'shift_left') return out ? 0 : Number(asInt(big(a) << BigInt(b)));
      if (op === 'shift_right_logical') return out ? 0 : Number(asInt(BigInt.asUintN(64, big(a)) >> BigInt(b)));
      const s = BigInt.asIntN(64, big(a));
      return Number(asInt(out ? (s < 0n ? -1n : 0n) : s >> BigInt(b)));
    };
  }
  const mask = bits === 32 ? 0xffffffff : (1 << bits) - 1;
  const signShift = 32 - bits;
  if (op === 'shift_left') return (a, b) => (b < 0 || b >= bits ? 0 : a << b);
  if (op === 'shift_right_logical') return (a, b) => (b < 0 || b >= bits ? 0 : (a & mask) >>> b);
  return (a, b) => {
    const s = (a << signShift) >> signShift; // the value as a signed `bits`-wide integer
    return b < 0 || b >= bits ? (s < 0 ? -1 : 0) : s >> b;
  };
}

/** The scalar function of a real binary op on dtype `d` (comparisons give 1/0). */
function realBinaryFn(op: BinaryKernel, d: DType): Fn2 {
  const kind = DTYPES[d].kind;
  const integral = kind === 'int' || kind === 'uint';
  switch (op) {
    case 'add': return (a, b) => a + b;
    case 'sub': return (a, b) => a - b;
    case 'mul': return integral ? intMul(d) : (a, b) => a * b;
    case 'div': {
      if (!integral) return (a, b) => a / b;
      const [min, max] = intRange(d);
      const byZero = kind === 'uint' ? max : -1;
      return (a, b) => (b === 0 ? byZero : a === min && b === -1 ? min : Math.trunc(a / b));
    }
    case 'rem':
      return integral ? (a, b) => (b === 0 ? a : a % b) : (a, b) => a % b;
    case 'pow': return integral ? intPow(d) : floatPow;
    case 'max': return Math.max;
    case 'min': return Math.min;
    case 'atan2': return Math.atan2;
    case 'nextafter': return nextafterFn(d);
    case 'and':
    case 'or':
    case 'xor': return bitwise(op, d);
    case 'shift_left':
    case 'shift_right_arithmetic':
    case 'shift_right_logical': return shift(op, d);
    case 'eq': return (a, b) => (a === b ? 1 : 0);
    case 'ne': return (a, b) => (a !== b ? 1 : 0);
    case 'lt': return (a, b) => (a < b ? 1 : 0);
    case 'le': return (a, b) => (a <= b ? 1 : 0);
    case 'gt': return (a, b) => (a > b ? 1 : 0);
    case 'ge': return (a, b) => (a >= b ? 1 : 0);
  }
}

/** The float32/float64 loops of floatLoops.ts for equal sizes or one scalar side; false when
 *  `op` or the layout has none (the general loop below then runs). */
function fastBinary(op: BinaryKernel, x: NDArray, y: NDArray, o: NDArray['data'], n: number): boolean {
  if (!isFastBinary(op) || n === 0) return false;
  // An operand holding one value everywhere (a shared uniform buffer) is read as a scalar.
  const ux = uniformValue(x);
  const uy = ux === undefined ? uniformValue(y) : undefined;
  const xs = ux === undefined ? x.size : 1;
  const ys = uy === undefined ? y.size : 1;
  const a = x.data;
  const b = y.data;
  if (a instanceof Float32Array && b instanceof Float32Array && o instanceof Float32Array) {
    if (xs === n && ys === n) binarySame32(op, a, b, o);
    else if (xs === 1 && ys === n) binaryScalarLeft32(op, ux ?? a[0], b, o);
    else if (ys === 1 && xs === n) binaryScalarRight32(op, a, uy ?? b[0], o);
    else return false;
    return true;
  }
  if (a instanceof Float64Array && b instanceof Float64Array && o instanceof Float64Array) {
    if (xs === n && ys === n) binarySame64(op, a, b, o);
    else if (xs === 1 && ys === n) binaryScalarLeft64(op, ux ?? a[0], b, o);
    else if (ys === 1 && xs === n) binaryScalarRight64(op, a, uy ?? b[0], o);
    else return false;
    return true;
  }
  return false;
}

/** The broadcast shape of x and y. The contract promises equal ranks; NumPy's right-aligned
 *  rule is applied anyway so that a 0-d operand against an n-d one also works. */
function resultShape(x: Shape, y: Shape): Shape {
  if (sameShape(x, y)) return x;
  const shape = broadcastShapes(x, y);
  if (!shape) throw new Error(`binary kernel on incompatible shapes (${x.join(', ')}) and (${y.join(', ')})`);
  return shape;
}

/**
 * `op` elementwise over x and y (same dtype, same rank, size-1 dims broadcast). Comparisons
 * return bool; max/min propagate NaN. Weak type: the AND of the operands' (never for bool).
 */
export function binary(op: BinaryKernel, x: NDArray, y: NDArray): NDArray {
  const shape = resultShape(x.shape, y.shape);
  const n = sizeOf(shape);
  const same = x.size === n && y.size === n;
  // Index maps only for operands that really broadcast, built after the fast paths had a go.
  const indexMaps = (): [Int32Array | null, Int32Array | null] => [
    same || x.size === n ? null : broadcastIndexMap(x.shape, shape),
    same || y.size === n ? null : broadcastIndexMap(y.shape, shape),
  ];
  if (isComplexDtype(x.dtype)) return complexBinary(op, x, y, shape, ...indexMaps());
  const compare = COMPARISONS.has(op);
  const outDtype: DType = compare ? 'bool' : x.dtype;
  const out = NDArray.zeros(outDtype, shape, outDtype !== 'bool' && x.weakType && y.weakType);
  const a = x.data;
  const b = y.data;
  const o = out.data;
  // float32/float64 storage means exactly those dtypes here (float16, bfloat16 and complex64
  // also live in Float32Array but are complex-handled above or need a store rounder).
  if ((x.dtype === 'float32' || x.dtype === 'float64') && fastBinary(op, x, y, o, n)) return out;
  const [ia, ib] = indexMaps();
  const f = realBinaryFn(op, x.dtype);
  const r = compare ? null : storeRounder(outDtype);
  const g: Fn2 = r ? (p, q) => r(f(p, q)) : f;
  if (!ia && !ib) for (let i = 0; i < n; i++) o[i] = g(a[i], b[i]);
  else if (!ia) for (let i = 0; i < n; i++) o[i] = g(a[i], b[ib![i]]);
  else if (!ib) for (let i = 0; i < n; i++) o[i] = g(a[ia[i]], b[i]);
  else for (let i = 0; i < n; i++) o[i] = g(a[ia[i]], b[ib[i]]);
  return out;
}
