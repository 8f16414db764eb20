// A foreign class defined here (as the jax layer defines Array) plugs into operators,
// attributes, indexing, iteration, calls, truthiness and formatting purely through
// PyClass.slots/attrs; and modules come from an injected registry.

import assert from 'node:assert/strict';
import { PyError, typeError } from '../../../src/engine/errors';
import {
  NotImplementedSignal, PyClass, PyFloat, PyModule, PyNativeFunction, PyObject, PyStr, objectClass, pyFloat, pyStr,
  toPyFloat,
} from '../../../src/engine/interp';
import { errorOf, evalRepr, run } from './helpers';

/** A scalar "Meter" value: supports + with numbers, comparisons, .value, [0], len, iter. */
class Meter extends PyObject {
  constructor(readonly v: number) {
    super();
  }
  get cls(): PyClass {
    return meterClass;
  }
}
const meterClass = new PyClass('Meter', [objectClass], 'units');
const asNumber = (o: PyObject): number | null => (o instanceof Meter ? o.v : o.cls.slot('float') || o.cls.name === 'int' ? toPyFloat(o) : null);
meterClass.slots.binary = (op, a, b) => {
  const y = asNumber(b);
  if (y === null || op !== '+') return NotImplementedSignal;
  return new Meter((a as Meter).v + y);
};
meterClass.slots.rbinary = (op, self, other) => {
  const x = asNumber(other);
  if (x === null || op !== '+') return NotImplementedSignal;
  return new Meter(x + (self as Meter).v);
};
meterClass.slots.compare = (op, a, b) => {
  const y = asNumber(b);
  if (y === null) return NotImplementedSignal;
  const x = (a as Meter).v;
  const r = op === '<' ? x < y : op === '>' ? x > y : op === '==' ? x === y : op === '!=' ? x !== y : op === '<=' ? x <= y : x >= y;
  return new PyStr(r ? 'yes' : 'no'); // not a bool, to prove the result is passed through
};
meterClass.slots.unary = (op, a) => new Meter(op === '-' ? -(a as Meter).v : (a as Meter).v);
meterClass.slots.getattr = (self, name) => (name === 'value' ? pyFloat((self as Meter).v) : undefined);
meterClass.slots.getitem = (self, key) => {
  if (toPyFloat(key) !== 0) throw new PyError('IndexError', 'meter index out of range');
  return pyFloat((self as Meter).v);
};
meterClass.slots.len = () => 1;
meterClass.slots.iter = (self) => [pyFloat((self as Meter).v)][Symbol.iterator]();
meterClass.slots.bool = (self) => {
  throw typeError(`truth of Meter(${(self as Meter).v}) is ambiguous`);
};
meterClass.slots.repr = (self) => `Meter(${(self as Meter).v})`;
meterClass.slots.format = (self, spec) => `${(self as Meter).v.toFixed(spec === '' ? 1 : Number(spec.replace(/\D/g, '')))} m`;
meterClass.slots.float = (self) => (self as Meter).v;
meterClass.attrs.set('double', new PyNativeFunction('double', ([self]) => new Meter((self as Meter).v * 2), 'Meter.double'));
meterClass.attrs.set('__new__', new PyNativeFunction('Meter', ([, v]) => new Meter(toPyFloat(v))));

function unitsModule(): PyModule {
  const m = new PyModule('units');
  m.attrs.set('Meter', meterClass);
  m.attrs.set('one', new Meter(1));
  return m;
}
function unitsExtraModule(): PyModule {
  const m = new PyModule('units.extra');
  m.attrs.set('twice', new PyNativeFunction('twice', ([x]) => new Meter(toPyFloat(x) * 2)));
  return m;
}
const modules = new Map([['units', unitsModule], ['units.extra', unitsExtraModule]]);
const setup = 'import units\nimport units.extra as ux\nfrom units import Meter, one\nm = Meter(2.5)\n';

function reprOf(expr: string): string {
  const o = run(`${setup}${expr}\n`, { modules });
  const r = o.results[o.results.length - 1];
  if (!r.ok) assert.fail(`${r.error.pyType}: ${r.error.message}`);
  return o.last!;
}

describe('interp: foreign classes through slots', () => {
  it('dispatches operators through binary/rbinary/unary/compare slots', () => {
    // `3 < m` has no int slot for Meter: the reflected comparison `m > 3` answers.
    assert.equal(reprOf('m + 1, 1 + m, 0.5 + m, -m, m < 3, 3 < m'), "(Meter(3.5), Meter(3.5), Meter(3), Meter(-2.5), 'yes', 'no')");
    assert.equal(reprOf('x = m\nx += 1\nx'), 'Meter(3.5)');
  });

  it('reports CPython texts when no slot handles the operands', () => {
    assert.equal(errorOf(`${setup}m * 2`, { modules }), "TypeError: unsupported operand type(s) for *: 'Meter' and 'int'");
    assert.equal(errorOf(`${setup}m.nope`, { modules }), "AttributeError: 'Meter' object has no attribute 'nope'");
  });

  it('uses attribute, method, item, len, iter, float and format slots', () => {
    assert.equal(reprOf('m.value, m.double(), m[0], len(m), list(m), float(m), f"{m:.2f}", f"{m}"'), "(2.5, Meter(5), 2.5, 1, [2.5], 2.5, '2.50 m', '2.5 m')");
  });

  it('a JAX error raised as a PyError is caught by its Python base classes', () => {
    const jaxish = new Map([['jaxish', () => {
      const m = new PyModule('jaxish');
      m.attrs.set('fail', new PyNativeFunction('fail', () => {
        throw new PyError('TracerBoolConversionError', 'Attempted boolean conversion of traced array');
      }));
      return m;
    }]]);
    const src = 'import jaxish\nr = []\nfor base in (TypeError, Exception):\n    try:\n        jaxish.fail()\n    except base as e:\n        r.append(type(e).__name__)\nr\n';
    assert.equal(run(src, { modules: jaxish }).last, "['TracerBoolConversionError', 'TracerBoolConversionError']");
  });

  it('propagates errors raised by slots, catchable by Python class', () => {
    assert.equal(errorOf(`${setup}if m: pass`, { modules }), 'TypeError: truth of Meter(2.5) is ambiguous');
    assert.equal(reprOf('r = None\ntry:\n    bool(m)\nexcept TypeError as e:\n    r = str(e)\nr'), "'truth of Meter(2.5) is ambiguous'");
  });

  it('imports dotted modules from the registry and links parents', () => {
    assert.equal(reprOf('ux.twice(2), units.extra.twice(1), one, units.Meter is Meter'), '(Meter(4), Meter(2), Meter(1), True)');
    assert.equal(reprOf('from units.extra import twice\ntwice(3)'), 'Meter(6)');
  });

  it('creates each module once per interpreter', () => {
    let made = 0;
    const counting = new Map([['units', () => (made++, unitsModule())]]);
    run('import units\nimport units as u2\nfrom units import one\n', { modules: counting });
    assert.equal(made, 1);
  });

  it('protocol constructors build Python values', () => {
    assert.equal(pyStr(new PyFloat(0.1)), '0.1');
    assert.equal(pyStr(pyStr('a')), 'a');
    assert.equal(evalRepr('1'), '1');
  });
});

