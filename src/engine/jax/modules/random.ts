// The `jax.random` module: keys (PRNGKey, key, key_data, wrap_key_data, split, fold_in) and the
// samplers bits, uniform, normal, randint, bernoulli, bit for bit with JAX's threefry2x32 PRNG
// (see random/prng.ts for the two counter layouts and the jax_threefry_partitionable flag).
// The other samplers raise NotImplementedError naming themselves: their values have no oracle
// here yet, and a user must be able to trust every value this module returns.

import { type DType, isFloating, isInteger } from '../../array/dtype';
import { canonicalizeDtype } from '../../array/promotion';
import { avalOf, concreteValue, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { runContext } from '../../context';
import { notSupported, PyError, typeError, valueError } from '../../errors';
import { floatClass, intClass, None, PyBool, PyInt, PyList, PyModule, PyNativeFunction, type PyObject, PyStr, PyTuple } from '../../interp/object';
import { lookupAttr, pyFloat, pyRepr, pyStr, toIndexNumber, truthy } from '../../interp/protocol';
import { addAll, type Bound, fn, isNone } from '../args';
import { JaxArray, wrap } from '../array';
import { arrayArg, checkArraylike, scalarToArray, toValue } from '../coerce';
import { asDTypeLoose, DTypeObject } from '../dtypes';
import { checkKeyData, checkPrngKey, KeyArray, returnKeys, shapeTuple } from '../random/keys';
import { foldInKey, randomBits, seedKey, splitKey } from '../random/prng';
import { bernoulli, checkShape, normal, randint, uniform } from '../random/samplers';
import { choiceUniform, permuteAlong, refuseIndependent, shuffle1d } from '../random/shuffle';

/** Samplers JAX has that Grad Lens does not compute yet. */
const NOT_YET = [
  'ball', 'beta', 'binomial', 'categorical', 'cauchy', 'chisquare', 'dirichlet',
  'double_sided_maxwell', 'exponential', 'f', 'gamma', 'generalized_normal', 'geometric', 'gumbel', 'laplace',
  'loggamma', 'logistic', 'lognormal', 'maxwell', 'multinomial', 'multivariate_normal', 'orthogonal', 'pareto',
  'poisson', 'rayleigh', 'shuffle', 't', 'triangular', 'truncated_normal',
  'wald', 'weibull_min',
];

const MASK32 = 0xffffffffn;

function checkImpl(impl: PyObject | undefined): void {
  if (isNone(impl)) return;
  const name = impl instanceof PyStr ? impl.value : undefined;
  if (name === 'threefry2x32') return;
  if (name === 'rbg' || name === 'unsafe_rbg') throw notSupported(`the '${name}' PRNG implementation`);
  if (name !== undefined) {
    throw valueError(`unrecognized PRNG implementation "${name}". Did you mean one of: "threefry2x32", "rbg", "unsafe_rbg"?`);
  }
  throw typeError(`unrecognized type ${pyRepr(impl!.cls)} for specifying PRNG implementation.`);
}

/** random_seed: a Python int goes through int64 (wrapping to int32 while x64 is off), as JAX. */
function seedData(ctor: string, seed: PyObject): Value {
  if (seed instanceof KeyArray) throw typeError(`${ctor} accepts a scalar seed, but was given a PRNG key.`);
  if (seed instanceof PyInt || seed instanceof PyBool) {
    const v = seed instanceof PyBool ? BigInt(seed.value ? 1 : 0) : seed.value;
    if (v < -(2n ** 63n) || v >= 2n ** 63n) throw new PyError('OverflowError', 'Python int too large to convert to C long');
    const hi = runContext().x64 ? Number((v >> 32n) & MASK32) : 0;
    return keyFromWords(hi, Number(v & MASK32));
  }
  const shape = seed instanceof PyList || seed instanceof PyTuple ? [seed.items.length] : seed instanceof JaxArray ? seed.aval.shape : [];
  if (shape.length > 0) {
    throw typeError(`${ctor} accepts a scalar seed, but was given an array of shape ${shapeTuple(shape)} != (). Use jax.vmap for batching`);
  }
  const value = toValue(seed);
  if (!value) throw typeError(`${ctor} accepts a scalar seed, but was given ${pyRepr(seed)}`);
  if (!isInteger(avalOf(value).dtype)) throw typeError(`PRNG key seed must be an integer; got ${pyRepr(wrap(value))}`);
  return seedKey(value);
}

function keyFromWords(hi: number, lo: number): Value {
  const k = lax.full([2], 0, 'uint32');
  (k.data as Uint32Array).set([hi, lo]);
  return k;
}

/** core.canonicalize_shape: a tuple or list of non-negative ints. */
function shapeArg(o: PyObject): number[] {
  if (!(o instanceof PyTuple || o instanceof PyList)) {
    throw typeError(`Shapes must be 1D sequences of concrete values of integer type, got ${pyRepr(o)}.`);
  }
  const shape = o.items.map(toIndexNumber);
  if (shape.some((d) => d < 0)) throw valueError('negative dimensions are not allowed');
  return shape;
}

/**
 * A dtype argument, canonicalised, with JAX's check_user_dtype_supported warning for a 64-bit
 * request while x64 is off. `check` sees the requested (not yet canonical) dtype.
 */
function dtypeArg(o: PyObject, fallback: PyObject, check: (d: DType | undefined, shown: string) => void): DType {
  const obj = isNone(o) ? fallback : o;
  const requested = asDTypeLoose(obj);
  const shown = obj instanceof DTypeObject || obj instanceof PyStr ? pyStr(obj) : pyRepr(obj);
  if (requested === undefined) {
    if (obj instanceof PyStr) throw typeError(`data type '${obj.value}' not understood`);
    throw typeError(`Cannot interpret '${pyRepr(obj)}' as a data type`);
  }
  check(requested, shown);
  const canonical = canonicalizeDtype(requested);
  if (canonical !== requested && obj !== floatClass && obj !== intClass) {
    runContext().warn(
      'UserWarning',
      `Explicitly requested dtype ${requested}  is not available, and will be truncated to dtype ${canonical}. ` +
        'To enable more dtypes, set the jax_enable_x64 configuration option or the JAX_ENABLE_X64 shell environment variable. ' +
        'See https://github.com/jax-ml/jax#current-gotchas for more.',
    );
  }
  return canonical;
}

/**
 * A jax.random function. It runs under the user's x64 setting even while the finite-difference
 * check evaluates the user's function in float64 (RunContext.userX64): the draws must be the
 * numbers the user's run got, or the probe differentiates a different function.
 */
const randomFn: typeof fn = (module, name, params, impl) =>
  fn(module, name, params, (b) => {
    const ctx = runContext();
    if (ctx.userX64 === undefined || ctx.userX64 === ctx.x64) return impl(b);
    const probeX64 = ctx.x64;
    ctx.x64 = ctx.userX64;
    try {
      return impl(b);
    } finally {
      ctx.x64 = probeX64;
    }
  });

export function randomModule(get: (n: string) => PyModule): PyModule {
  const m = new PyModule('jax.random');
  /** jax_threefry_partitionable, read at call time (True unless the file set it, as JAX >= 0.5.0). */
  const partitionable = (): boolean => {
    const config = get('jax').attrs.get('config');
    const flag = config ? lookupAttr(config, 'jax_threefry_partitionable') : undefined;
    return flag === undefined || flag === None ? true : truthy(flag);
  };
  const key = (name: string, b: Bound) => checkPrngKey(name, b.key);

  addAll(m, [
    randomFn('jax.random', 'PRNGKey', ['seed', 'impl?'], (b) => {
      checkImpl(b.impl);
      return wrap(seedData('PRNGKey', b.seed));
    }),
    randomFn('jax.random', 'key', ['seed', 'impl?'], (b) => {
      checkImpl(b.impl);
      return new KeyArray(seedData('key', b.seed));
    }),
    randomFn('jax.random', 'key_data', ['keys'], (b) => wrap(checkPrngKey('key_data', b.keys, true).data)),
    randomFn('jax.random', 'wrap_key_data', ['key_bits_array', 'impl?'], (b) => {
      checkImpl(b.impl);
      const data = arrayArg('wrap_key_data', b.key_bits_array);
      checkKeyData(data);
      return new KeyArray(data);
    }),
    randomFn('jax.random', 'split', ['key', 'num?'], (b) => {
      const k = key('split', b);
      const num = isNone(b.num) ? [2] : shapeArg(b.num instanceof PyTuple || b.num instanceof PyList ? b.num : new PyTuple([b.num]));
      return returnKeys(k.raw, splitKey(k.data, num, partitionable()));
    }),
    randomFn('jax.random', 'fold_in', ['key', 'data'], (b) => {
      const k = key('fold_in', b);
      const data = arrayArg('fold_in', b.data);
      const shape = avalOf(data).shape;
      if (shape.length > 0) {
        throw typeError(`fold_in accepts a scalar, but was given an array ofshape ${shapeTuple(shape)} != (). Use jax.vmap for batching.`);
      }
      return returnKeys(k.raw, foldInKey(k.data, lax.convertElementType(data, 'uint32', false)));
    }),
    randomFn('jax.random', 'bits', ['key', 'shape?', 'dtype?'], (b) => {
      const k = key('bits', b);
      const dtype = dtypeArg(b.dtype, new PyStr(runContext().x64 ? 'uint64' : 'uint32'), (d, shown) => {
        if (d === undefined || !d.startsWith('uint')) {
          throw valueError(`dtype argument to \`bits\` must be an unsigned int dtype, got ${shown}`);
        }
      });
      if (dtype === 'uint64') throw notSupported('jax.random.bits with dtype uint64 (values above 2**53)');
      const width = dtype === 'uint8' ? 8 : dtype === 'uint16' ? 16 : 32;
      return wrap(randomBits(k.data, width, isNone(b.shape) ? [] : shapeArg(b.shape), partitionable()));
    }),
    randomFn('jax.random', 'uniform', ['key', 'shape?', 'dtype?', 'minval?', 'maxval?'], (b) => {
      const k = key('uniform', b);
      const dtype = floatDtype('uniform', b.dtype);
      const lo = isNone(b.minval) ? scalarToArray(pyFloat(0)) : arrayArg('uniform', b.minval);
      const hi = isNone(b.maxval) ? scalarToArray(pyFloat(1)) : arrayArg('uniform', b.maxval);
      const shape = isNone(b.shape) ? [] : shapeArg(b.shape);
      return wrap(uniform(k.data, shape, dtype, lo, hi, partitionable()));
    }),
    randomFn('jax.random', 'normal', ['key', 'shape?', 'dtype?'], (b) => {
      const k = key('normal', b);
      const dtype = dtypeArg(b.dtype, floatClass, (d, shown) => {
        if (d === undefined || !(isFloating(d) || d.startsWith('complex'))) {
          throw valueError(`dtype argument to \`normal\` must be a float or complex dtype, got ${shown}`);
        }
      });
      if (!isFloating(dtype)) throw notSupported(`jax.random.normal with dtype ${dtype}`);
      return wrap(normal(k.data, isNone(b.shape) ? [] : shapeArg(b.shape), dtype, partitionable()));
    }),
    randomFn('jax.random', 'randint', ['key', 'shape', 'minval', 'maxval', 'dtype?'], (b) => {
      const k = key('randint', b);
      const dtype = dtypeArg(b.dtype, intClass, () => undefined);
      const shape = shapeArg(b.shape);
      checkArraylike('randint', [b.minval, b.maxval]);
      const lo = toValue(b.minval)!;
      const hi = toValue(b.maxval)!;
      checkShape('randint', shape, avalOf(lo).shape, avalOf(hi).shape);
      return wrap(randint(k.data, shape, lo, hi, dtype, partitionable()));
    }),
    randomFn('jax.random', 'bernoulli', ['key', 'p?', 'shape?', 'mode?'], (b) => {
      const shape = isNone(b.shape) ? undefined : shapeArg(b.shape);
      const mode = isNone(b.mode) ? 'low' : b.mode instanceof PyStr ? b.mode.value : pyRepr(b.mode);
      if (mode !== 'low' && mode !== 'high') throw valueError(`got mode=${pyRepr(b.mode)}, expected 'high' or 'low'`);
      const k = key('bernoulli', b);
      const p = isNone(b.p) ? scalarToArray(pyFloat(0.5)) : arrayArg('bernoulli', b.p);
      const dtype = avalOf(p).dtype;
      if (!isFloating(dtype)) throw typeError(`bernoulli probability \`p\` must have a floating dtype, got ${dtype}.`);
      const outShape = shape ?? [...avalOf(p).shape];
      checkShape('bernoulli', outShape, avalOf(p).shape);
      return wrap(bernoulli(k.data, p, outShape, mode, partitionable()));
    }),
    randomFn('jax.random', 'rademacher', ['key', 'shape?', 'dtype?'], (b) => {
      const k = key('rademacher', b);
      const dtype = dtypeArg(b.dtype, intClass, () => undefined);
      const shape = isNone(b.shape) ? [] : shapeArg(b.shape);
      const half = scalarToArray(pyFloat(0.5));
      const bits = lax.convertElementType(bernoulli(k.data, half, shape, 'low', partitionable()), dtype, false);
      // (2 * b - 1).astype(dtype)
      const two = lax.full(shape.map(() => 1), 2, dtype);
      return wrap(lax.sub(lax.mul(two, bits), lax.full(shape.map(() => 1), 1, dtype)));
    }),
    randomFn('jax.random', 'clone', ['key'], (b) => b.key),
    randomFn('jax.random', 'key_impl', ['keys'], (b) => {
      checkPrngKey('key_impl', b.keys, true);
      return new PyStr('threefry2x32');
    }),
    randomFn('jax.random', 'permutation', ['key', 'x', 'axis?', 'independent?'], (b) => {
      const k = key('permutation', b);
      checkArraylike('permutation', [b.x]);
      const x = toValue(b.x)!;
      const a = avalOf(x);
      const axis = axisArg(b.axis, Math.max(1, a.shape.length));
      if (a.shape.length === 0) {
        if (!isInteger(a.dtype)) throw typeError('x must be an integer or at least 1-dimensional');
        const n = concreteInt(x, 'argument x of jax.random.permutation()');
        return wrap(shuffle1d(k.data, lax.iota(canonicalizeDtype('int64'), [n], 0), partitionable()));
      }
      if (!isNone(b.independent) && truthy(b.independent) && a.shape.length > 1) refuseIndependent();
      return wrap(permuteAlong(k.data, x, axis, partitionable()));
    }),
    randomFn('jax.random', 'choice', ['key', 'a', 'shape?', 'replace?', 'p?', 'axis?'], (b) => {
      const k = key('choice', b);
      const shapeObj = isNone(b.shape) ? new PyTuple([]) : b.shape;
      if (!(shapeObj instanceof PyTuple || shapeObj instanceof PyList)) {
        throw typeError(`shape argument of jax.random.choice must be a sequence, got ${pyStr(shapeObj)}`);
      }
      const shape = shapeArg(shapeObj);
      checkArraylike('choice', [b.a]);
      const arr = toValue(b.a)!;
      const ndim = avalOf(arr).shape.length;
      const axis = ndim === 0 ? 0 : axisArg(b.axis, ndim);
      const nInputs = ndim === 0 ? concreteInt(arr, 'The error occurred in jax.random.choice()') : avalOf(arr).shape[axis];
      const nDraws = shape.reduce((x, y) => x * y, 1);
      if (nDraws === 0) return wrap(lax.full(shape, 0, avalOf(arr).dtype));
      if (nInputs <= 0) throw valueError('a must be greater than 0 unless no samples are taken');
      const replace = isNone(b.replace) || truthy(b.replace);
      if (!replace && nDraws > nInputs) {
        throw valueError(`Cannot take a larger sample (size ${nDraws}) than population (size ${nInputs}) when 'replace=False'`);
      }
      if (!isNone(b.p)) throw notSupported('jax.random.choice with probabilities p');
      return wrap(choiceUniform(k.data, ndim === 0 ? null : arr, nInputs, shape, replace, axis, partitionable()));
    }),
  ]);
  for (const name of NOT_YET) {
    const refuse = () => {
      throw notSupported(`jax.random.${name}`);
    };
    m.attrs.set(name, new PyNativeFunction(name, refuse, `jax.random.${name}`));
  }
  return m;
}

function floatDtype(name: string, o: PyObject): DType {
  return dtypeArg(o, floatClass, (d, shown) => {
    if (d === undefined || !isFloating(d)) throw valueError(`dtype argument to \`${name}\` must be a float dtype, got ${shown}`);
  });
}


/** util.canonicalize_axis. */
function axisArg(o: PyObject, ndim: number): number {
  const axis = isNone(o) ? 0 : toIndexNumber(o);
  if (axis < -ndim || axis >= ndim) throw valueError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return axis < 0 ? axis + ndim : axis;
}

/** A Python int from a 0-d integer value that must be concrete (a static size). */
function concreteInt(v: Value, context: string): number {
  const c = concreteValue(v);
  if (!c) throw notSupported(`a traced size in ${context}`);
  return Number(c.data[0]);
}
