// A deliberately small static guess of whether an expression is an array with dimensions:
// only the evident cases (an elementwise expression of a parameter known to be an array, with
// no reduction anywhere) count, so the non-scalar lint never fires on code that is fine.

import type { Expr } from '../syntax/ast';
import type { ImportMap } from './walk';
import { qualifiedName } from './walk';

export type ShapeGuess = 'array' | 'scalar' | 'unknown';

/** jax.numpy / jax.nn functions whose result has the broadcast shape of their array inputs. */
const ELEMENTWISE = new Set([
  'exp', 'exp2', 'log', 'log2', 'log10', 'log1p', 'expm1', 'sqrt', 'cbrt', 'square', 'abs', 'absolute', 'sign',
  'sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh', 'arcsin', 'arccos', 'arctan', 'arctan2', 'arcsinh', 'arccosh',
  'arctanh', 'floor', 'ceil', 'round', 'power', 'maximum', 'minimum', 'where', 'clip', 'negative',
  'reciprocal', 'logaddexp', 'add', 'subtract', 'multiply', 'divide', 'true_divide',
  'relu', 'sigmoid', 'softplus', 'gelu', 'silu', 'swish', 'elu', 'leaky_relu', 'softmax', 'log_softmax',
]);

/** Ops that keep shapes: `+ - * / ** % //` broadcast and never reduce. */
const ELEMENTWISE_OPS = new Set(['+', '-', '*', '/', '**', '%', '//']);

export function guessShape(e: Expr, arrayNames: ReadonlySet<string>, imports: ImportMap): ShapeGuess {
  const g = (x: Expr): ShapeGuess => guessShape(x, arrayNames, imports);
  switch (e.kind) {
    case 'Name':
      return arrayNames.has(e.id) ? 'array' : 'unknown';
    case 'Constant':
      return e.value.type === 'int' || e.value.type === 'float' || e.value.type === 'bool' ? 'scalar' : 'unknown';
    case 'UnaryOp':
      return e.op === 'not' ? 'unknown' : g(e.operand);
    case 'BinOp': {
      if (!ELEMENTWISE_OPS.has(e.op)) return 'unknown';
      const [l, r] = [g(e.left), g(e.right)];
      if (l === 'array' || r === 'array') return 'array';
      return l === 'scalar' && r === 'scalar' ? 'scalar' : 'unknown';
    }
    case 'Call': {
      const q = qualifiedName(e.func, imports);
      const fn = q?.match(/^jax\.(?:numpy|nn)\.(\w+)$/)?.[1];
      if (!fn || !ELEMENTWISE.has(fn)) return 'unknown';
      if (e.args.some((a) => a.kind !== 'pos')) return 'unknown';
      return e.args.some((a) => g(a.value) === 'array') ? 'array' : 'unknown';
    }
    default:
      return 'unknown';
  }
}
