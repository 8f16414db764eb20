// Test inputs as data. Each argument of a test is a `PyValue`: a small description of a Python
// value (a float, an int, a `jnp.array([...])` literal, a `jnp.linspace(...)`, a dict of those,
// ...). Two things are derived from the same data so they can never disagree:
//   - the Python text the runner passes to the user's function (`pythonText`, `argumentsText`);
//   - the numbers the closed-form oracles compute with (`materialize`).

/** Numbers nested to any depth: a scalar, a vector, a matrix, ... */
export type Nested = number | Nested[];

export type PyValue =
  /** A Python float literal (weakly typed float32 once JAX sees it). */
  | { float: number }
  /** A Python int literal. */
  | { int: number }
  | { bool: boolean }
  /** `jnp.array([...])`: floats are written as float literals (float32), ints as ints (int32). */
  | { array: Nested; dtype: 'float32' | 'int32' }
  /** `jnp.linspace(start, stop, num)`, optionally `.reshape(...)`: a float32 array. */
  | { linspace: [start: number, stop: number, num: number]; reshape?: number[] }
  /** `jnp.arange(n)`, optionally `.reshape(...)`: an int32 array 0, 1, ..., n-1. */
  | { arange: number; reshape?: number[] }
  | { tuple: PyValue[] }
  | { list: PyValue[] }
  | { dict: Record<string, PyValue> };

/** What a closed form receives for each argument: numbers, nested arrays, objects. */
export type Materialized = number | boolean | Nested[] | Materialized[] | { [key: string]: Materialized };

// ---- builders: short names keep the catalog readable ----

export const pyFloat = (value: number): PyValue => ({ float: value });
export const pyInt = (value: number): PyValue => ({ int: value });
/** A float32 `jnp.array` literal. */
export const floats = (array: Nested[]): PyValue => ({ array, dtype: 'float32' });
/** An int32 `jnp.array` literal: integer-valued data (the exercise must accept it). */
export const ints = (array: Nested[]): PyValue => ({ array, dtype: 'int32' });
export const linspace = (start: number, stop: number, num: number, reshape?: number[]): PyValue =>
  reshape ? { linspace: [start, stop, num], reshape } : { linspace: [start, stop, num] };
export const arange = (n: number, reshape?: number[]): PyValue => (reshape ? { arange: n, reshape } : { arange: n });
export const pyDict = (entries: Record<string, PyValue>): PyValue => ({ dict: entries });
export const pyTuple = (...items: PyValue[]): PyValue => ({ tuple: items });

// ---- Python text ----

/**
 * `repr(x)` of a Python float: the shortest digits that round-trip (JS and CPython agree on
 * those), laid out as CPython does: positional for 1e-4 <= |x| < 1e16 with at least one digit
 * after the point, otherwise `d.ddde±XX` with a two-digit exponent minimum.
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = Math.abs(x).toExponential().split('e');
  const exponent = Number(expText);
  const digits = mantissa.replace('.', '');
  const sign = x < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const rest = digits.slice(1);
    const exp = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${digits[0]}${rest ? '.' + rest : ''}e${exp}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1) || '0';
  return `${sign}${whole}.${fraction}`;
}

/** A Python expression that evaluates to the float (non-finite values need `float('...')`). */
function floatLiteral(x: number): string {
  return Number.isFinite(x) ? pyFloatRepr(x) : `float('${pyFloatRepr(x)}')`;
}

function intLiteral(x: number): string {
  if (!Number.isSafeInteger(x)) throw new Error(`not an integer: ${x}`);
  return String(x);
}

function nestedLiteral(value: Nested, leaf: (x: number) => string): string {
  return Array.isArray(value) ? `[${value.map((v) => nestedLiteral(v, leaf)).join(', ')}]` : leaf(value);
}

function reshapeSuffix(reshape: number[] | undefined): string {
  return reshape ? `.reshape(${reshape.map(intLiteral).join(', ')})` : '';
}

/** Options for the text: the runner imports jax.numpy under a private alias. */
export interface TextOptions {
  jnp?: string;
}

/** The Python expression for a value, e.g. `jnp.array([1.0, 2.0])`. */
export function pythonText(value: PyValue, options: TextOptions = {}): string {
  const jnp = options.jnp ?? 'jnp';
  if ('float' in value) return floatLiteral(value.float);
  if ('int' in value) return intLiteral(value.int);
  if ('bool' in value) return value.bool ? 'True' : 'False';
  if ('array' in value) {
    const leaf = value.dtype === 'int32' ? intLiteral : floatLiteral;
    return `${jnp}.array(${nestedLiteral(value.array, leaf)})`;
  }
  if ('linspace' in value) {
    const [start, stop, num] = value.linspace;
    return `${jnp}.linspace(${floatLiteral(start)}, ${floatLiteral(stop)}, ${intLiteral(num)})${reshapeSuffix(value.reshape)}`;
  }
  if ('arange' in value) return `${jnp}.arange(${intLiteral(value.arange)})${reshapeSuffix(value.reshape)}`;
  if ('tuple' in value) {
    const items = value.tuple.map((v) => pythonText(v, options));
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  if ('list' in value) return `[${value.list.map((v) => pythonText(v, options)).join(', ')}]`;
  const entries = Object.entries(value.dict).map(([k, v]) => `${pyStringLiteral(k)}: ${pythonText(v, options)}`);
  return `{${entries.join(', ')}}`;
}

/** A Python string literal for a dict key (single quotes, as `repr` writes it). */
export function pyStringLiteral(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** Keyword-argument text for a call: `w=0.0, b=1.0, x=jnp.array([1.0, 2.0])`. */
export function argumentsText(args: Record<string, PyValue>, options: TextOptions = {}): string {
  return Object.entries(args)
    .map(([name, value]) => `${name}=${pythonText(value, options)}`)
    .join(', ');
}

// ---- numbers for the oracles ----

/**
 * The numbers JAX will see. With `float32` (the default) every float is rounded to float32,
 * because JAX stores Python floats and float arrays as float32 while x64 is off: the closed
 * forms then compute in float64 from exactly the inputs JAX uses. `jnp.linspace` is modelled as
 * start + i·step rounded to float32, with the endpoint exact; JAX's own float32 evaluation may
 * differ in the last bit, which the test tolerances cover.
 */
export function materialize(value: PyValue, options: { float32?: boolean } = {}): Materialized {
  const round = options.float32 ?? true ? Math.fround : (x: number) => x;
  if ('float' in value) return round(value.float);
  if ('int' in value) return value.int;
  if ('bool' in value) return value.bool;
  if ('array' in value) {
    const leaf = value.dtype === 'float32' ? round : (x: number) => x;
    return mapNested(value.array, leaf) as Nested[];
  }
  if ('linspace' in value) {
    const [start, stop, num] = value.linspace;
    const step = num > 1 ? (stop - start) / (num - 1) : 0;
    const flat = Array.from({ length: num }, (_, i) => round(i === num - 1 && num > 1 ? stop : start + i * step));
    return reshape(flat, value.reshape);
  }
  if ('arange' in value) return reshape(Array.from({ length: value.arange }, (_, i) => i), value.reshape);
  if ('tuple' in value) return value.tuple.map((v) => materialize(v, options));
  if ('list' in value) return value.list.map((v) => materialize(v, options));
  const out: { [key: string]: Materialized } = {};
  for (const [k, v] of Object.entries(value.dict)) out[k] = materialize(v, options);
  return out;
}

export function mapNested(value: Nested, f: (x: number) => number): Nested {
  return Array.isArray(value) ? value.map((v) => mapNested(v, f)) : f(value);
}

function reshape(flat: number[], shape: number[] | undefined): Nested[] {
  if (!shape) return flat;
  const size = shape.reduce((a, b) => a * b, 1);
  if (size !== flat.length) throw new Error(`cannot reshape ${flat.length} elements to (${shape.join(', ')})`);
  const build = (offset: number, dims: number[]): Nested[] => {
    const [first, ...rest] = dims;
    const stride = rest.reduce((a, b) => a * b, 1);
    return Array.from({ length: first }, (_, i) =>
      rest.length === 0 ? flat[offset + i] : build(offset + i * stride, rest),
    );
  };
  return build(0, shape);
}

/** The shape of a nested array (rectangular by construction). */
export function shapeOf(value: Nested): number[] {
  const shape: number[] = [];
  let v: Nested = value;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) break;
    v = v[0];
  }
  return shape;
}

// ---- typed views for closed forms: they throw if the catalog passes the wrong kind ----

export function num(v: Materialized | undefined): number {
  if (typeof v !== 'number') throw new Error(`expected a number, got ${JSON.stringify(v)}`);
  return v;
}

export function vec(v: Materialized | undefined): number[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) {
    throw new Error(`expected a vector, got ${JSON.stringify(v)?.slice(0, 80)}`);
  }
  return v as number[];
}

export function mat(v: Materialized | undefined): number[][] {
  if (!Array.isArray(v) || !v.every((row) => Array.isArray(row) && row.every((x) => typeof x === 'number'))) {
    throw new Error(`expected a matrix, got ${JSON.stringify(v)?.slice(0, 80)}`);
  }
  return v as number[][];
}

export function record(v: Materialized | undefined): { [key: string]: Materialized } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`expected a dict, got ${JSON.stringify(v)}`);
  return v;
}
