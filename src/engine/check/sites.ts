// Where the file applies a grad-family transform, with what it can be read off the source:
// `jax.grad(f, argnums=1, has_aux=True)(a, b)` → the transform, the function (a top-level def
// or a lambda), the literal options, and the call that applies the transformed function.

import type { Expr, ExprOf } from '../syntax/ast';
import type { ModuleFacts } from './facts';
import type { DifferentiatedFunction } from './fixes';
import {
  type Node, gradFamilyName, hasUnpacking, keywordArg, literalArgnums, positionalArgs, walk,
} from './walk';

export interface TransformSite {
  /** 'grad', 'value_and_grad', 'jacobian', 'jacfwd', 'jacrev', 'hessian'. */
  transform: string;
  /** `jax.grad(f, ...)`. */
  transformCall: ExprOf<'Call'>;
  /** The first argument as written (`f`, `lambda x: ...`, or a mistaken call `f(x)`). */
  fnExpr: Expr | undefined;
  /** The function when it is a top-level def or an inline lambda. */
  fn: DifferentiatedFunction | undefined;
  /** `argnums=` as written (absent: 0). */
  argnumsExpr: Expr | undefined;
  /** The argnums when literal; `[{value: 0}]` by default. */
  argnums: { value: number; expr: Expr | undefined }[] | undefined;
  hasAux: boolean;
  allowInt: boolean;
  /** `jax.grad(f)(args)`: the call applying the transformed function, when there is one. */
  applied: ExprOf<'Call'> | undefined;
}

function isTrue(e: Expr | undefined): boolean {
  return e !== undefined && e.kind === 'Constant' && e.value.type === 'bool' && e.value.value;
}

export function transformSites(roots: readonly Node[], facts: ModuleFacts): TransformSite[] {
  const sites: TransformSite[] = [];
  walk(roots, (n, parents) => {
    if (n.kind !== 'Call') return;
    const transform = gradFamilyName(n, facts.imports);
    if (!transform) return;
    const fnExpr = positionalArgs(n)[0] ?? keywordArg(n, 'fun');
    const argnumsExpr = keywordArg(n, 'argnums') ?? positionalArgs(n)[1];
    const parent = parents[parents.length - 1];
    sites.push({
      transform,
      transformCall: n,
      fnExpr,
      fn: fnExpr ? resolveFunction(fnExpr, facts) : undefined,
      argnumsExpr,
      argnums: argnumsExpr ? literalArgnums(argnumsExpr) : [{ value: 0, expr: undefined }],
      hasAux: isTrue(keywordArg(n, 'has_aux')),
      allowInt: isTrue(keywordArg(n, 'allow_int')),
      applied: parent && parent.kind === 'Call' && parent.func === n ? parent : undefined,
    });
  });
  return sites;
}

export function resolveFunction(e: Expr, facts: ModuleFacts): DifferentiatedFunction | undefined {
  if (e.kind === 'Lambda') return { lambda: e };
  if (e.kind === 'Name') {
    const def = facts.defs.get(e.id);
    return def ? { def } : undefined;
  }
  return undefined;
}

/** Positional parameter names, or undefined when `*args` makes the count open-ended. */
export function positionalParams(fn: DifferentiatedFunction): string[] | undefined {
  const params = 'def' in fn ? fn.def.params : fn.lambda.params;
  return params.varargs ? undefined : params.positional.map((p) => p.name);
}

/** The arguments of the applying call, when they can be counted (no `*args`). */
export function appliedArgs(site: TransformSite): Expr[] | undefined {
  return site.applied && !hasUnpacking(site.applied) ? positionalArgs(site.applied) : undefined;
}

/** Argnums normalised to non-negative indices for `n` positional arguments (undefined if not literal). */
export function normalisedArgnums(site: TransformSite, n: number): number[] | undefined {
  return site.argnums?.map((a) => (a.value < 0 ? a.value + n : a.value));
}

/** A `def` that visibly returns a value (not a function), so calling it inside grad is a mistake. */
export function returnsPlainValue(fn: DifferentiatedFunction): boolean {
  if ('lambda' in fn) return fn.lambda.body.kind !== 'Lambda';
  let makesFunctions = false;
  walk(fn.def.body, (n) => {
    if (n.kind === 'FunctionDef' || n.kind === 'Lambda') makesFunctions = true;
  });
  return !makesFunctions;
}
