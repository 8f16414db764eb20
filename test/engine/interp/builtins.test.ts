// Builtin functions and the modules Grad Lens provides (math, functools, operator, itertools).
// Oracle: the Python library reference.

import assert from 'node:assert/strict';
import { errorOf, evalRepr } from './helpers';

describe('interp: builtins and modules', () => {
  it('iteration helpers', () => {
    assert.equal(evalRepr('list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")), list(map(lambda a, b: a * b, [1, 2], [3, 4])), list(filter(None, [0, 1, "", "x"]))'), "([(1, 'a'), (2, 'b')], [(1, 'a'), (2, 'b')], [3, 8], [1, 'x'])");
    assert.equal(evalRepr('list(reversed([1, 2, 3])), sorted("bca"), sum([1, 2, 3]), sum([0.5, 0.25], 1), any([0, 1]), all([])'), "([3, 2, 1], ['a', 'b', 'c'], 6, 1.75, True, True)");
    assert.equal(evalRepr('min(3, 1, 2), max("ab", "b", key=len), max([], default=None), min([(2, "b"), (1, "z")])'), "(1, 'ab', None, (1, 'z'))");
    assert.equal(evalRepr('next(it), next(it), next(it, "done")', 'it = iter([1, 2])'), "(1, 2, 'done')");
    assert.equal(errorOf('next(iter([]))'), 'StopIteration: ');
    assert.equal(errorOf('sum(["a"], "")'), "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
  });

  it('type queries and attributes', () => {
    assert.equal(evalRepr('isinstance(True, int), isinstance(1, (str, float)), issubclass(bool, int), type(1) is int, type([]), callable(len), callable(1)'), "(True, False, True, True, <class 'list'>, True, False)");
    assert.equal(evalRepr('hasattr([], "append"), getattr(1, "real"), getattr([], "nope", 7)'), '(True, 1, 7)');
    assert.equal(errorOf('isinstance(1, 2)'), 'TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union');
  });

  it('number helpers', () => {
    assert.equal(evalRepr('divmod(7, -2), divmod(7.5, 2), pow(3, 4), pow(3, 4, 5), pow(2, -2), abs(-1+0j)'), '((-4, -1), (3.0, 1.5), 81, 1, 0.25, 1.0)');
    assert.equal(evalRepr('chr(97), ord("a"), hex(255), bin(5), oct(8), hash(1) == hash(1.0) == hash(True)'), "('a', 97, '0xff', '0b101', '0o10', True)");
    assert.equal(evalRepr('format(3.14159, ".3f"), format(5, "03d"), repr([1, "a"]), str(2.0)'), "('3.142', '005', \"[1, 'a']\", '2.0')");
    assert.equal(errorOf('ord("ab")'), 'TypeError: ord() expected a character, but string of length 2 found');
  });

  it('math', () => {
    assert.equal(evalRepr('math.sqrt(16), math.pi, math.e, math.inf, math.floor(-1.5), math.ceil(1.2), math.isclose(1.0, 1.0 + 1e-10)', 'import math'), '(4.0, 3.141592653589793, 2.718281828459045, inf, -2, 2, True)');
    assert.equal(evalRepr('math.exp(0), math.log(math.e), math.log(8, 2), math.tanh(0.0), math.isnan(math.nan), math.prod([1, 2, 3]), math.factorial(5)', 'import math'), '(1.0, 1.0, 3.0, 0.0, True, 6, 120)');
    assert.equal(errorOf('import math\nmath.sqrt(-1)'), 'ValueError: math domain error');
    assert.equal(errorOf('import math\nmath.log(0)'), 'ValueError: math domain error');
  });

  it('functools, operator, itertools', () => {
    assert.equal(evalRepr('reduce(operator.mul, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10), partial(pow, 2)(5)', 'from functools import reduce, partial\nimport operator'), '(24, 10, 32)');
    assert.equal(evalRepr('list(chain([1], (2,))), list(product("ab", [0, 1]))', 'from itertools import chain, product'), "([1, 2], [('a', 0), ('a', 1), ('b', 0), ('b', 1)])");
    assert.equal(errorOf('from functools import nope'), "ImportError: cannot import name 'nope' from 'functools' (unknown location)");
  });

  it('collections.defaultdict and OrderedDict', () => {
    assert.equal(evalRepr('d, d["x"], isinstance(d, dict)', 'from collections import defaultdict\nd = defaultdict(list)\nd["a"].append(1)'), "(defaultdict(<class 'list'>, {'a': [1], 'x': []}), [], True)");
    assert.equal(evalRepr('OrderedDict([("b", 1), ("a", 2)]), OrderedDict()', 'from collections import OrderedDict'), "(OrderedDict({'b': 1, 'a': 2}), OrderedDict())");
    assert.equal(errorOf('from collections import defaultdict\ndefaultdict(None)["k"]'), "KeyError: 'k'");
  });

  it('typing and __future__ imports are accepted', () => {
    assert.equal(evalRepr('f(2)', 'from __future__ import annotations\nfrom typing import Callable, Tuple\ndef f(x: int) -> Tuple[int, int]:\n    return (x, x)'), '(2, 2)');
  });
});
