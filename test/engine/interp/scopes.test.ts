// Scopes: closures see live bindings (cells), nonlocal/global rebinding, comprehension scopes,
// defaults evaluated once at definition, decorators. Oracle: the Python execution model docs.

import assert from 'node:assert/strict';
import { errorOf, evalRepr, run } from './helpers';

describe('interp: scopes and functions', () => {
  it('closures capture variables, not values', () => {
    assert.equal(evalRepr('[f() for f in fs]', 'fs = [lambda: i for i in range(3)]'), '[2, 2, 2]');
    assert.equal(evalRepr('[f() for f in fs]', 'fs = [lambda i=i: i for i in range(3)]'), '[0, 1, 2]');
  });

  it('nonlocal rebinds the enclosing variable', () => {
    const src = `
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c(); c()
c()
`;
    assert.equal(run(src).last, '3');
  });

  it('global rebinds the module variable', () => {
    assert.equal(evalRepr('g', 'g = 1\ndef f():\n    global g\n    g = 5\nf()'), '5');
    assert.equal(evalRepr('g', 'g = 1\ndef f():\n    g = 5\nf()'), '1');
  });

  it('comprehension variables do not leak; the first iterable is evaluated outside', () => {
    assert.equal(errorOf('[q for q in range(3)]\nq'), "NameError: name 'q' is not defined");
    assert.equal(evalRepr('x', 'x = "outer"\n[x for x in range(3)]'), "'outer'");
    assert.equal(evalRepr('[(i, j) for i in range(3) for j in range(i)]'), '[(1, 0), (2, 0), (2, 1)]');
    assert.equal(evalRepr('{k: v * 2 for k, v in {"a": 1, "b": 2}.items() if v > 1}'), "{'b': 4}");
    assert.equal(evalRepr('{x % 3 for x in range(10)}'), '{0, 1, 2}');
    assert.equal(evalRepr('sum(x * x for x in range(4))'), '14');
  });

  it('evaluates default values once, at definition', () => {
    assert.equal(evalRepr('(f(), f())', 'def f(acc=[]):\n    acc.append(1)\n    return len(acc)'), '(1, 2)');
  });

  it('applies decorators bottom-up', () => {
    const src = `
def tag(t):
    def deco(fn):
        return lambda *a: t + fn(*a)
    return deco
@tag("a")
@tag("b")
def f(x):
    return x
f("c")
`;
    assert.equal(run(src).last, "'abc'");
  });

  it('passes *args and **kwargs through', () => {
    assert.equal(evalRepr('f(*[1, 2], **{"z": 3})', 'def f(*a, **k): return a, k'), "((1, 2), {'z': 3})");
    assert.equal(evalRepr('g(1, *(2, 3), y=4)', 'def g(a, b, c, y): return a + b + c + y'), '10');
  });

  it('exposes function names, parameters and spans', () => {
    const o = run('def loss(w, b=1.0, *xs, k, **kw):\n    return w\n');
    const f = o.interp.functionNamed('loss');
    assert.ok(f);
    assert.deepEqual(f.parameterNames, ['w', 'b', 'xs', 'k', 'kw']);
    assert.equal(f.name, 'loss');
    assert.deepEqual(f.span, { from: 0, to: 46 });
    assert.equal(evalRepr('loss.__name__', 'def loss(w): pass'), "'loss'");
  });

  it('recursion works and deep recursion is a RecursionError', () => {
    assert.equal(evalRepr('fib(15)', 'def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)'), '610');
    assert.equal(errorOf('def r(n): return r(n + 1)\nr(0)'), 'RecursionError: maximum recursion depth exceeded');
  });

  it('deletes names', () => {
    assert.equal(errorOf('a = 1\ndel a\na'), "NameError: name 'a' is not defined");
    assert.equal(evalRepr('d', 'd = {"a": 1, "b": 2}\ndel d["a"]'), "{'b': 2}");
  });
});
