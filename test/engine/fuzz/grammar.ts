// Programs from a grammar of the supported Python subset, with JAX calls. They need not be
// correct Python semantics (type errors, zero divisions and unbound names are fine): the engine
// must answer each with a report, never an internal error.
import fc from 'fast-check';

const NAMES = ['x', 'y', 'z', 'w', 'f', 'g', 'xs'];
const name = fc.constantFrom(...NAMES);

const literal = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.constantFrom('0', '1', '2.0', '-1.5', '1e300', '-0.0', '3j', 'True', 'False', 'None', "'ab'", '""', '10**20', '2**63', '1e-300'),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((v) => (Number.isInteger(v) ? `${v}.0` : String(v))),
);

const BINOPS = ['+', '-', '*', '/', '//', '%', '**', '@', '<', '<=', '==', '!=', '>', 'and', 'or', '&', '|', '^', '<<', '>>'];
const UNARY_JNP = ['sin', 'cos', 'exp', 'log', 'tanh', 'sqrt', 'abs', 'sum', 'mean', 'max', 'argmax', 'square', 'sign', 'floor', 'cumsum', 'sort', 'ravel', 'transpose'];
const BINARY_JNP = ['add', 'multiply', 'dot', 'maximum', 'minimum', 'where', 'power', 'arctan2', 'matmul', 'concatenate'];

export const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    name,
    fc.tuple(tie('e'), fc.constantFrom(...BINOPS), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom('-', 'not ', '~', '+'), tie('e')).map(([op, a]) => `(${op}${a})`),
    fc.array(tie('e'), { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`),
    fc.array(tie('e'), { maxLength: 3 }).map((xs) => `(${xs.join(', ')}${xs.length === 1 ? ',' : ''})`),
    fc.tuple(tie('e'), tie('e')).map(([k, v]) => `{${k}: ${v}}`),
    fc.tuple(fc.constantFrom(...UNARY_JNP), tie('e')).map(([f, a]) => `jnp.${f}(${a})`),
    fc.tuple(fc.constantFrom(...BINARY_JNP), tie('e'), tie('e')).map(([f, a, b]) => `jnp.${f}(${a}, ${b})`),
    fc.array(literal, { minLength: 0, maxLength: 5 }).map((xs) => `jnp.array([${xs.join(', ')}])`),
    fc.tuple(fc.constantFrom('zeros', 'ones', 'arange'), fc.integer({ min: 0, max: 6 })).map(([f, n]) => `jnp.${f}(${n})`),
    fc.tuple(name, tie('e')).map(([v, body]) => `jax.grad(lambda ${v}: ${body})`),
    fc.tuple(fc.constantFrom('grad', 'vmap', 'jit', 'value_and_grad', 'jacfwd', 'jacrev', 'hessian'), name).map(([t, f]) => `jax.${t}(${f})`),
    fc.tuple(tie('e'), fc.array(tie('e'), { maxLength: 2 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(tie('e'), tie('e')).map(([a, i]) => `${a}[${i}]`),
    fc.tuple(tie('e'), fc.constantFrom('shape', 'dtype', 'T', 'at', 'real', 'ndim')).map(([a, attr]) => `${a}.${attr}`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([a, c, b]) => `(${a} if ${c} else ${b})`),
    fc.tuple(tie('e'), name, tie('e')).map(([e, v, it]) => `[${e} for ${v} in ${it}]`),
    fc.tuple(fc.constantFrom('len', 'range', 'float', 'int', 'str', 'repr', 'list', 'sum', 'abs', 'sorted', 'print', 'isinstance'), tie('e')).map(
      ([f, a]) => `${f}(${a})`,
    ),
  ),
})).e;

const simpleStmt = fc.oneof(
  fc.tuple(name, expr).map(([v, e]) => `${v} = ${e}`),
  fc.tuple(name, fc.constantFrom('+=', '-=', '*=', '/='), expr).map(([v, op, e]) => `${v} ${op} ${e}`),
  expr,
  fc.tuple(name, expr, expr).map(([v, i, e]) => `${v}[${i}] = ${e}`),
  fc.constantFrom('pass', 'jax.config.update("jax_enable_x64", True)', 'del x', 'raise ValueError("no")', 'assert x'),
);

const block = (depth: number): fc.Arbitrary<string[]> =>
  depth <= 0
    ? fc.array(simpleStmt, { minLength: 1, maxLength: 3 })
    : fc.array(statement(depth - 1), { minLength: 1, maxLength: 3 }).map((xs) => xs.flat());

const indent = (lines: string[]) => lines.map((l) => `    ${l}`);

function statement(depth: number): fc.Arbitrary<string[]> {
  const body = block(depth);
  return fc.oneof(
    simpleStmt.map((s) => [s]),
    fc.tuple(expr, body, body).map(([c, a, b]) => [`if ${c}:`, ...indent(a), 'else:', ...indent(b)]),
    fc.tuple(name, expr, body).map(([v, it, b]) => [`for ${v} in ${it}:`, ...indent(b)]),
    fc.tuple(expr, body).map(([c, b]) => [`while ${c}:`, ...indent(b)]),
    fc.tuple(fc.constantFrom('f', 'g'), fc.subarray(['x', 'y', 'z'], { minLength: 0 }), body, expr).map(([f, ps, b, r]) => [
      `def ${f}(${ps.join(', ')}):`,
      ...indent(b),
      `    return ${r}`,
    ]),
    fc.tuple(body, body).map(([a, b]) => ['try:', ...indent(a), 'except Exception as e:', ...indent(b)]),
    fc.tuple(fc.constantFrom('f', 'g'), body).map(([f, b]) => ['@jax.jit', `def ${f}(x):`, ...indent(b), '    return x']),
  );
}

/** A whole file: the usual imports, then statements. */
export const program: fc.Arbitrary<string> = fc
  .array(statement(2), { minLength: 1, maxLength: 6 })
  .map((stmts) => ['import jax', 'import jax.numpy as jnp', ...stmts.flat()].join('\n') + '\n');
