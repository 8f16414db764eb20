// The rule table: one entry per primitive name, each with impl, abstractEval, jvp, vjp and
// batch. Its type makes a primitive without rules a compile error.

import { BINARY_RULES } from './binary';
import { CONVERT_ELEMENT_TYPE_RULES } from './conversions';
import { COND_RULES } from './cond';
import { WHILE_RULES } from './control';
import { CUSTOM_JVP_CALL_RULES, CUSTOM_VJP_CALL_RULES } from './custom';
import { DOT_GENERAL_RULES } from './dot';
import {
  ARGSORT_RULES,
  DYNAMIC_SLICE_RULES,
  DYNAMIC_UPDATE_SLICE_RULES,
  GATHER_RULES,
  SCATTER_RULES,
  SORT_RULES,
} from './indexing';
import { SCAN_RULES } from './loops';
import { ARGMAX_RULES, ARGMIN_RULES, CUMULATIVE_RULES, REDUCE_RULES } from './reductions';
import { CLAMP_RULES, SELECT_N_RULES } from './select';
import {
  BROADCAST_IN_DIM_RULES,
  CONCATENATE_RULES,
  EXPAND_DIMS_RULES,
  IOTA_RULES,
  PAD_RULES,
  RESHAPE_RULES,
  REV_RULES,
  SLICE_RULES,
  SQUEEZE_RULES,
  TRANSPOSE_RULES,
} from './structural';
import { ERF_INV_XLA32_RULES } from './erfInvXla';
import { THREEFRY2X32_RULES } from './threefry';
import type { RuleTable } from './types';
import { INTEGER_POW_RULES, ROUND_RULES, UNARY_RULES } from './unary';

export const RULES: RuleTable = {
  ...UNARY_RULES,
  ...BINARY_RULES,
  ...REDUCE_RULES,
  ...CUMULATIVE_RULES,
  round: ROUND_RULES,
  integer_pow: INTEGER_POW_RULES,
  select_n: SELECT_N_RULES,
  while: WHILE_RULES,
  cond: COND_RULES,
  scan: SCAN_RULES,
  clamp: CLAMP_RULES,
  convert_element_type: CONVERT_ELEMENT_TYPE_RULES,
  argmax: ARGMAX_RULES,
  argmin: ARGMIN_RULES,
  broadcast_in_dim: BROADCAST_IN_DIM_RULES,
  reshape: RESHAPE_RULES,
  squeeze: SQUEEZE_RULES,
  expand_dims: EXPAND_DIMS_RULES,
  transpose: TRANSPOSE_RULES,
  rev: REV_RULES,
  slice: SLICE_RULES,
  dynamic_slice: DYNAMIC_SLICE_RULES,
  dynamic_update_slice: DYNAMIC_UPDATE_SLICE_RULES,
  pad: PAD_RULES,
  concatenate: CONCATENATE_RULES,
  iota: IOTA_RULES,
  dot_general: DOT_GENERAL_RULES,
  gather: GATHER_RULES,
  scatter: SCATTER_RULES,
  sort: SORT_RULES,
  argsort: ARGSORT_RULES,
  custom_jvp_call: CUSTOM_JVP_CALL_RULES,
  custom_vjp_call: CUSTOM_VJP_CALL_RULES,
  threefry2x32: THREEFRY2X32_RULES,
  erf_inv_xla32: ERF_INV_XLA32_RULES,
};
