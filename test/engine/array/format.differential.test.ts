// Differential test against the real NumPy, when the machine has Python with NumPy >= 2.3 (the
// printing rules this module follows; older NumPy switches float32/float16 to scientific
// notation at 1e8 instead of 1e6/1e3). A seeded Python script makes random arrays of every
// printable dtype (random bit patterns included: subnormals, nan, inf, -0), prints them the way
// JAX does, and every repr and str must match. Skipped, with a note, where NumPy is missing.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { DType } from '../../../src/engine/array/dtype';
import { arrayRepr, arrayStr } from '../../../src/engine/array/format';
import { NDArray, slotsPerElement, storageFor } from '../../../src/engine/array/ndarray';

const SCRIPT = String.raw`
import json, math, random, struct, sys
import numpy as np
if tuple(int(p) for p in np.__version__.split('.')[:2]) < (2, 3):
    print(json.dumps({"skip": "numpy " + np.__version__ + " < 2.3"})); sys.exit(0)
random.seed(int(sys.argv[1])); rng = np.random.default_rng(int(sys.argv[1]))
def enc(x): return x if math.isfinite(x) else str(x)
def jax_repr(a, weak):
    prefix = 'Array('
    dtype_str = f'dtype={a.dtype.name}' + (', weak_type=True' if weak else '') + ')'
    s = f"[], shape={a.shape}" if a.size == 0 else np.array2string(
        a, prefix=prefix, suffix=',', separator=', ', max_line_width=75)
    last = len(s) - s.rfind('\n') + 1
    sep = ' ' if last + len(dtype_str) + 1 <= 75 else ' ' * len(prefix)
    return f"{prefix}{s},{sep}{dtype_str}"
def bits(dt):
    n = {'float16': 16, 'float32': 32, 'float64': 64}[dt]
    fmt = {16: '<H', 32: '<I', 64: '<Q'}[n]
    return np.frombuffer(struct.pack(fmt, random.getrandbits(n)), dtype=dt)[0]
cases = []
def add(values, dt, shape):
    a = np.asarray(values, dtype=dt).reshape(shape)
    weak = random.random() < 0.3
    if dt.startswith('complex'):
        flat = [[enc(float(z.real)), enc(float(z.imag))] for z in a.reshape(-1)]
    else:
        flat = [enc(float(v)) for v in a.reshape(-1)]
    cases.append({"dtype": dt, "shape": list(a.shape), "weak": weak, "flat": flat,
                  "repr": jax_repr(a, weak), "str": str(a)})
with np.errstate(all='ignore'):
    for _ in range(500):
        dt = random.choice(['float16', 'float32', 'float64', 'int32', 'int8', 'uint8', 'bool', 'complex64'])
        shape = random.choice([(), (1,), (3,), (7,), (2, 3), (4, 1), (2, 2, 2), (30,), (3, 11), (1200,), (40, 30)])
        n = int(np.prod(shape))
        if dt.startswith('float'):
            style = random.random()
            if style < 0.3: vals = [bits(dt) for _ in range(n)]
            elif style < 0.6: vals = rng.standard_normal(n) * 10 ** random.uniform(-7, 9)
            else: vals = np.round(rng.standard_normal(n) * 10 ** random.uniform(0, 5), random.randint(0, 3))
        elif dt == 'complex64':
            vals = (rng.standard_normal(n) + 1j * rng.standard_normal(n)) * 10 ** random.uniform(-5, 7)
        elif dt == 'bool':
            vals = rng.random(n) < 0.5
        else:
            info = np.iinfo(dt)
            vals = rng.integers(info.min, info.max, size=n, endpoint=True)
        add(vals, dt, shape)
print(json.dumps({"cases": cases}))
`;

interface Case {
  dtype: DType;
  shape: number[];
  weak: boolean;
  flat: (number | string | (number | string)[])[];
  repr: string;
  str: string;
}

function toNumber(v: number | string): number {
  return typeof v === 'number' ? v : ({ nan: NaN, inf: Infinity, '-inf': -Infinity }[v] ?? Number(v));
}

function build(c: Case): NDArray {
  const slots = slotsPerElement(c.dtype);
  const data = storageFor(c.dtype, c.flat.length * slots);
  c.flat.forEach((v, i) => {
    if (Array.isArray(v)) {
      data[2 * i] = toNumber(v[0]!);
      data[2 * i + 1] = toNumber(v[1]!);
    } else data[i * slots] = toNumber(v);
  });
  return new NDArray(c.dtype, c.shape, data, c.weak);
}

describe('array/format: differential against the installed NumPy', function () {
  this.timeout(60_000);
  const seed = 20261127;
  {
    it(`500 random arrays (seed ${seed})`, function () {
      const run = spawnSync('python3', ['-c', SCRIPT, String(seed)], { encoding: 'utf8', maxBuffer: 1 << 28 });
      if (run.error || run.status !== 0) {
        this.skip(); // no python3 or no numpy here: the recorded tables still run
      }
      const out = JSON.parse(run.stdout) as { skip?: string; cases?: Case[] };
      if (out.skip) this.skip();
      const failures: string[] = [];
      for (const c of out.cases!) {
        const a = build(c);
        const repr = arrayRepr(a);
        const str = arrayStr(a);
        if (repr !== c.repr) failures.push(`repr ${c.dtype}${JSON.stringify(c.shape)}\n  numpy: ${c.repr}\n  ours:  ${repr}`);
        if (str !== c.str) failures.push(`str ${c.dtype}${JSON.stringify(c.shape)}\n  numpy: ${c.str}\n  ours:  ${str}`);
      }
      assert.equal(failures.length, 0, failures.slice(0, 5).join('\n'));
    });
  }
});
