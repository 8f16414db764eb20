// jnp.finfo and jnp.iinfo: machine limits of floating and integer dtypes. Integer facts are
// Python ints as in NumPy. Floating facts (eps, max, min, tiny, ...) are NumPy scalars in JAX;
// here they are strongly typed 0-d arrays of the dtype, which compute identically (a NumPy
// scalar is strongly typed) but print as Array(...) rather than np.float32(...).

import { type DType, DTYPES } from '../../array/dtype';
import { arrayStr } from '../../array/format';
import * as K from '../../array/kernels';
import { valueError } from '../../errors';
import { objectClass, PyClass, type PyNativeFunction, PyObject } from '../../interp/object';
import { pyInt, pyRepr } from '../../interp/protocol';
import { fn } from '../args';
import { JaxArray, wrap } from '../array';
import { asDTypeLoose, dtypeObject } from '../dtypes';

interface FloatFacts {
  bits: number;
  eps: number;
  max: number;
  tiny: number;
  resolution: number;
  precision: number;
  nmant: number;
}

const FLOATS: Partial<Record<DType, FloatFacts>> = {
  float16: { bits: 16, eps: 2 ** -10, max: 65504, tiny: 2 ** -14, resolution: 1e-3, precision: 3, nmant: 10 },
  bfloat16: { bits: 16, eps: 2 ** -7, max: 3.3895313892515355e38, tiny: 2 ** -126, resolution: 1e-2, precision: 2, nmant: 7 },
  float32: { bits: 32, eps: 2 ** -23, max: 3.4028234663852886e38, tiny: 2 ** -126, resolution: 1e-6, precision: 6, nmant: 23 },
  float64: { bits: 64, eps: 2 ** -52, max: Number.MAX_VALUE, tiny: 2 ** -1022, resolution: 1e-15, precision: 15, nmant: 52 },
};

const finfoClass = new PyClass('finfo', [objectClass], 'jax.numpy');
const iinfoClass = new PyClass('iinfo', [objectClass], 'jax.numpy');

class FInfo extends PyObject {
  constructor(readonly dtype: DType, readonly facts: FloatFacts) {
    super();
  }
  get cls(): PyClass {
    return finfoClass;
  }
  scalar(v: number): JaxArray {
    return wrap(K.full(this.dtype, [], v, false)) as JaxArray;
  }
}

class IInfo extends PyObject {
  constructor(readonly dtype: DType, readonly min: bigint, readonly max: bigint) {
    super();
  }
  get cls(): PyClass {
    return iinfoClass;
  }
}

/** The dtype named by a dtype, scalar type, dtype string or array argument. */
function dtypeOf(o: PyObject): DType {
  if (o instanceof JaxArray) return o.aval.dtype;
  const d = asDTypeLoose(o);
  if (!d) throw valueError(`data type ${pyRepr(o)} not understood`);
  return d;
}

/** A complex dtype's finfo describes its real component (NumPy's rule). */
function realPart(d: DType): DType {
  return d === 'complex64' ? 'float32' : d === 'complex128' ? 'float64' : d;
}

finfoClass.slots.getattr = (self, name) => {
  const f = self as FInfo;
  const x = f.facts;
  switch (name) {
    case 'bits':
      return pyInt(x.bits);
    case 'eps':
    case 'epsneg':
      return f.scalar(name === 'eps' ? x.eps : x.eps / 2);
    case 'max':
      return f.scalar(x.max);
    case 'min':
      return f.scalar(-x.max);
    case 'tiny':
    case 'smallest_normal':
      return f.scalar(x.tiny);
    case 'resolution':
      return f.scalar(x.resolution);
    case 'precision':
      return pyInt(x.precision);
    case 'nmant':
      return pyInt(x.nmant);
    case 'dtype':
      return dtypeObject(f.dtype);
    default:
      return undefined;
  }
};
finfoClass.slots.repr = (self) => {
  const f = self as FInfo;
  const s = (v: number) => arrayStr(K.full(f.dtype, [], v, false));
  return `finfo(resolution=${s(f.facts.resolution)}, min=${s(-f.facts.max)}, max=${s(f.facts.max)}, dtype=${f.dtype})`;
};

iinfoClass.slots.getattr = (self, name) => {
  const i = self as IInfo;
  switch (name) {
    case 'bits':
      return pyInt(DTYPES[i.dtype].bits);
    case 'min':
      return pyInt(i.min);
    case 'max':
      return pyInt(i.max);
    case 'dtype':
      return dtypeObject(i.dtype);
    default:
      return undefined;
  }
};
iinfoClass.slots.repr = (self) => {
  const i = self as IInfo;
  return `iinfo(min=${i.min}, max=${i.max}, dtype=${i.dtype})`;
};

export const INFO: PyNativeFunction[] = [
  fn('jax.numpy', 'finfo', ['dtype'], (b) => {
    const d = realPart(dtypeOf(b.dtype));
    const facts = FLOATS[d];
    if (!facts) throw valueError(`data type <class 'numpy.${d}'> not inexact`);
    return new FInfo(d, facts);
  }),
  fn('jax.numpy', 'iinfo', ['int_type'], (b) => {
    const d = dtypeOf(b.int_type);
    const info = DTYPES[d];
    if (info.kind !== 'int' && info.kind !== 'uint') throw valueError(`Invalid integer data type '${info.kind === 'bool' ? 'b' : info.kind === 'complex' ? 'c' : 'f'}'.`);
    const bits = BigInt(info.bits);
    const [lo, hi] = info.kind === 'uint' ? [0n, 2n ** bits - 1n] : [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n];
    return new IInfo(d, lo, hi);
  }),
];
