// Control flow, truthiness, comparisons and containers. Oracle: the Python language reference.

import assert from 'node:assert/strict';
import { errorOf, evalRepr, run } from './helpers';

describe('interp: control flow and containers', () => {
  it('runs for/while with break, continue and else', () => {
    const src = `
out = []
for i in range(10):
    if i % 2: continue
    if i > 6: break
    out.append(i)
else:
    out.append("no-break")
n = 0
while n < 3:
    n += 1
else:
    out.append(n)
out
`;
    assert.equal(run(src).last, '[0, 2, 4, 6, 3]');
    assert.equal(evalRepr('r', 'r = "x"\nfor i in []:\n    pass\nelse:\n    r = "else"'), "'else'");
  });

  it('and/or return operands; not gives a bool', () => {
    assert.equal(evalRepr('0 or "x", [] and 1, 2 and 3, None or 0, not []'), "('x', [], 3, 0, True)");
  });

  it('chains comparisons and evaluates each operand once', () => {
    const src = 'calls = []\ndef v(x):\n    calls.append(x)\n    return x\nr = v(1) < v(2) < v(0) < v(5)\n(r, calls)';
    assert.equal(run(src).last, '(False, [1, 2, 0])');
    assert.equal(evalRepr('1 < 2 > 0, 1 == 1.0 != 2, 3 in [1, 3] not in [[1]]'), '(True, True, True)');
  });

  it('is/is not/in/not in', () => {
    assert.equal(evalRepr('a is a, a is not [1], None is None, 1 in {1: 2}, "k" not in {"k": 1}', 'a = [1]'), '(True, True, True, True, False)');
  });

  it('unpacks nested and starred targets', () => {
    assert.equal(evalRepr('(a, b, c, d)', '(a, b), [c, *d] = (1, 2), "xyz"'), "(1, 2, 'x', ['y', 'z'])");
    assert.equal(evalRepr('(x, y)', 'x, y = 1, 2\nx, y = y, x'), '(2, 1)');
    assert.equal(evalRepr('(p, q)', 'p = q = []\np.append(1)'), '([1], [1])');
  });

  it('augmented assignment mutates lists in place and rebinds ints', () => {
    assert.equal(evalRepr('(a, b)', 'a = [1]\nb = a\na += [2]'), '([1, 2], [1, 2])');
    assert.equal(evalRepr('(a, b)', 'a = (1,)\nb = a\na += (2,)'), '((1, 2), (1,))');
    assert.equal(evalRepr('d', 'd = {"k": 1}\nd["k"] += 5'), "{'k': 6}");
    assert.equal(evalRepr('l', 'l = [1, 2]\nl[0] *= 10'), '[10, 2]');
  });

  it('slices lists, tuples, strings and ranges', () => {
    assert.equal(evalRepr('l[1:3], l[::-2], l[-2:], l[:-10], l[5:1:-1]', 'l = list(range(6))'), '([1, 2], [5, 3, 1], [4, 5], [], [5, 4, 3, 2])');
    assert.equal(evalRepr('l', 'l = [0, 1, 2, 3]\nl[1:3] = ["a"]'), "[0, 'a', 3]");
    assert.equal(evalRepr('range(10)[2:8:2], len(range(0, 10, 3)), 5 in range(0, 10, 5), list(range(5, 0, -2))'), '(range(2, 8, 2), 4, True, [5, 3, 1])');
    assert.equal(errorOf('[1][::0]'), 'ValueError: slice step cannot be zero');
  });

  it('dicts keep insertion order and treat 1, 1.0, True as one key', () => {
    assert.equal(evalRepr('d', 'd = {1: "a", 1.0: "b", True: "c", "x": 0}'), "{1: 'c', 'x': 0}");
    assert.equal(evalRepr('list(d), list(d.values()), d.pop("a"), d', 'd = {"a": 1, "b": 2}'), "(['a', 'b'], [1, 2], 1, {'b': 2})");
    assert.equal(evalRepr('dict(zip("ab", [1, 2])), dict(a=1), {**{"a": 1}, "b": 2}, {"a": 1} == {"a": 1.0}'), "({'a': 1, 'b': 2}, {'a': 1}, {'a': 1, 'b': 2}, True)");
  });

  it('dict views are live and repr like Python 3', () => {
    assert.equal(evalRepr('k, d.items(), "a" in k, len(d.values())', 'd = {"a": 1}\nk = d.keys()\nd["b"] = 2'), "(dict_keys(['a', 'b']), dict_items([('a', 1), ('b', 2)]), True, 2)");
  });

  it('sets, tuples and lists compare and hash by value', () => {
    assert.equal(evalRepr('{1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1} < {1, 2}, set()'), '({1, 2, 3}, {2}, {1}, True, set())');
    assert.equal(evalRepr('(1, 2) < (1, 3), [1, 2] == [1, 2], (1,) + (2,), {(1, 2): "t"}[(1, 2)]'), "(True, True, (1, 2), 't')");
  });

  it('list methods', () => {
    assert.equal(evalRepr('l', 'l = [3, 1, 2]\nl.append(0)\nl.extend((9,))\nl.insert(0, 7)\nl.sort(key=lambda v: -v)'), '[9, 7, 3, 2, 1, 0]');
    assert.equal(evalRepr('l.pop(), l.pop(0), l, l.index(2), l.count(2), l.copy() is l', 'l = [1, 2, 3, 4]'), '(4, 1, [2, 3], 0, 1, False)');
    // sort is stable, with reverse keeping equal keys in order.
    assert.equal(evalRepr('sorted(p, key=lambda t: t[0], reverse=True)', 'p = [(1, "a"), (2, "b"), (1, "c")]'), "[(2, 'b'), (1, 'a'), (1, 'c')]");
  });

  it('with statements call __enter__/__exit__, which may suppress errors', () => {
    const cm = `
log = []
class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        log.append("enter " + self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        log.append("exit " + self.name + " " + (t.__name__ if t else "ok"))
        return self.swallow
`;
    assert.equal(evalRepr('log', `${cm}\nwith CM("a") as x, CM("b") as y:\n    log.append(x + y)`), "['enter a', 'enter b', 'AB', 'exit b ok', 'exit a ok']");
    assert.equal(evalRepr('log', `${cm}\nwith CM("s", True):\n    1 / 0\nlog.append("after")`), "['enter s', 'exit s ZeroDivisionError', 'after']");
    assert.equal(errorOf(`${cm}\nwith CM("k"):\n    [][1]`), 'IndexError: list index out of range');
    assert.equal(errorOf('with 1:\n    pass'), "TypeError: 'int' object does not support the context manager protocol");
  });

  it('conditional expressions, pass and Ellipsis', () => {
    assert.equal(evalRepr('("y" if 0 else "n"), ...', 'pass'), "('n', Ellipsis)");
  });
});
