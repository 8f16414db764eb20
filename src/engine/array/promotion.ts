// JAX's type promotion (jax/_src/dtypes.py, "standard" mode; SEMANTICS §2.2-2.3).
//
// The lattice is data: an edge list from each node to the nodes immediately above it. Weak types
// (Python scalars and weakly typed arrays) are the nodes 'i*', 'f*', 'c*'. The result type of a
// set of operands is their least upper bound (the join), computed from the upper-bound sets.
// With x64 off JAX changes one edge (uint32 -> int32 instead of int64, so that no 64-bit type
// comes out of 32-bit inputs) and canonicalises every result to 32 bits.

import { runContext } from '../context';
import { valueError } from '../errors';
import { type AVal, type DType, DTYPES } from './dtype';

export type WeakNode = 'i*' | 'f*' | 'c*';
export type LatticeNode = Exclude<DType, 'float0'> | WeakNode;

const EDGES_X64: Readonly<Record<LatticeNode, readonly LatticeNode[]>> = {
  bool: ['i*'],
  'i*': ['uint8', 'int8'],
  uint8: ['int16', 'uint16'],
  uint16: ['int32', 'uint32'],
  uint32: ['int64', 'uint64'],
  uint64: ['f*'],
  int8: ['int16'],
  int16: ['int32'],
  int32: ['int64'],
  int64: ['f*'],
  'f*': ['bfloat16', 'float16', 'c*'],
  bfloat16: ['float32'],
  float16: ['float32'],
  float32: ['float64', 'complex64'],
  float64: ['complex128'],
  'c*': ['complex64'],
  complex64: ['complex128'],
  complex128: [],
};

const EDGES_X32: Readonly<Record<LatticeNode, readonly LatticeNode[]>> = {
  ...EDGES_X64,
  uint32: ['int32', 'uint64'],
};

const NODES = Object.keys(EDGES_X64) as LatticeNode[];

/** For every node, the set of nodes at or above it (reflexive-transitive closure of the edges). */
function upperBounds(edges: Readonly<Record<LatticeNode, readonly LatticeNode[]>>): Map<LatticeNode, Set<LatticeNode>> {
  const result = new Map<LatticeNode, Set<LatticeNode>>();
  const visit = (n: LatticeNode): Set<LatticeNode> => {
    const known = result.get(n);
    if (known) return known;
    const ub = new Set<LatticeNode>([n]);
    for (const m of edges[n]) for (const u of visit(m)) ub.add(u);
    result.set(n, ub);
    return ub;
  };
  for (const n of NODES) visit(n);
  return result;
}

const UB_X64 = upperBounds(EDGES_X64);
const UB_X32 = upperBounds(EDGES_X32);

/** The least upper bound of `nodes` on the lattice for the given x64 mode. */
export function join(nodes: readonly LatticeNode[], x64 = runContext().x64): LatticeNode {
  const ub = x64 ? UB_X64 : UB_X32;
  const distinct = [...new Set(nodes)];
  if (distinct.length === 0) throw new Error('join of no dtypes');
  const invalid = distinct.find((n) => !ub.has(n));
  if (invalid !== undefined) {
    // JAX's text (dtypes.py::_least_upper_bound); float0 is the one dtype that can get here.
    const repr = invalid === ('float0' as LatticeNode) ? "dtype([('float0', 'V')])" : `dtype('${invalid}')`;
    throw valueError(`dtype=${repr} is not a valid dtype for JAX type promotion.`);
  }
  let common = new Set(ub.get(distinct[0])!);
  for (const n of distinct.slice(1)) {
    const other = ub.get(n)!;
    common = new Set([...common].filter((c) => other.has(c)));
  }
  // The least element of the common upper bounds is the one whose own upper bounds hold them all.
  for (const c of common) {
    const ubc = ub.get(c)!;
    if ([...common].every((d) => ubc.has(d))) return c;
  }
  // The lattice has a top-free structure only for custom types we do not model; not reachable.
  throw new Error(`no least upper bound for ${distinct.join(', ')}`);
}

export function isWeakNode(n: LatticeNode): n is WeakNode {
  return n === 'i*' || n === 'f*' || n === 'c*';
}

/** The dtype a 64-bit type becomes while x64 is off (`dtypes.canonicalize_dtype`). */
export function canonicalizeDtype(d: DType, x64 = runContext().x64): DType {
  return x64 ? d : DTYPES[d].canonical32;
}

/** The weak node standing for a weakly typed value of dtype `d` (bool has none). */
function weakNodeOf(d: DType): LatticeNode {
  switch (DTYPES[d].kind) {
    case 'int':
    case 'uint':
      return 'i*';
    case 'float':
      return 'f*';
    case 'complex':
      return 'c*';
    default:
      return d as LatticeNode;
  }
}

/** The 64-bit dtype of a weak node (what `np.dtype(int)` etc. give). */
function dtypeOfNode(n: LatticeNode): DType {
  return n === 'i*' ? 'int64' : n === 'f*' ? 'float64' : n === 'c*' ? 'complex128' : n;
}

/** A promote_types argument: a dtype, or a Python scalar type (`int`, `float`, `complex`). */
export type PromoteArg = DType | 'int' | 'float' | 'complex' | 'bool';

function promoteArgNode(a: PromoteArg): LatticeNode {
  switch (a) {
    case 'int':
      return 'i*';
    case 'float':
      return 'f*';
    case 'complex':
      return 'c*';
    default:
      return a as LatticeNode;
  }
}

/**
 * `jnp.promote_types(a, b)`. Like JAX, it does not canonicalise: the Python types `int`,
 * `float`, `complex` are weak nodes, and a weak result comes back as its 64-bit dtype
 * (`jnp.promote_types(int, float)` is float64 even with x64 off). `promote_types('uint8', int)`
 * is uint8 and `promote_types('float16', float)` is float16.
 */
export function promoteTypes(a: PromoteArg, b: PromoteArg): DType {
  return dtypeOfNode(join([promoteArgNode(a), promoteArgNode(b)]));
}

/** An operand of `resultType`: an array's abstract value, or a Python scalar of some type. */
export type PromotionOperand = AVal | { pythonScalar: 'bool' | 'int' | 'float' | 'complex' };

const PYTHON_SCALAR_DTYPE: Readonly<Record<'bool' | 'int' | 'float' | 'complex', DType>> = {
  bool: 'bool',
  int: 'int64',
  float: 'float64',
  complex: 'complex128',
};

/**
 * `dtypes.lattice_result_type`: the dtype and weak type of an operation over `operands`.
 * Python scalars are weak (bool excepted) and have the canonical default dtype of their type;
 * arrays keep their dtype. All weak: join the strong dtypes and mark the result weak. Otherwise
 * join (weak operands as weak nodes); the result is weak iff the join is a weak node. The result
 * dtype is canonicalised; bool is never weak.
 */
export function resultType(...operands: PromotionOperand[]): { dtype: DType; weakType: boolean } {
  const x64 = runContext().x64;
  const parts = operands.map((o) =>
    'pythonScalar' in o
      ? { dtype: canonicalizeDtype(PYTHON_SCALAR_DTYPE[o.pythonScalar], x64), weak: o.pythonScalar !== 'bool' }
      : { dtype: o.dtype, weak: o.weakType },
  );
  if (parts.length === 0) throw new Error('resultType needs at least one operand');
  let dtype: DType;
  let weak: boolean;
  const allWeak = parts.every((p) => p.weak);
  if (parts.length === 1) {
    dtype = parts[0].dtype;
    weak = parts[0].weak;
  } else if (parts.every((p) => p.dtype === parts[0].dtype) && !allWeak) {
    dtype = parts[0].dtype;
    weak = false;
  } else if (allWeak) {
    dtype = canonicalizeDtype(dtypeOfNode(join(parts.map((p) => p.dtype as LatticeNode), x64)), x64);
    weak = true;
  } else {
    const node = join(
      parts.map((p) => (p.weak ? weakNodeOf(p.dtype) : (p.dtype as LatticeNode))),
      x64,
    );
    dtype = canonicalizeDtype(dtypeOfNode(node), x64);
    weak = isWeakNode(node);
  }
  return { dtype, weakType: weak && dtype !== 'bool' };
}

/** NumPy's spellings of the dtypes JAX supports (names, aliases, array-protocol codes, chars). */
const DTYPE_NAMES: Readonly<Record<string, DType>> = {
  bool: 'bool', bool_: 'bool', b1: 'bool', '?': 'bool',
  int8: 'int8', i1: 'int8', byte: 'int8', b: 'int8',
  int16: 'int16', i2: 'int16', short: 'int16', h: 'int16',
  int32: 'int32', i4: 'int32', intc: 'int32', i: 'int32',
  int64: 'int64', i8: 'int64', int: 'int64', int_: 'int64', intp: 'int64', long: 'int64',
  longlong: 'int64', l: 'int64', q: 'int64', p: 'int64',
  uint8: 'uint8', u1: 'uint8', ubyte: 'uint8', B: 'uint8',
  uint16: 'uint16', u2: 'uint16', ushort: 'uint16', H: 'uint16',
  uint32: 'uint32', u4: 'uint32', uintc: 'uint32', I: 'uint32',
  uint64: 'uint64', u8: 'uint64', uint: 'uint64', uintp: 'uint64', ulong: 'uint64',
  ulonglong: 'uint64', L: 'uint64', Q: 'uint64', P: 'uint64',
  float16: 'float16', f2: 'float16', half: 'float16', e: 'float16',
  bfloat16: 'bfloat16',
  float32: 'float32', f4: 'float32', single: 'float32', f: 'float32',
  float64: 'float64', f8: 'float64', float: 'float64', double: 'float64', d: 'float64',
  complex64: 'complex64', c8: 'complex64', csingle: 'complex64', F: 'complex64',
  complex128: 'complex128', c16: 'complex128', complex: 'complex128', cdouble: 'complex128',
  D: 'complex128',
};

/**
 * The dtype NumPy means by `name` ('float32', 'f4', 'float', 'int', 'bool_', 'complex', ...),
 * not canonicalised (the caller canonicalises and warns as JAX does), or undefined when NumPy
 * knows no such dtype or JAX does not support it. Byte-order prefixes '<', '=', '|' are accepted.
 */
export function dtypeFromName(name: string): DType | undefined {
  const bare = /^[<=|]/.test(name) && name.length > 1 ? name.slice(1) : name;
  return Object.prototype.hasOwnProperty.call(DTYPE_NAMES, bare) ? DTYPE_NAMES[bare] : undefined;
}

/** `dtypes._dtype_to_inexact`: the float dtype JAX computes integer and bool inputs in (true
 *  division, sin, mean...). Every integer of 32 bits or less, and bool, maps to float32 (JAX
 *  chose float32 even for int8/uint8, where NumPy would use float16); 64-bit ones to float64. */
const TO_INEXACT: Readonly<Partial<Record<DType, DType>>> = {
  bool: 'float32',
  int8: 'float32', uint8: 'float32',
  int16: 'float32', uint16: 'float32',
  int32: 'float32', uint32: 'float32',
  int64: 'float64', uint64: 'float64',
};

/** `dtypes.to_inexact_dtype`, canonicalised: inexact dtypes are returned unchanged. */
export function toInexactDtype(d: DType): DType {
  return canonicalizeDtype(TO_INEXACT[d] ?? d);
}

/** `dtypes.to_complex_dtype`, canonicalised: complex128 for float64/complex128, else complex64. */
export function toComplexDtype(d: DType): DType {
  const f = TO_INEXACT[d] ?? d;
  return canonicalizeDtype(f === 'float64' || f === 'complex128' ? 'complex128' : 'complex64');
}
