// Scalars: Python's float repr and format(), NumPy's scalar str and float formatting functions,
// C's %g (bfloat16), float0 arrays. Oracles: the Python and NumPy documentation examples,
// SEMANTICS.md, JAX's docs and issues, and (marked "recorded") NumPy 2.4.6 output.
import * as assert from 'node:assert/strict';
import type { DType } from '../../../src/engine/array/dtype';
import {
  arrayRepr,
  arrayStr,
  float0Repr,
  float0Str,
  float32ShortestDigits,
  float32ShortestNumber,
  formatScalarForFormat,
  pyFloatRepr,
  pyFormat,
} from '../../../src/engine/array/format';
import { FLOAT16, FLOAT32, positional, roundToFormat, scientific } from '../../../src/engine/numeric/dragon4';
import { cFormatG, numpyComplexStr, numpyFloatStr } from '../../../src/engine/array/format/scalars';
import { NDArray, storageFor } from '../../../src/engine/array/ndarray';
import { PyError } from '../../../src/engine/errors';

function scalar(dtype: DType, value: number, weakType = false): NDArray {
  const data = storageFor(dtype, 1);
  data[0] = value;
  return new NDArray(dtype, [], data, weakType);
}

describe('array/format: Python float repr', () => {
  const table: [number, string][] = [
    [0.1, '0.1'],
    [1 / 3, '0.3333333333333333'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [1.5e-7, '1.5e-07'],
    [2 ** 53, '9007199254740992.0'],
    [1e22, '1e+22'],
    [123456789012345678, '1.2345678901234568e+17'],
    [-0, '-0.0'],
    [0, '0.0'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
  ];
  for (const [x, want] of table) it(`repr(${want})`, () => assert.equal(pyFloatRepr(x), want));
});

describe('array/format: NumPy float formatting (format_float_positional/scientific docs)', () => {
  it('documented examples', () => {
    assert.equal(positional(Math.fround(Math.PI), FLOAT32), '3.1415927');
    assert.equal(positional(3.140625, FLOAT16), '3.14'); // np.float16(np.pi)
    assert.equal(positional(0.300048828125, FLOAT16), '0.3'); // np.float16(0.3)
    assert.equal(positional(0.300048828125, FLOAT16, { unique: false, precision: 10 }), '0.3000488281');
    assert.equal(scientific(Math.fround(Math.PI), FLOAT32), '3.1415927e+00');
    const big = Math.fround(1.23e24);
    assert.equal(scientific(big, FLOAT32, { unique: false, precision: 15 }), '1.230000071797338e+24');
    assert.equal(scientific(big, FLOAT32, { expDigits: 4 }), '1.23e+0024');
  });

  it('rounds to float16 with ties to even and overflow to inf (recorded: np.float16(v))', () => {
    const got = [-2049, -2051, 2049, 2051, 65520, 65519].map((v) => roundToFormat(v, FLOAT16));
    assert.deepEqual(got, [-2048, -2052, 2048, 2052, Infinity, 65504]);
  });

  it('trim modes', () => {
    assert.equal(positional(4, FLOAT32, { trim: 'k' }), '4.');
    assert.equal(positional(4, FLOAT32, { trim: '.' }), '4.');
    assert.equal(positional(4, FLOAT32, { trim: '0' }), '4.0');
    assert.equal(positional(4, FLOAT32, { trim: '-' }), '4');
    assert.equal(positional(0.5, FLOAT32, { trim: '.', padLeft: 3, padRight: 2 }), '  0.5 ');
  });
});

describe('array/format: NumPy scalar str (str of a 0-d array)', () => {
  const table: [DType, number, string][] = [
    ['float32', Math.fround(0.1), '0.1'],
    ['float32', 1, '1.0'],
    ['float32', -0, '-0.0'],
    ['float32', Math.fround(1e-5), '1e-05'],
    ['float32', Math.fround(1e20), '1e+20'],
    ['float32', NaN, 'nan'],
    ['float32', -Infinity, '-inf'],
    ['float64', 1 / 3, '0.3333333333333333'],
    // recorded (NumPy 2.4.6): the positional range ends at 10**finfo.precision for
    // float16/float32 (1e3, 1e6), and stays 1e16 for float64; float32(1e-4) is just below 1e-4.
    ['float32', 123456, '123456.0'],
    ['float32', 1e6, '1e+06'],
    ['float32', Math.fround(1e-4), '1e-04'],
    ['float16', 999, '999.0'],
    ['float16', 1000, '1e+03'],
    ['float64', 1e15, '1000000000000000.0'],
    ['float64', 1e16, '1e+16'],
  ];
  for (const [dtype, x, want] of table) {
    it(`str(np.${dtype}(${want}))`, () => assert.equal(arrayStr(scalar(dtype, x)), want));
  }

  it('complex scalars (recorded)', () => {
    assert.equal(numpyComplexStr(1, 1, FLOAT32), '(1+1j)');
    assert.equal(numpyComplexStr(0, 1.5, FLOAT32), '1.5j');
    assert.equal(numpyComplexStr(0, -1, FLOAT32), '-1j');
    assert.equal(numpyComplexStr(NaN, 1, FLOAT32), '(nan+1j)');
    assert.equal(numpyComplexStr(Math.fround(1e20), Math.fround(1e-5), FLOAT32), '(1e+20+1e-05j)');
  });

  it('numpyFloatStr agrees with the array path', () => {
    assert.equal(numpyFloatStr(Math.fround(0.961043), FLOAT32), '0.961043');
  });
});

describe('array/format: C %g (ml_dtypes bfloat16 scalars)', () => {
  const table: [number, string][] = [
    [0.0001, '0.0001'],
    [100000, '100000'],
    [1e6, '1e+06'],
    [1e-5, '1e-05'],
    [1 / 3, '0.333333'],
    [0.333984375, '0.333984'], // bfloat16(1/3): jax-ml/jax#18820 prints [0.333984]
    [0.0009765625, '0.000976562'], // exact tie: round half to even
    [1, '1'],
    [-0, '-0'],
    [NaN, 'nan'],
    [-Infinity, '-inf'],
  ];
  for (const [x, want] of table) it(`%g of ${x}`, () => assert.equal(cFormatG(x), want));

  it('a bfloat16 array prints each element with %g, unpadded', () => {
    const data = storageFor('bfloat16', 3);
    data.set([1, 0.333984375, -2.5]);
    assert.equal(arrayRepr(new NDArray('bfloat16', [3], data)), 'Array([1, 0.333984, -2.5], dtype=bfloat16)');
    assert.equal(arrayStr(scalar('bfloat16', 0.333984375)), '0.333984');
  });
});

describe("array/format: Python's format() (the format-spec mini-language docs)", () => {
  const f = (value: number, spec: string): string => pyFormat({ kind: 'float', value }, spec);
  const i = (value: number, spec: string): string => pyFormat({ kind: 'int', value: BigInt(value) }, spec);
  it('float examples', () => {
    assert.equal(f(3.14, '+f'), '+3.140000');
    assert.equal(f(-3.14, '+f'), '-3.140000');
    assert.equal(f(3.14, ' f'), ' 3.140000');
    assert.equal(f(3.14, '-f'), '3.140000');
    assert.equal(f(19 / 22, '.2%'), '86.36%');
    assert.equal(f(3.14159, '06.2f'), '003.14');
    assert.equal(f(1234567.0, ',.2f'), '1,234,567.00');
    assert.equal(f(2.5, '.0f'), '2'); // round half to even
    assert.equal(f(1.0, '.3'), '1.0');
    assert.equal(f(100.0, '.3'), '1e+02');
    assert.equal(f(1234.5, '.3'), '1.23e+03');
    assert.equal(f(123456789.0, 'g'), '1.23457e+08');
    assert.equal(f(1.0, '#g'), '1.00000');
    assert.equal(f(Infinity, 'F'), 'INF');
    assert.equal(f(0.1, ''), '0.1');
    assert.equal(f(0.1, '.20f'), '0.10000000000000000555');
    // 'z' coerces a negative zero after rounding (docs); zero padding is grouped too (recorded,
    // CPython 3.11).
    assert.equal(f(-0.001, 'z.1f'), '0.0');
    assert.equal(f(-Infinity, 'z'), '-inf');
    assert.equal(f(1234.5, '010,.1f'), '0,001,234.5');
    assert.equal(i(0, '012_'), '0_000_000_000');
  });
  it('int examples', () => {
    assert.equal(i(1234567890, ','), '1,234,567,890');
    assert.equal(`int: ${i(42, 'd')};  hex: ${i(42, 'x')};  oct: ${i(42, 'o')};  bin: ${i(42, 'b')}`, 'int: 42;  hex: 2a;  oct: 52;  bin: 101010');
    assert.equal(`${i(42, '#x')} ${i(42, '#o')} ${i(42, '#b')}`, '0x2a 0o52 0b101010');
    assert.equal(i(3, '.2f'), '3.00');
    assert.throws(() => i(3, '.2'), (e: PyError) => e.pyType === 'ValueError' && e.message === 'Precision not allowed in integer format specifier');
  });
  it('strings and errors', () => {
    assert.equal(pyFormat({ kind: 'str', value: 'centered' }, '*^30'), '***********centered***********');
    assert.throws(
      () => pyFormat({ kind: 'float', value: 1 }, 'd'),
      (e: PyError) => e.pyType === 'ValueError' && e.message === "Unknown format code 'd' for object of type 'float'",
    );
  });
  it('complex', () => {
    assert.equal(pyFormat({ kind: 'complex', re: 1, im: 1 }, ''), '(1+1j)');
    assert.equal(pyFormat({ kind: 'complex', re: 1, im: 1 }, '.2f'), '1.00+1.00j');
    assert.equal(pyFormat({ kind: 'complex', re: 0, im: 1 }, ''), '1j');
  });
});

describe('array/format: format(x, spec) of an Array', () => {
  it('a 0-d array formats its Python scalar (SEMANTICS §1.5: "got 9.0")', () => {
    assert.equal(formatScalarForFormat(scalar('float32', 9, true), ''), '9.0');
    assert.equal(formatScalarForFormat(scalar('int32', 3), ''), '3');
    assert.equal(formatScalarForFormat(scalar('bool', 1), ''), 'True');
    assert.equal(formatScalarForFormat(scalar('float32', 2.5), '.3f'), '2.500');
  });
  it('float32 goes through a Python float, so 0.1 shows its float64 digits', () => {
    // NumPy's scalar __format__ converts np.float32 to float before formatting.
    assert.equal(formatScalarForFormat(scalar('float32', Math.fround(0.1)), ''), '0.10000000149011612');
  });
  it('bfloat16 formats as a Python float (ml_dtypes#387: __format__ delegates to float)', () => {
    assert.equal(formatScalarForFormat(scalar('bfloat16', 0.333984375), ''), '0.333984375');
    assert.equal(formatScalarForFormat(scalar('bfloat16', 0.333984375), '.2f'), '0.33');
  });
  it('a non-0-d array accepts only the empty spec', () => {
    const data = storageFor('float32', 2);
    data.set([2, 2]);
    const a = new NDArray('float32', [2], data);
    assert.equal(formatScalarForFormat(a, ''), '[2. 2.]');
    assert.throws(
      () => formatScalarForFormat(a, '.2f'),
      (e: PyError) => e.pyType === 'TypeError' && e.message === 'unsupported format string passed to numpy.ndarray.__format__',
    );
  });
});

describe('array/format: float32 shortest digits', () => {
  it('prints the shortest decimal that reads back as the same float32', () => {
    assert.equal(float32ShortestDigits(0.1), '0.1');
    assert.equal(float32ShortestDigits(Math.fround(1 / 3)), '0.33333334');
    assert.equal(float32ShortestDigits(4), '4.0');
    assert.equal(float32ShortestDigits(Math.fround(0.07065082)), '0.07065082');
    assert.equal(float32ShortestDigits(Math.fround(1e-5)), '1e-05');
    assert.equal(float32ShortestDigits(NaN), 'nan');
    assert.equal(float32ShortestNumber(Math.fround(0.1)), 0.1);
  });
});

describe('array/format: float0 arrays (NumPy structured void)', () => {
  it("JAX's documented grad(allow_int=True) result", () => {
    assert.equal(float0Repr([]), "array((b'',), dtype=[('float0', 'V')])");
  });
  it('shapes (recorded)', () => {
    assert.equal(float0Repr([2]), "array([(b'',), (b'',)], dtype=[('float0', 'V')])");
    assert.equal(float0Repr([2, 2]), "array([[(b'',), (b'',)],\n       [(b'',), (b'',)]], dtype=[('float0', 'V')])");
    assert.equal(float0Repr([0]), "array([], dtype=[('float0', 'V')])");
    assert.equal(float0Repr([2, 0]), "array([], shape=(2, 0), dtype=[('float0', 'V')])");
    assert.equal(
      float0Repr([12]),
      "array([(b'',), (b'',), (b'',), (b'',), (b'',), (b'',), (b'',), (b'',),\n       (b'',), (b'',), (b'',), (b'',)], dtype=[('float0', 'V')])",
    );
    assert.equal(float0Str([]), "(b'',)");
    assert.equal(float0Str([2]), "[(b'',) (b'',)]");
    assert.equal(float0Str([0]), '[]');
  });
});
