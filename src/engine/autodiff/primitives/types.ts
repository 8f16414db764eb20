// The primitive vocabulary as types: every primitive name, its parameters, and the five rules
// each one must provide. `RULES` in table.ts is typed `{ [P in PrimitiveName]: PrimitiveRules<
// ParamsOf<P>> }`, so adding a name here without all its rules is a compile error.

import type { AVal, DType } from '../../array/dtype';
import type { NDArray } from '../../array/ndarray';
import type { Value } from '../core';
import type { Jaxpr } from '../traces/staging';

export type UnaryPrimitive =
  | 'neg' | 'sign' | 'floor' | 'ceil' | 'is_finite' | 'exp' | 'exp2' | 'log' | 'log1p' | 'expm1'
  | 'tanh' | 'logistic' | 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan' | 'sinh' | 'cosh'
  | 'asinh' | 'acosh' | 'atanh' | 'sqrt' | 'rsqrt' | 'cbrt' | 'abs' | 'erf' | 'erfc' | 'erf_inv'
  | 'lgamma' | 'digamma' | 'real' | 'imag' | 'conj' | 'square' | 'not' | 'stop_gradient'
  | 'population_count' | 'clz';

export type BinaryPrimitive =
  | 'add' | 'sub' | 'mul' | 'div' | 'rem' | 'pow' | 'max' | 'min' | 'atan2' | 'nextafter'
  | 'and' | 'or' | 'xor' | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'complex'
  | 'shift_left' | 'shift_right_arithmetic' | 'shift_right_logical';

export type ReducePrimitive =
  | 'reduce_sum' | 'reduce_prod' | 'reduce_max' | 'reduce_min' | 'reduce_and' | 'reduce_or';

export type CumulativePrimitive = 'cumsum' | 'cumprod' | 'cummax' | 'cummin';

export interface DotDims {
  readonly contracting: readonly [readonly number[], readonly number[]];
  readonly batch: readonly [readonly number[], readonly number[]];
}

export type ScatterCombine = 'set' | 'add' | 'mul' | 'min' | 'max';
export type GatherMode = 'clip' | 'fill';

type NoParams = Record<string, never>;

/** Parameters of each primitive (what JAX calls the primitive's `params`). */
export type PrimitiveParams = { [P in UnaryPrimitive | BinaryPrimitive]: NoParams } & {
  [P in ReducePrimitive]: { axes: readonly number[] };
} & { [P in CumulativePrimitive]: { axis: number; reverse: boolean } } & {
  /** lax.round: 'away' (ROUND_AWAY_FROM_ZERO, the default) or 'even' (TO_NEAREST_EVEN). */
  round: { method: 'away' | 'even' };
  integer_pow: { y: number };
  /** args: [pred (bool), caseFalse, caseTrue], as lax.select_n(pred, *cases). */
  select_n: NoParams;
  /** args: [lo, x, hi]. */
  clamp: NoParams;
  convert_element_type: { newDtype: DType; weakType: boolean };
  argmax: { axis: number; indexDtype: DType };
  argmin: { axis: number; indexDtype: DType };
  broadcast_in_dim: { shape: readonly number[]; broadcastDimensions: readonly number[] };
  reshape: { newSizes: readonly number[] };
  squeeze: { dimensions: readonly number[] };
  expand_dims: { dimensions: readonly number[] };
  transpose: { permutation: readonly number[] };
  rev: { dimensions: readonly number[] };
  slice: { start: readonly number[]; limit: readonly number[]; strides: readonly number[] | null };
  /** args: [operand, ...startIndices (0-d integer arrays, one per axis)]. */
  dynamic_slice: { sliceSizes: readonly number[] };
  /** args: [operand, update, ...startIndices]. */
  dynamic_update_slice: NoParams;
  /** args: [operand, padValue (0-d)]; config: (lo, hi, interior) per axis. */
  pad: { config: readonly (readonly [number, number, number])[] };
  concatenate: { dimension: number };
  iota: { dtype: DType; shape: readonly number[]; dimension: number };
  dot_general: { dims: DotDims; preferredDtype: DType | null };
  /** args: [operand, ...indices] (k integer arrays of one shape indexing axes startAxis..). */
  gather: { startAxis: number; mode: GatherMode; fillValue: number | boolean | null };
  /** args: [operand, updates, ...indices]. */
  scatter: { startAxis: number; combine: ScatterCombine };
  /** Ascending, NaN last, stable (jnp's descending sort is rev of this). */
  sort: { dimension: number };
  argsort: { dimension: number; indexDtype: DType };
  /** jax.custom_jvp: evaluate `fn`, differentiate with the user's `jvp` rule. */
  custom_jvp_call: { fn: ValueFn; jvp: CustomJvpRule };
  /** jax.custom_vjp: evaluate `fn`, differentiate in reverse mode with `fwd` and `bwd`. */
  custom_vjp_call: { fn: ValueFn; fwd: CustomFwd; bwd: CustomBwd };
  /**
   * lax.while_loop. args: [...condConsts, ...bodyConsts, ...carry]; the jaxprs take their
   * consts first, then the carry (cond returns one bool scalar, body the new carry).
   */
  while: { cond: Jaxpr; body: Jaxpr; nCondConsts: number; nBodyConsts: number };
  /**
   * lax.cond / lax.switch. args: [index (int32 0-d, in range), ...operands]; each branch jaxpr
   * takes the operands and returns values of `outAvals`' types (branch 0's, as in JAX).
   */
  cond: { branches: readonly Jaxpr[]; outAvals: readonly AVal[] };
  /**
   * lax.scan. args: [...consts, ...carry, ...xs]; body: (consts, carry, x) -> (carry, y), its
   * output types `outAvals`; results: the final carry, then each y stacked to `length`.
   */
  scan: { body: Jaxpr; nConsts: number; nCarry: number; length: number; reverse: boolean; outAvals: readonly AVal[] };
  /** jax.random's hash. args: [k0, k1, x0, x1] (uint32, one shape); results [y0, y1]. */
  threefry2x32: NoParams;
  /** lax.erf_inv on float32 as XLA's CPU backend computes it (jax.random.normal's samples). */
  erf_inv_xla32: NoParams;
};

/** A function of flat Values (a user function the jax layer has flattened). */
export type ValueFn = (xs: Value[]) => Value[];
/** A custom JVP rule: (primals, tangents) -> primal and tangent outputs. */
export type CustomJvpRule = (primals: Value[], tangents: Value[]) => { primalsOut: Value[]; tangentsOut: Value[] };
/** A custom_vjp forward pass: outputs and the residuals the backward pass needs. */
export type CustomFwd = (xs: Value[]) => { outs: Value[]; residuals: Value[] };
/** A custom_vjp backward pass: (residuals, output cotangents) -> input cotangents (null = zero). */
export type CustomBwd = (residuals: Value[], cts: Value[]) => MaybeZero[];

export type PrimitiveName = keyof PrimitiveParams;
export type ParamsOf<P extends PrimitiveName> = PrimitiveParams[P];

/** A tangent or cotangent; `null` is a symbolic zero. */
export type MaybeZero = Value | null;

export interface JvpResult {
  primalsOut: Value[];
  tangentsOut: MaybeZero[];
}

export interface BatchResult {
  outs: Value[];
  /** The batch dimension of each output; null when an output is the same for every example. */
  dims: (number | null)[];
}

export interface PrimitiveRules<P> {
  /** Evaluates on concrete arrays (calls kernels). */
  impl(args: NDArray[], params: P): NDArray[];
  /** Shape, dtype and weak type of the results; raises JAX's errors for bad operands. */
  abstractEval(avals: AVal[], params: P): AVal[];
  /** Forward mode: `primals` are values one level down, `tangents` null where zero. */
  jvp(primals: Value[], tangents: MaybeZero[], params: P): JvpResult;
  /**
   * Reverse mode: one cotangent per input (null = zero), written with `bind`-based lax
   * functions so that it can itself be differentiated. `needed[i]` false means nothing
   * depends on input i's cotangent: a rule may skip computing it (return null).
   */
  vjp(cts: MaybeZero[], primalsIn: Value[], primalsOut: Value[], params: P, needed?: readonly boolean[]): MaybeZero[];
  /** vmap: `dims[i]` is argument i's batch dimension, null when unbatched (not all null). */
  batch(args: Value[], dims: (number | null)[], params: P, axisSize: number): BatchResult;
  /**
   * True when abstractEval must trace a user function: concrete evaluation then skips it, so
   * the function body runs once.
   */
  readonly tracesUserCode?: boolean;
}

export type RuleTable = { [P in PrimitiveName]: PrimitiveRules<ParamsOf<P>> };
