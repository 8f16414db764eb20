// Oracle: JAX's observed promotion tables (tests/dtypes_test.py::testObservedPromotionTable,
// both the x32 and the x64 branch) and the examples of SEMANTICS §2.2-2.3.
import * as assert from 'node:assert/strict';
import { RunContext, withRunContext } from '../../../src/engine/context';
import type { DType } from '../../../src/engine/array/dtype';
import {
  canonicalizeDtype, dtypeFromName, promoteTypes, type PromotionOperand, resultType, toComplexDtype, toInexactDtype,
} from '../../../src/engine/array/promotion';

const CODES = ['b1', 'u1', 'u2', 'u4', 'u8', 'i1', 'i2', 'i4', 'i8', 'bf', 'f2', 'f4', 'f8', 'c4', 'c8', 'i*', 'f*', 'c*'];
const CODE_DTYPE: Record<string, DType> = {
  b1: 'bool', u1: 'uint8', u2: 'uint16', u4: 'uint32', u8: 'uint64', i1: 'int8', i2: 'int16',
  i4: 'int32', i8: 'int64', bf: 'bfloat16', f2: 'float16', f4: 'float32', f8: 'float64',
  c4: 'complex64', c8: 'complex128',
};

const X32 = `
b1 u1 u2 u4 u4 i1 i2 i4 i4 bf f2 f4 f4 c4 c4 i* f* c*
u1 u1 u2 u4 u4 i2 i2 i4 i4 bf f2 f4 f4 c4 c4 u1 f* c*
u2 u2 u2 u4 u4 i4 i4 i4 i4 bf f2 f4 f4 c4 c4 u2 f* c*
u4 u4 u4 u4 u4 i4 i4 i4 i4 bf f2 f4 f4 c4 c4 u4 f* c*
u4 u4 u4 u4 u4 i4 i4 i4 i4 bf f2 f4 f4 c4 c4 u4 f* c*
i1 i2 i4 i4 i4 i1 i2 i4 i4 bf f2 f4 f4 c4 c4 i1 f* c*
i2 i2 i4 i4 i4 i2 i2 i4 i4 bf f2 f4 f4 c4 c4 i2 f* c*
i4 i4 i4 i4 i4 i4 i4 i4 i4 bf f2 f4 f4 c4 c4 i4 f* c*
i4 i4 i4 i4 i4 i4 i4 i4 i4 bf f2 f4 f4 c4 c4 i4 f* c*
bf bf bf bf bf bf bf bf bf bf f4 f4 f4 c4 c4 bf bf c4
f2 f2 f2 f2 f2 f2 f2 f2 f2 f4 f2 f4 f4 c4 c4 f2 f2 c4
f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 c4 c4 f4 f4 c4
f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 c4 c4 f4 f4 c4
c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4
c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4
i* u1 u2 u4 u4 i1 i2 i4 i4 bf f2 f4 f4 c4 c4 i* f* c*
f* f* f* f* f* f* f* f* f* bf f2 f4 f4 c4 c4 f* f* c*
c* c* c* c* c* c* c* c* c* c4 c4 c4 c4 c4 c4 c* c* c*`;

const X64 = `
b1 u1 u2 u4 u8 i1 i2 i4 i8 bf f2 f4 f8 c4 c8 i* f* c*
u1 u1 u2 u4 u8 i2 i2 i4 i8 bf f2 f4 f8 c4 c8 u1 f* c*
u2 u2 u2 u4 u8 i4 i4 i4 i8 bf f2 f4 f8 c4 c8 u2 f* c*
u4 u4 u4 u4 u8 i8 i8 i8 i8 bf f2 f4 f8 c4 c8 u4 f* c*
u8 u8 u8 u8 u8 f* f* f* f* bf f2 f4 f8 c4 c8 u8 f* c*
i1 i2 i4 i8 f* i1 i2 i4 i8 bf f2 f4 f8 c4 c8 i1 f* c*
i2 i2 i4 i8 f* i2 i2 i4 i8 bf f2 f4 f8 c4 c8 i2 f* c*
i4 i4 i4 i8 f* i4 i4 i4 i8 bf f2 f4 f8 c4 c8 i4 f* c*
i8 i8 i8 i8 f* i8 i8 i8 i8 bf f2 f4 f8 c4 c8 i8 f* c*
bf bf bf bf bf bf bf bf bf bf f4 f4 f8 c4 c8 bf bf c4
f2 f2 f2 f2 f2 f2 f2 f2 f2 f4 f2 f4 f8 c4 c8 f2 f2 c4
f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f8 c4 c8 f4 f4 c4
f8 f8 f8 f8 f8 f8 f8 f8 f8 f8 f8 f8 f8 c8 c8 f8 f8 c8
c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c4 c8 c4 c8 c4 c4 c4
c8 c8 c8 c8 c8 c8 c8 c8 c8 c8 c8 c8 c8 c8 c8 c8 c8 c8
i* u1 u2 u4 u8 i1 i2 i4 i8 bf f2 f4 f8 c4 c8 i* f* c*
f* f* f* f* f* f* f* f* f* bf f2 f4 f8 c4 c8 f* f* c*
c* c* c* c* c* c* c* c* c* c4 c4 c4 c8 c4 c8 c* c* c*`;

function parse(table: string): string[][] {
  return table.trim().split('\n').map((row) => row.trim().split(/\s+/));
}

/** The value JAX's test builds for a typecode: a scalar array of the (canonicalised) dtype, or a
 *  Python scalar for the weak codes. */
function operand(code: string): PromotionOperand {
  if (code === 'i*') return { pythonScalar: 'int' };
  if (code === 'f*') return { pythonScalar: 'float' };
  if (code === 'c*') return { pythonScalar: 'complex' };
  return { shape: [], dtype: canonicalizeDtype(CODE_DTYPE[code]), weakType: false };
}

function codeOf(r: { dtype: DType; weakType: boolean }): string {
  const code = Object.keys(CODE_DTYPE).find((c) => CODE_DTYPE[c] === r.dtype)!;
  return r.weakType ? `${code[0]}*` : code;
}

function observedTable(): string[][] {
  return CODES.map((c2) => CODES.map((c1) => codeOf(resultType(operand(c1), operand(c2)))));
}

describe('type promotion', () => {
  it('reproduces JAX observed promotion table with x64 off', () => {
    withRunContext(new RunContext({ x64: false }), () => assert.deepEqual(observedTable(), parse(X32)));
  });

  it('reproduces JAX observed promotion table with x64 on', () => {
    withRunContext(new RunContext({ x64: true }), () => assert.deepEqual(observedTable(), parse(X64)));
  });

  it('follows the SEMANTICS §2.3 x32 subset table', () => {
    const arr = (dtype: DType, weakType = false): PromotionOperand => ({ shape: [3], dtype, weakType });
    assert.deepEqual(resultType(arr('int32'), { pythonScalar: 'float' }), { dtype: 'float32', weakType: true });
    assert.deepEqual(resultType(arr('bool'), { pythonScalar: 'int' }), { dtype: 'int32', weakType: true });
    assert.deepEqual(resultType(arr('int32'), { pythonScalar: 'int' }), { dtype: 'int32', weakType: false });
    assert.deepEqual(resultType(arr('float32'), { pythonScalar: 'int' }), { dtype: 'float32', weakType: false });
    assert.deepEqual(resultType(arr('int8'), { pythonScalar: 'int' }), { dtype: 'int8', weakType: false });
    assert.deepEqual(resultType(arr('float16'), { pythonScalar: 'float' }), { dtype: 'float16', weakType: false });
    // weak arrays behave like Python scalars of their kind
    assert.deepEqual(resultType(arr('float32', true), arr('int32')), { dtype: 'float32', weakType: true });
    assert.deepEqual(resultType(arr('float32', true), arr('float32', true)), { dtype: 'float32', weakType: true });
    // bool is never weak
    assert.deepEqual(resultType({ pythonScalar: 'bool' }, { pythonScalar: 'bool' }), { dtype: 'bool', weakType: false });
    assert.deepEqual(resultType(arr('bool')), { dtype: 'bool', weakType: false });
  });

  it('promote_types: the docstring examples, Python types as weak nodes', () => {
    assert.equal(promoteTypes('int32', 'float32'), 'float32');
    assert.equal(promoteTypes('bool', 'int32'), 'int32');
    assert.equal(promoteTypes('uint8', 'int'), 'uint8');
    assert.equal(promoteTypes('float16', 'float'), 'float16');
    assert.equal(promoteTypes('bfloat16', 'float16'), 'float32');
    withRunContext(new RunContext({ x64: false }), () => assert.equal(promoteTypes('uint32', 'int32'), 'int32'));
    withRunContext(new RunContext({ x64: true }), () => assert.equal(promoteTypes('uint32', 'int32'), 'int64'));
  });

  it('float0 takes no part in promotion (ValueError, as JAX)', () => {
    assert.throws(() => promoteTypes('float0', 'float32'), {
      name: 'ValueError',
      message: "dtype=dtype([('float0', 'V')]) is not a valid dtype for JAX type promotion.",
    });
    assert.throws(() => resultType({ shape: [], dtype: 'float0', weakType: false }, { shape: [], dtype: 'float32', weakType: false }), {
      name: 'ValueError',
    });
  });

  it('canonicalises 64-bit dtypes only while x64 is off', () => {
    withRunContext(new RunContext({ x64: false }), () => {
      assert.equal(canonicalizeDtype('float64'), 'float32');
      assert.equal(canonicalizeDtype('uint64'), 'uint32');
      assert.equal(canonicalizeDtype('complex128'), 'complex64');
      assert.equal(canonicalizeDtype('int16'), 'int16');
    });
    withRunContext(new RunContext({ x64: true }), () => assert.equal(canonicalizeDtype('float64'), 'float64'));
  });

  it('to_inexact / to_complex follow dtypes._dtype_to_inexact (int8 -> float32, not float16)', () => {
    withRunContext(new RunContext({ x64: false }), () => {
      for (const d of ['bool', 'int8', 'uint8', 'int16', 'int32', 'uint32'] as DType[]) assert.equal(toInexactDtype(d), 'float32', d);
      assert.equal(toInexactDtype('float16'), 'float16');
      assert.equal(toInexactDtype('bfloat16'), 'bfloat16');
      assert.equal(toInexactDtype('complex64'), 'complex64');
      assert.equal(toComplexDtype('float16'), 'complex64');
      assert.equal(toComplexDtype('int32'), 'complex64');
    });
    withRunContext(new RunContext({ x64: true }), () => {
      assert.equal(toInexactDtype('int64'), 'float64');
      assert.equal(toComplexDtype('float64'), 'complex128');
      assert.equal(toComplexDtype('int64'), 'complex128');
    });
  });

  it("reads NumPy's dtype spellings", () => {
    const cases: [string, DType | undefined][] = [
      ['float32', 'float32'], ['f4', 'float32'], ['float', 'float64'], ['int', 'int64'], ['bool_', 'bool'],
      ['bool', 'bool'], ['complex', 'complex128'], ['c8', 'complex64'], ['c16', 'complex128'], ['i8', 'int64'],
      ['u1', 'uint8'], ['half', 'float16'], ['bfloat16', 'bfloat16'], ['double', 'float64'], ['<f8', 'float64'],
      ['float128', undefined], ['str', undefined], ['toString', undefined], ['', undefined],
    ];
    for (const [name, dtype] of cases) assert.equal(dtypeFromName(name), dtype, name);
  });
});
