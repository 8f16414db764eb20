// One derivative check per differentiable addition: forward mode against central finite
// differences of the function itself and reverse mode against forward mode (the adjoint
// identity), in float64 (SEMANTICS §3's check_grads). Inputs keep away from kinks and ties.

import { PyStr } from '../../../src/engine/interp/object';
import { pyList, pyTuple } from '../../../src/engine/interp/protocol';
import { f64, fnOf, gradCheck, pyArg } from './helpers';

const NP = 'jax.numpy';
const LA = 'jax.numpy.linalg';
const NN = 'jax.nn';
const v5 = () => f64([0.3, -1.2, 2.5, 0.7, -0.4]);
const m23 = () => f64([[0.5, -1.5, 2.25], [1.1, 0.2, -0.7]]);
const m33 = () => f64([[1.2, -0.3, 0.5], [0.4, 2.1, -1.0], [-0.6, 0.8, 1.7]]);
const int = (n: number) => pyArg(n);

describe('derivatives of the rearranging functions', () => {
  it('split / array_split (every part is an output)', () => {
    gradCheck(NP, 'split', [f64([1, 2, 3, 4, 5, 6])], (v) => [...v, int(3)]);
    gradCheck(NP, 'array_split', [v5()], (v) => [...v, int(2)]);
  });
  it('tile, repeat (scalar and per-element counts), roll, flip, fliplr, flipud', () => {
    gradCheck(NP, 'tile', [m23()], (v) => [...v, pyArg([2, 1])]);
    gradCheck(NP, 'repeat', [m23()], (v) => [...v, int(2)], { axis: 1 });
    gradCheck(NP, 'repeat', [v5()], (v) => [...v, pyList([1, 0, 2, 1, 3].map(int))], { axis: 0 });
    gradCheck(NP, 'roll', [m23()], (v) => [...v, int(-1)], { axis: 1 });
    gradCheck(NP, 'flip', [m23()]);
    gradCheck(NP, 'fliplr', [m23()]);
    gradCheck(NP, 'flipud', [m23()]);
  });
  it('pad in every mode', () => {
    for (const mode of ['constant', 'edge', 'reflect', 'symmetric', 'wrap']) {
      gradCheck(NP, 'pad', [v5()], (v) => [...v, pyArg([2, 1])], { mode });
    }
    gradCheck(NP, 'pad', [m23()], (v) => [...v, int(1)], { constant_values: 0.5 });
  });
  it('diff (n=2, prepend), meshgrid, atleast_3d, dstack, column_stack', () => {
    gradCheck(NP, 'diff', [v5()], (v) => v, { n: 2, prepend: 0.5 });
    gradCheck(NP, 'meshgrid', [f64([1, 2, 3]), f64([-1, 4])]);
    gradCheck(NP, 'atleast_3d', [m23()]);
    gradCheck(NP, 'dstack', [f64([1, 2]), f64([3, 4])], (v) => [pyTuple(v)]);
    gradCheck(NP, 'column_stack', [f64([1, 2]), f64([[3, 4], [5, 6]])], (v) => [pyTuple(v)]);
  });
});

describe('derivatives of the matrix helpers', () => {
  it('tril, triu, diag (both directions), diagonal, trace', () => {
    gradCheck(NP, 'tril', [m33()], (v) => v, { k: -1 });
    gradCheck(NP, 'triu', [m23()], (v) => v, { k: 1 });
    gradCheck(NP, 'diag', [f64([1.5, -2, 0.5])], (v) => v, { k: 1 });
    gradCheck(NP, 'diag', [m33()], (v) => v, { k: -1 });
    gradCheck(NP, 'diagonal', [m23()], (v) => v, { offset: 1 });
    gradCheck(NP, 'trace', [m33()]);
  });
  it('kron, tensordot', () => {
    gradCheck(NP, 'kron', [f64([[1, 2], [3, 4]]), f64([0.5, -1.5])]);
    gradCheck(NP, 'tensordot', [m23(), m33()], (v) => v, { axes: 1 });
  });
  it('take (with repeated and out-of-range indices) and take_along_axis', () => {
    gradCheck(NP, 'take', [v5()], (v) => [...v, pyListArray([0, 0, 4, -1])]);
    gradCheck(NP, 'take', [v5()], (v) => [...v, pyListArray([1, 9])], { mode: 'clip' });
    gradCheck(NP, 'take_along_axis', [m23()], (v) => [...v, pyListArray([[2, 0, 1], [1, 1, 0]]), int(1)]);
  });
});

/** An int32 index array built through jnp.array (indices are not differentiated). */
function pyListArray(xs: unknown): ReturnType<typeof pyArg> {
  const toPy = (x: unknown): ReturnType<typeof pyArg> => (Array.isArray(x) ? pyList(x.map(toPy)) : pyArg(x as number));
  // Python floats for non-integers, ints otherwise: jnp.array picks the dtype as Python would.
  return fnOf(NP, 'array').fn([toPy(xs)], new Map());
}

describe('derivatives of the elementwise additions', () => {
  it('nan_to_num, heaviside (in x2), sinc, hypot, deg2rad, rad2deg', () => {
    gradCheck(NP, 'nan_to_num', [v5()]);
    // x1 = 0 (a constant) selects x2 there: derivative 1 in x2.
    gradCheck(NP, 'heaviside', [f64([0.3, 0.6, 0.9])], (v) => [pyListArray([-1.5, 0, 2.5]), v[0]]);
    gradCheck(NP, 'sinc', [v5()]);
    gradCheck(NP, 'hypot', [v5(), f64([1, 2, -3, 0.5, 4])]);
    gradCheck(NP, 'deg2rad', [v5()]);
    gradCheck(NP, 'rad2deg', [v5()]);
  });
  it('copysign, trunc, rint, logaddexp2, fmax, fmin, float_power', () => {
    gradCheck(NP, 'copysign', [v5(), f64([1, -1, -2, 3, 1])]);
    gradCheck(NP, 'trunc', [f64([0.3, -1.2, 2.4])]);
    gradCheck(NP, 'rint', [f64([0.3, -1.2, 2.4])]);
    gradCheck(NP, 'logaddexp2', [v5(), f64([1, 2, -3, 0.5, 4])]);
    gradCheck(NP, 'fmax', [v5(), f64([1, 2, -3, 0.5, 4])]);
    gradCheck(NP, 'fmin', [v5(), f64([1, 2, -3, 0.5, 4])]);
    gradCheck(NP, 'float_power', [f64([0.5, 1.5, 2.5]), f64([2.5, -1, 0.5])]);
  });
  it('polyval in both the coefficients and x; select', () => {
    gradCheck(NP, 'polyval', [f64([2, -1, 0.5, 3]), v5()]);
    gradCheck(NP, 'select', [v5(), f64([1, 2, 3, 4, 5])], (v) => {
      const gt = fnOf(NP, 'greater').fn([v[0], pyArg(0)], new Map());
      return [pyList([gt]), pyList([v[1]]), v[0]];
    });
  });
});

describe('derivatives of the statistics', () => {
  it('cumprod, ptp, average (weights too)', () => {
    gradCheck(NP, 'cumprod', [m23()], (v) => v, { axis: 1 });
    gradCheck(NP, 'ptp', [m23()], (v) => v, { axis: 0 });
    gradCheck(NP, 'average', [m23(), f64([0.5, 1.5, 2])], (v) => [v[0], int(1), v[1]]);
  });
  it('nansum, nanmean, nanmax, nanmin, nanvar, nanstd with a NaN entry', () => {
    const withNan = () => f64([[0.5, NaN, 2.25], [1.1, 0.2, -0.7]]);
    for (const name of ['nansum', 'nanmean', 'nanmax', 'nanmin', 'nanvar', 'nanstd']) {
      gradCheck(NP, name, [withNan()], (v) => v, { axis: 1 });
    }
  });
  it('quantile (linear and midpoint, in a and q), percentile, median', () => {
    gradCheck(NP, 'quantile', [v5(), f64([0.3, 0.8])]);
    gradCheck(NP, 'quantile', [m23()], (v) => [...v, pyArg(0.4)], { axis: 1, method: 'midpoint' });
    gradCheck(NP, 'percentile', [v5()], (v) => [...v, pyArg(35.5)]);
    gradCheck(NP, 'median', [m33()], (v) => v, { axis: 0 });
  });
});

describe('derivatives of the norms and matrix functions', () => {
  it('norm for vector and matrix orders', () => {
    for (const ord of [1, 3, 0.5, Infinity, -Infinity]) gradCheck(LA, 'norm', [v5()], (v) => v, { ord });
    for (const ord of [1, -1, Infinity, -Infinity]) gradCheck(LA, 'norm', [m33()], (v) => v, { ord });
    gradCheck(LA, 'norm', [m33()], (v) => v, { ord: new PyStr('fro') });
    gradCheck(LA, 'norm', [m23()], (v) => v, { axis: 1, keepdims: true });
  });
  it('vector_norm, matrix_norm, matrix_power, multi_dot, trace', () => {
    gradCheck(LA, 'vector_norm', [m23()], (v) => v, { ord: 3 });
    gradCheck(LA, 'matrix_norm', [m33()]);
    gradCheck(LA, 'matrix_power', [m33()], (v) => [...v, int(5)]);
    gradCheck(LA, 'multi_dot', [m23(), m33(), f64([1, 2, 3])], (v) => [pyList(v)]);
    gradCheck(LA, 'trace', [m33()], (v) => v, { offset: 1 });
  });
});

describe('derivatives of the jax.nn additions', () => {
  it('logsumexp with b, where and keepdims', () => {
    gradCheck(NN, 'logsumexp', [m23(), f64([[1, 2, 0.5], [0.3, 1, 2]])], (v) => [v[0]], {});
    gradCheck(NN, 'logsumexp', [m23(), f64([[1, 2, 0.5], [0.3, 1, 2]])], (v) => [v[0], pyArg(1), v[1]], { keepdims: true });
  });
  it('relu6, hard_sigmoid, hard_silu, hard_tanh, soft_sign, celu, selu, mish, squareplus, sparse_plus', () => {
    const xs = () => f64([-7.5, -2.5, -0.5, 0.3, 2.5, 5.5, 8]);
    for (const name of ['relu6', 'hard_sigmoid', 'hard_silu', 'hard_tanh', 'soft_sign', 'celu', 'selu', 'mish', 'squareplus', 'sparse_plus']) {
      gradCheck(NN, name, [xs()]);
    }
  });
  it('glu, standardize', () => {
    gradCheck(NN, 'glu', [f64([[0.5, -1, 2, 0.3], [1, 2, -3, 0.7]])]);
    gradCheck(NN, 'standardize', [m23()]);
  });
});
