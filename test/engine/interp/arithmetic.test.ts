// Numbers with Python's semantics. Oracles: the Python language reference (arithmetic
// conversions, floor division, modulo), CPython's float repr rules, and hand-computed values.

import assert from 'node:assert/strict';
import { errorOf, evalRepr } from './helpers';

describe('interp: arithmetic', () => {
  const cases: [string, string][] = [
    ['3/2', '1.5'],
    ['4/2', '2.0'],
    ['True + 1', '2'],
    ['True + True', '2'],
    ['True & False', 'False'],
    ['[1]*3', '[1, 1, 1]'],
    ['3*[0]', '[0, 0, 0]'],
    ['2**-1', '0.5'],
    ['2**10', '1024'],
    ['2**100', '1267650600228229401496703205376'],
    ['-7 // 2', '-4'],
    ['-7 % 2', '1'],
    ['7 % -2', '-1'],
    ['7 // -2', '-4'],
    ['-7.5 // 2', '-4.0'],
    ['-7.5 % 2', '0.5'],
    ['5.0 % -3', '-1.0'],
    ['divmod(-7, 2)', '(-4, 1)'],
    ['10**20 + 1', '100000000000000000001'],
    ['(-8) ** 2', '64'],
    ['1 << 70', '1180591620717411303424'],
    ['-(2**63) >> 1', '-4611686018427387904'],
    ['~5', '-6'],
    ['abs(-3)', '3'],
    ['abs(-2.5)', '2.5'],
    ['1 == 1.0', 'True'],
    ['2**53 + 1 == 2.0**53', 'False'],
    ['2**53 + 1 > 2.0**53', 'True'],
    ['0.1 + 0.2 == 0.3', 'False'],
    ['float("nan") == float("nan")', 'False'],
    ['1 < 2.5 <= 2.5', 'True'],
    ['(1+2j) * (3-1j)', '(5+5j)'],
    ['2j', '2j'],
    ['complex(1, -1)', '(1-1j)'],
  ];
  for (const [expr, expected] of cases) {
    it(`${expr} == ${expected}`, () => assert.equal(evalRepr(expr), expected));
  }

  it('reprs floats like CPython', () => {
    assert.equal(evalRepr('0.1'), '0.1');
    assert.equal(evalRepr('1e16'), '1e+16');
    assert.equal(evalRepr('1e15'), '1000000000000000.0');
    assert.equal(evalRepr('1.0'), '1.0');
    assert.equal(evalRepr('0.0001'), '0.0001');
    assert.equal(evalRepr('0.00001'), '1e-05');
    assert.equal(evalRepr('-0.0'), '-0.0');
    assert.equal(evalRepr('1.5e-310'), '1.5e-310');
    assert.equal(evalRepr('float("inf"), -float("inf"), float("nan")'), '(inf, -inf, nan)');
    assert.equal(evalRepr('0.1 + 0.2'), '0.30000000000000004');
    assert.equal(evalRepr('2.0 ** 0.5'), '1.4142135623730951');
  });

  it('rounds half to even, as round() is documented to', () => {
    assert.equal(evalRepr('round(2.5), round(3.5), round(-2.5), round(0.5)'), '(2, 4, -2, 0)');
    // 2.675 is stored as 2.67499999..., so it rounds down (the docs' own example).
    assert.equal(evalRepr('round(2.675, 2)'), '2.67');
    assert.equal(evalRepr('round(0.125, 2), round(0.375, 2)'), '(0.12, 0.38)');
    assert.equal(evalRepr('round(1250, -2), round(1350, -2)'), '(1200, 1400)');
    assert.equal(evalRepr('round(7)'), '7');
  });

  it('converts between int, float and str', () => {
    assert.equal(evalRepr('int("12"), int(" -3 "), int("1_000"), int("ff", 16), int("0x1f", 0)'), '(12, -3, 1000, 255, 31)');
    assert.equal(evalRepr('int(3.9), int(-3.9), int(True)'), '(3, -3, 1)');
    assert.equal(evalRepr('float("1.5"), float("-inf"), float(2), float("  1e3 ")'), '(1.5, -inf, 2.0, 1000.0)');
    assert.equal(evalRepr('bool(0), bool(0.0), bool(""), bool([]), bool([0]), bool(None)'), '(False, False, False, False, True, False)');
  });

  it('raises the ZeroDivisionError texts of CPython', () => {
    assert.equal(errorOf('1 / 0'), 'ZeroDivisionError: division by zero');
    assert.equal(errorOf('1.0 / 0'), 'ZeroDivisionError: float division by zero');
    assert.equal(errorOf('5 // 0'), 'ZeroDivisionError: integer division or modulo by zero');
    assert.equal(errorOf('5 % 0'), 'ZeroDivisionError: integer modulo by zero');
    assert.equal(errorOf('0 ** -1'), 'ZeroDivisionError: 0.0 cannot be raised to a negative power');
  });

  it('raises the TypeError texts of CPython for mixed operands', () => {
    assert.equal(errorOf('1 + "a"'), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    assert.equal(errorOf('"a" + 1'), 'TypeError: can only concatenate str (not "int") to str');
    assert.equal(errorOf('[1] + (2,)'), 'TypeError: can only concatenate list (not "tuple") to list');
    assert.equal(errorOf('[1] * 2.0'), "TypeError: can't multiply sequence by non-int of type 'float'");
    assert.equal(errorOf('2 ** "x"'), "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'");
    assert.equal(errorOf('1 < "a"'), "TypeError: '<' not supported between instances of 'int' and 'str'");
    assert.equal(errorOf('-"a"'), "TypeError: bad operand type for unary -: 'str'");
    assert.equal(errorOf('int("abc")'), "ValueError: invalid literal for int() with base 10: 'abc'");
    assert.equal(errorOf('float("x")'), "ValueError: could not convert string to float: 'x'");
    assert.equal(errorOf('int(float("nan"))'), 'ValueError: cannot convert float NaN to integer');
  });
});
