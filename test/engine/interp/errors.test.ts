// Exceptions: CPython's texts for common mistakes (checked against CPython 3.12 behaviour),
// try/except/else/finally semantics, raise forms, tracebacks.

import assert from 'node:assert/strict';
import { errorOf, evalRepr, run } from './helpers';

describe('interp: errors and exceptions', () => {
  it('uses CPython texts for common mistakes', () => {
    const cases: [string, string][] = [
      ['x', "NameError: name 'x' is not defined"],
      ['[1][3]', 'IndexError: list index out of range'],
      ['(1,)[3]', 'IndexError: tuple index out of range'],
      ['"ab"[5]', 'IndexError: string index out of range'],
      ['l = [1]\nl[4] = 0', 'IndexError: list assignment index out of range'],
      ['{}["k"]', "KeyError: 'k'"],
      ['[].foo', "AttributeError: 'list' object has no attribute 'foo'"],
      ['import math\nmath.foo', "AttributeError: module 'math' has no attribute 'foo'"],
      ['(1)()', "TypeError: 'int' object is not callable"],
      ['for q in 1.5: pass', "TypeError: 'float' object is not iterable"],
      ['a, b = [1, 2, 3]', 'ValueError: too many values to unpack (expected 2)'],
      ['a, b, c = [1, 2]', 'ValueError: not enough values to unpack (expected 3, got 2)'],
      ['a, *b, c = [1]', 'ValueError: not enough values to unpack (expected at least 2, got 1)'],
      ['a, b = 1', 'TypeError: cannot unpack non-iterable int object'],
      ['(1, 2)[0] = 3', "TypeError: 'tuple' object does not support item assignment"],
      ['1[0]', "TypeError: 'int' object is not subscriptable"],
      ['[1]["a"]', 'TypeError: list indices must be integers or slices, not str'],
      ['{[1]: 2}', "TypeError: unhashable type: 'list'"],
      ['len(5)', "TypeError: object of type 'int' has no len()"],
      ['[].pop()', 'IndexError: pop from empty list'],
      ['[1].remove(2)', 'ValueError: list.remove(x): x not in list'],
      ['[1].index(2)', 'ValueError: 2 is not in list'],
      ['max([])', 'ValueError: max() iterable argument is empty'],
      ['"abc".index("z")', 'ValueError: substring not found'],
      ['1 in 2', "TypeError: argument of type 'int' is not iterable"],
      ['def f():\n    y = y + 1\nf()', "UnboundLocalError: cannot access local variable 'y' where it is not associated with a value"],
    ];
    for (const [src, expected] of cases) assert.equal(errorOf(src), expected, src);
  });

  it('checks call arguments with CPython texts', () => {
    const defs = 'def f(a, b=2, *, c, **kw): pass\ndef g(x, y): pass\ndef h(p, /, q): pass\n';
    assert.equal(errorOf(`${defs}f(c=1)`), "TypeError: f() missing 1 required positional argument: 'a'");
    assert.equal(errorOf(`${defs}g()`), "TypeError: g() missing 2 required positional arguments: 'x' and 'y'");
    assert.equal(errorOf(`${defs}f(1)`), "TypeError: f() missing 1 required keyword-only argument: 'c'");
    assert.equal(errorOf(`${defs}g(1, 2, 3)`), 'TypeError: g() takes 2 positional arguments but 3 were given');
    assert.equal(errorOf(`${defs}f(1, 2, 3, c=4)`), 'TypeError: f() takes from 1 to 2 positional arguments but 3 positional arguments (and 1 keyword-only argument) were given');
    assert.equal(errorOf(`${defs}g(1, x=2)`), "TypeError: g() got multiple values for argument 'x'");
    assert.equal(errorOf(`${defs}g(1, z=2)`), "TypeError: g() got an unexpected keyword argument 'z'");
    assert.equal(errorOf(`${defs}h(p=1, q=2)`), "TypeError: h() got some positional-only arguments passed as keyword arguments: 'p'");
    assert.equal(errorOf('def k(): pass\nk(1)'), 'TypeError: k() takes 0 positional arguments but 1 was given');
    assert.equal(errorOf('(lambda x: x)()'), "TypeError: <lambda>() missing 1 required positional argument: 'x'");
    assert.equal(errorOf('def o():\n    def i(a): pass\n    i()\no()'), "TypeError: o.<locals>.i() missing 1 required positional argument: 'a'");
  });

  it('runs try/except/else/finally in Python order', () => {
    const o = run(`
log = []
def t(v):
    try:
        log.append("try")
        if v: raise ValueError("bad")
    except (TypeError, ValueError) as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
t(True); t(False)
log
`);
    assert.equal(o.last, "['try', 'except bad', 'finally', 'try', 'else', 'finally']");
  });

  it('lets return in finally override, and deletes the except name afterwards', () => {
    assert.equal(evalRepr('f()', 'def f():\n    try:\n        return 1\n    finally:\n        return 2'), '2');
    assert.equal(errorOf('try:\n    1/0\nexcept ZeroDivisionError as err:\n    pass\nerr'), "NameError: name 'err' is not defined");
  });

  it('raises classes, instances, re-raises, and chains causes', () => {
    assert.equal(errorOf('raise ValueError'), 'ValueError: ');
    assert.equal(errorOf('raise KeyError("k")'), "KeyError: 'k'");
    assert.equal(errorOf('try:\n    {}[1]\nexcept KeyError:\n    raise'), 'KeyError: 1');
    assert.equal(errorOf('raise 5'), 'TypeError: exceptions must derive from BaseException');
    assert.equal(errorOf('raise'), 'RuntimeError: No active exception to reraise');
    assert.equal(
      evalRepr('c', 'try:\n    try:\n        1/0\n    except ZeroDivisionError as e:\n        raise ValueError("v") from e\nexcept ValueError as v:\n    c = type(v.__cause__).__name__'),
      "'ZeroDivisionError'",
    );
    assert.equal(evalRepr('e.args', 'try:\n    raise ValueError("a", 1)\nexcept ValueError as x:\n    e = x'), "('a', 1)");
  });

  it('catches by the exception hierarchy of errors.ts', () => {
    assert.equal(evalRepr('r', 'try:\n    [][1]\nexcept LookupError:\n    r = "lookup"'), "'lookup'");
    assert.equal(evalRepr('r', 'try:\n    1/0\nexcept ArithmeticError:\n    r = 1'), '1');
  });

  it('asserts with the message', () => {
    assert.equal(errorOf('assert 1 == 2, "nope"'), 'AssertionError: nope');
    assert.equal(errorOf('assert []'), 'AssertionError: ');
  });

  it('records tracebacks outermost first, with the line of each frame', () => {
    const o = run('def inner():\n    return 1 / 0\n\ndef outer():\n    x = 1\n    return inner()\n\nouter()\n');
    const r = o.results[2];
    assert.ok(!r.ok);
    assert.deepEqual(r.traceback.map((f) => [f.name, f.range.start.line]), [['<module>', 8], ['outer', 6], ['inner', 2]]);
    // The module frame points at the call expression, 0-based columns.
    assert.deepEqual([r.traceback[0].range.start.column, r.traceback[0].range.end.column], [0, 7]);
  });

  it('locates an error at the innermost failing expression, as CPython does', () => {
    const o = run('y = [1, 2] + ("a" - 1)\nz = len([1]) + {}["k"]\n');
    const cols = o.results.map((r) => (r.ok ? null : [r.traceback[0].range.start.column, r.traceback[0].range.end.column]));
    assert.deepEqual(cols, [[14, 21], [15, 22]]);
  });

  it('break/continue/return where nothing encloses them are SyntaxErrors, not silence', () => {
    assert.equal(errorOf('return 1'), "SyntaxError: 'return' outside function");
    assert.equal(errorOf('if True:\n    break'), "SyntaxError: 'break' outside loop");
    assert.equal(errorOf('def f():\n    continue\nf()'), "SyntaxError: 'continue' not properly in loop");
  });

  it('continues with the next statement after an error', () => {
    const o = run('x = 1\n1/0\nx + 1\n');
    assert.equal(o.results[1].ok, false);
    assert.equal(o.last, '2');
  });
});
