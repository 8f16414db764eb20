// Text edits that repair the classic mistakes. Each builder returns ready-to-apply `Fix`es
// (report.ts); the static lints and the runtime-error fixes share them, so a mistake gets the
// same repair whether it was found before or during evaluation.

import type { Fix, TextEdit } from '../report';
import type { Expr, ExprOf, Span, Stmt } from '../syntax/ast';
import { type ModuleFacts, sourceOf } from './facts';
import { type FunctionDef, moduleAlias, qualifiedName, returnsOf } from './walk';

function edit(facts: ModuleFacts, span: Span, newText: string): TextEdit {
  return { range: facts.lines.range(span), newText };
}

/** The function a transform differentiates, as written: a top-level `def` or an inline lambda. */
export type DifferentiatedFunction = { def: FunctionDef } | { lambda: ExprOf<'Lambda'> };

/** The expressions the function returns (a lambda's body, a def's `return` values). */
export function returnedExpressions(fn: DifferentiatedFunction): Expr[] {
  if ('lambda' in fn) return [fn.lambda.body];
  return returnsOf(fn.def.body).flatMap((r) => (r.value ? [r.value] : []));
}

/**
 * Wrap every returned expression in a reduction: `jnp.sum(...)` (preferred) or `jnp.mean(...)`.
 * A returned tuple is not wrapped: summing it would change its meaning.
 */
export function wrapReturnFixes(fn: DifferentiatedFunction, facts: ModuleFacts): Fix[] {
  const values = returnedExpressions(fn).filter((v) => v.kind !== 'Tuple');
  if (values.length === 0) return [];
  const jnp = moduleAlias('jax.numpy', facts.imports);
  const name = 'def' in fn ? `\`${fn.def.name}\`` : 'the lambda';
  return (['sum', 'mean'] as const).map((reduction, i) => ({
    title: jnp
      ? `Wrap the return value of ${name} in ${jnp}.${reduction}(...)`
      : `Reduce the return value of ${name} with .${reduction}()`,
    edits: values.map((v) => {
      const text = sourceOf(facts, v);
      return edit(facts, v.span, jnp ? `${jnp}.${reduction}(${text})` : `(${text}).${reduction}()`);
    }),
    preferred: i === 0,
  }));
}

/** The integer literals of an argument that, made floats, make it a float argument. */
export function integerLiterals(e: Expr): Expr[] {
  if (e.kind === 'Constant' && e.value.type === 'int') return [e];
  if (e.kind === 'UnaryOp' && (e.op === '-' || e.op === '+')) return integerLiterals(e.operand);
  if (e.kind === 'Tuple' || e.kind === 'List') return e.elts.flatMap(integerLiterals);
  return [];
}

/**
 * The integer literals that make an argument an integer input: `2`, `-2`, `(1, 2)`,
 * `jnp.array([1, 2])` without a dtype, or a module-level name bound once to one of these.
 * Empty when the argument is not visibly integer (any float literal, a dtype, anything else).
 */
export function integerInputLiterals(arg: Expr, facts: ModuleFacts, seen = new Set<string>()): Expr[] {
  if (arg.kind === 'Name') {
    const bound = facts.singleBindings.get(arg.id);
    if (!bound || seen.has(arg.id)) return [];
    seen.add(arg.id);
    return integerInputLiterals(bound, facts, seen);
  }
  if (arg.kind === 'Call') {
    const q = qualifiedName(arg.func, facts.imports);
    if ((q !== 'jax.numpy.array' && q !== 'jax.numpy.asarray') || arg.args.length !== 1 || arg.args[0].kind !== 'pos') return [];
    const inner = arg.args[0].value;
    return integerInputLiterals(inner, facts, seen);
  }
  if (!onlyIntLiterals(arg)) return [];
  return integerLiterals(arg);
}

function onlyIntLiterals(e: Expr): boolean {
  if (e.kind === 'Constant') return e.value.type === 'int';
  if (e.kind === 'UnaryOp' && (e.op === '-' || e.op === '+')) return onlyIntLiterals(e.operand);
  if (e.kind === 'Tuple' || e.kind === 'List') return e.elts.length > 0 && e.elts.every(onlyIntLiterals);
  return false;
}

/** `2` → `2.0` for every integer literal that makes the argument an integer input. */
export function integerInputFix(arg: Expr, facts: ModuleFacts): Fix | undefined {
  const ints = integerInputLiterals(arg, facts);
  if (ints.length === 0) return undefined;
  const edits = ints.map((c) => {
    const v = c.kind === 'Constant' && c.value.type === 'int' ? c.value.value.toString() : sourceOf(facts, c);
    return edit(facts, c.span, `${v}.0`);
  });
  const before = sourceOf(facts, arg);
  const title = ints.length === 1 && ints[0] === arg ? `Pass ${edits[0].newText} (a float) instead of ${before}` : `Use float literals in ${before}`;
  return { title, edits, preferred: true };
}

/** `2` → `2.0` for every integer literal in the argument. */
export function floatLiteralFix(arg: Expr, facts: ModuleFacts): Fix | undefined {
  const ints = integerLiterals(arg);
  if (ints.length === 0) return undefined;
  const before = sourceOf(facts, arg);
  const edits = ints.map((c) => {
    const v = c.kind === 'Constant' && c.value.type === 'int' ? c.value.value.toString() : sourceOf(facts, c);
    return edit(facts, c.span, `${v}.0`);
  });
  const after = ints.length === 1 ? `${edits[0].newText}` : 'floats';
  const title = ints.length === 1 && before === sourceOf(facts, ints[0])
    ? `Pass ${after} (a float) instead of ${before}`
    : `Use float literals in ${before}`;
  return { title, edits, preferred: true };
}

/**
 * `jax.grad(loss(0.0, 1.0, x))` → `jax.grad(loss)(0.0, 1.0, x)`: pass the function and call
 * the transformed function with the arguments. Other options of the transform are kept.
 */
export function callInsteadFix(transformCall: ExprOf<'Call'>, inner: ExprOf<'Call'>, facts: ModuleFacts): Fix {
  const callee = sourceOf(facts, inner.func);
  const callArgs = facts.text.slice(inner.func.span.to, inner.span.to);
  const fixedTransform =
    facts.text.slice(transformCall.span.from, inner.span.from) + callee + facts.text.slice(inner.span.to, transformCall.span.to);
  return {
    title: `Pass ${callee} itself and call the result: ${fixedTransform}${callArgs}`,
    edits: [edit(facts, transformCall.span, `${fixedTransform}${callArgs}`)],
    preferred: true,
  };
}

/**
 * `argnums=k` for each valid index k < n (one fix each, titled with the parameter name). The
 * preferred one is the valid index nearest to what was written (an off-by-one is the usual slip).
 */
export function argnumsFixes(
  written: { value: number; expr: Expr },
  n: number,
  paramNames: readonly string[] | undefined,
  facts: ModuleFacts,
): Fix[] {
  if (n <= 0) return [];
  const nearest = written.value >= n ? n - 1 : 0;
  const fixes: Fix[] = [];
  for (let k = 0; k < n; k++) {
    const who = paramNames?.[k] ? `\`${paramNames[k]}\`` : `argument ${k}`;
    fixes.push({
      title: `Differentiate with respect to ${who} (argnums ${k})`,
      edits: [edit(facts, written.expr.span, String(k))],
      preferred: k === nearest,
    });
  }
  // the preferred fix first, as editors list them
  return fixes.sort((a, b) => Number(b.preferred) - Number(a.preferred));
}

const AUG_METHOD: Partial<Record<string, string>> = { '+': 'add', '*': 'multiply', '/': 'divide', '**': 'power' };

/** `x[i] = y` → `x = x.at[i].set(y)`; `x[i] += y` → `x = x.at[i].add(y)`. */
export function atUpdateFix(stmt: Stmt, facts: ModuleFacts): Fix | undefined {
  let target: Expr;
  let method: string;
  let value: string;
  if (stmt.kind === 'Assign' && stmt.targets.length === 1) {
    [target, method, value] = [stmt.targets[0], 'set', sourceOf(facts, stmt.value)];
  } else if (stmt.kind === 'AugAssign') {
    target = stmt.target;
    const m = stmt.op === '-' ? 'add' : AUG_METHOD[stmt.op];
    if (!m) return undefined;
    method = m;
    value = stmt.op === '-' ? `-(${sourceOf(facts, stmt.value)})` : sourceOf(facts, stmt.value);
  } else {
    return undefined;
  }
  if (target.kind !== 'Subscript') return undefined;
  const base = sourceOf(facts, target.value);
  const index = facts.text.slice(target.value.span.to, target.span.to); // `[i]`, brackets included
  const replacement = `${base} = ${base}.at${index}.${method}(${value})`;
  return { title: `Use a functional update: ${replacement}`, edits: [edit(facts, stmt.span, replacement)], preferred: true };
}
