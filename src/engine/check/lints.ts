// Static lints: the classic jax.grad mistakes found by reading the file, without running it.
//
// Each lint carries the same code as the runtime error JAX would raise for the same mistake, on
// the same line, so run.ts can drop a lint that evaluation confirmed (the runtime diagnostic,
// with JAX's exact text, wins). Lints are warnings: they predict an error; running the code
// reports it as one.

import type { Diagnostic, Fix } from '../report';
import type { ParsedModule } from '../syntax';
import type { Expr, Span } from '../syntax/ast';
import { annotationLints } from './annotationLints';
import { arrayBindings, type ModuleFacts, moduleFacts, sourceOf, visiblyNonScalarArray } from './facts';
import { argnumsFixes, atUpdateFix, callInsteadFix, integerInputFix, returnedExpressions, wrapReturnFixes } from './fixes';
import { guessShape } from './shapeGuess';
import {
  appliedArgs, normalisedArgnums, positionalParams, resolveFunction, returnsPlainValue, transformSites,
  type TransformSite,
} from './sites';
import { FUNCTIONS, type Node, walk } from './walk';

export function lint(parsed: ParsedModule): Diagnostic[] {
  const facts = moduleFacts(parsed);
  const out: Diagnostic[] = [];
  for (const site of transformSites(facts.stmts, facts)) {
    out.push(...callInsteadLint(site, facts), ...argnumsLint(site, facts), ...integerInputLint(site, facts));
    out.push(...nonScalarLint(site, facts));
  }
  out.push(...inPlaceLints(facts), ...annotationLints(parsed, facts));
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

function diagnostic(facts: ModuleFacts, code: string, message: string, span: Span, fixes: Fix[]): Diagnostic {
  const d: Diagnostic = { severity: 'warning', code, message, range: facts.lines.range(span) };
  if (fixes.length > 0) d.fixes = fixes;
  return d;
}

function callInsteadLint(site: TransformSite, facts: ModuleFacts): Diagnostic[] {
  const inner = site.fnExpr;
  if (!inner || inner.kind !== 'Call' || inner.func.kind !== 'Name') return [];
  const fn = resolveFunction(inner.func, facts);
  if (!fn || !returnsPlainValue(fn)) return [];
  const name = inner.func.id;
  const message =
    `jax.${site.transform} needs the function itself, but this passes the result of calling it: ` +
    `${sourceOf(facts, inner)} is a value, not a function. Pass ${name} and call the transformed function ` +
    `with the arguments.`;
  const fixes = site.applied ? [] : [callInsteadFix(site.transformCall, inner, facts)];
  return [diagnostic(facts, 'call-instead-of-function', message, site.transformCall.span, fixes)];
}

function argnumsLint(site: TransformSite, facts: ModuleFacts): Diagnostic[] {
  if (!site.fn || !site.argnums || !site.argnumsExpr) return [];
  const params = positionalParams(site.fn);
  if (!params) return [];
  const n = params.length;
  const out: Diagnostic[] = [];
  for (const a of site.argnums) {
    if (!a.expr || (a.value < n && a.value >= -n)) continue;
    const name = 'def' in site.fn ? `\`${site.fn.def.name}\`` : 'the lambda';
    const listed = params.map((p, i) => `${p}=${i}`).join(', ');
    const message =
      `argnums=${a.value} is out of range: ${name} has ${n} positional parameter${n === 1 ? '' : 's'}` +
      (n > 0 ? ` (${listed})` : '') + '. Argument indices start at 0.';
    out.push(diagnostic(facts, 'argnums-out-of-range', message, a.expr.span, argnumsFixes({ value: a.value, expr: a.expr }, n, params, facts)));
  }
  return out;
}

function integerInputLint(site: TransformSite, facts: ModuleFacts): Diagnostic[] {
  const args = appliedArgs(site);
  if (!args || site.allowInt) return [];
  const positions = normalisedArgnums(site, args.length);
  if (!positions) return [];
  const out: Diagnostic[] = [];
  for (const k of new Set(positions)) {
    const arg = args[k];
    const fix = arg ? integerInputFix(arg, facts) : undefined;
    if (!arg || !fix) continue;
    const message =
      `jax.${site.transform} differentiates argument ${k}, but ${sourceOf(facts, arg)} is an integer${arg.kind === 'Constant' || arg.kind === 'UnaryOp' ? '' : ' array'}: ` +
      `gradients are defined only for floating-point (or complex) inputs. Write it with floats.`;
    out.push(diagnostic(facts, 'integer-input', message, arg.span, [fix]));
  }
  return out;
}

function nonScalarLint(site: TransformSite, facts: ModuleFacts): Diagnostic[] {
  if (site.transform !== 'grad' && site.transform !== 'value_and_grad') return [];
  if (site.hasAux || !site.fn || !site.applied) return [];
  const args = appliedArgs(site);
  const params = positionalParams(site.fn);
  if (!args || !params) return [];
  // Parameters bound to visibly non-scalar arrays at this call.
  const arrayParams = new Set<string>();
  args.forEach((a, i) => {
    if (params[i] && visiblyNonScalarArray(a, facts)) arrayParams.add(params[i]);
  });
  if (arrayParams.size === 0) return [];
  const returned = returnedExpressions(site.fn);
  const nonScalar = returned.filter((r) => guessShape(r, arrayParams, facts.imports) === 'array');
  if (nonScalar.length === 0 || nonScalar.length !== returned.length) return [];
  const name = 'def' in site.fn ? `\`${site.fn.def.name}\`` : 'the lambda';
  const message =
    `${name} returns an array (an elementwise expression of ${[...arrayParams].join(', ')}), but jax.${site.transform} ` +
    `needs a function with a scalar output. Reduce the output, e.g. with jnp.sum, or use jax.jacobian ` +
    `for a non-scalar output.`;
  return [diagnostic(facts, 'non-scalar-output', message, site.applied.span, wrapReturnFixes(site.fn, facts))];
}

/** `x[i] = y` (or `x[i] += y`) where `x` is visibly a JAX array in that scope. */
function inPlaceLints(facts: ModuleFacts): Diagnostic[] {
  const out: Diagnostic[] = [];
  const scopes: { body: readonly Node[]; arrays: Map<string, Expr> }[] = [
    { body: facts.stmts, arrays: facts.arrayNames },
  ];
  walk(facts.stmts, (n) => {
    if (n.kind === 'FunctionDef') scopes.push({ body: n.body, arrays: arrayBindings(n.body, facts.imports) });
  });
  for (const scope of scopes) {
    walk(scope.body, (n, parents) => {
      if (n.kind !== 'Assign' && n.kind !== 'AugAssign') return;
      const target = n.kind === 'Assign' ? (n.targets.length === 1 ? n.targets[0] : undefined) : n.target;
      if (!target || target.kind !== 'Subscript' || target.value.kind !== 'Name') return;
      if (!scope.arrays.has(target.value.id)) return;
      const fix = atUpdateFix(n, facts);
      const message =
        `${target.value.id} is a JAX array, and JAX arrays are immutable: item assignment raises a TypeError. ` +
        `Use a functional update, ${target.value.id} = ${target.value.id}.at[...].set(...), which returns a new array.`;
      out.push(diagnostic(facts, 'in-place-update', message, n.span, fix ? [fix] : []));
    }, FUNCTIONS);
  }
  return out;
}
