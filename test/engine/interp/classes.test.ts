// `class` statements (a bonus of the subset): attributes, methods, dunders as slots,
// inheritance with super(), properties, static/class methods, user exceptions.

import assert from 'node:assert/strict';
import { errorOf, evalRepr } from './helpers';

const VEC = `
class Vec:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    @staticmethod
    def zero():
        return Vec(0, 0)
    @classmethod
    def unit(cls):
        return cls(1, 0)
`;

describe('interp: classes', () => {
  it('instances, methods and dunder operators', () => {
    assert.equal(evalRepr('Vec(1, 2) + Vec(3, 4), 2 * Vec(1, 1), Vec(1, 2) == Vec(1, 2), Vec(1, 2) != Vec(1, 2)', VEC), '(Vec(4, 6), Vec(2, 2), True, False)');
    assert.equal(evalRepr('len(v), v[1], list(v), v.norm2, Vec.zero(), Vec.unit(), v.dims', `${VEC}\nv = Vec(3, 4)`), '(2, 4, [3, 4], 25, Vec(0, 0), Vec(1, 0), 2)');
    assert.equal(errorOf(`${VEC}\nVec(1, 2).z`), "AttributeError: 'Vec' object has no attribute 'z'");
    assert.equal(errorOf(`${VEC}\nVec(1)`), "TypeError: Vec.__init__() missing 1 required positional argument: 'y'");
  });

  it('inheritance and super()', () => {
    const src = 'class A:\n    def who(self):\n        return "A"\nclass B(A):\n    def who(self):\n        return "B" + super().who()\n';
    assert.equal(evalRepr('B().who(), isinstance(B(), A), issubclass(B, A)', src), "('BA', True, True)");
  });

  it('user exceptions are caught by their bases', () => {
    const src = 'class MyError(ValueError):\n    pass\ntry:\n    raise MyError("boom")\nexcept ValueError as e:\n    r = (type(e).__name__, str(e))\n';
    assert.equal(evalRepr('r', src), "('MyError', 'boom')");
    assert.equal(errorOf('class E(Exception): pass\nraise E("x")'), 'E: x');
  });

  it('default repr names the class', () => {
    assert.match(evalRepr('C()', 'class C: pass'), /^<__main__\.C object at 0x[0-9a-f]+>$/);
  });
});
