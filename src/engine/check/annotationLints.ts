// Lints of `# @grad ...` annotations: the same mistakes as at call sites (integer arguments,
// argnums out of range, a visibly non-scalar output), found in the comment before it runs.
// Ranges point into the comment, where the fix edits.

import type { Diagnostic } from '../report';
import type { ParsedModule } from '../syntax';
import { type AnnotationSite, annotationSites } from './annotationSites';
import { type ModuleFacts, sourceOf, visiblyNonScalarArray } from './facts';
import { argnumsFixes, floatLiteralFix, returnedExpressions, wrapReturnFixes } from './fixes';
import { guessShape } from './shapeGuess';

const SCALAR_OUTPUT = new Set(['grad', 'value_and_grad']);

export function annotationLints(parsed: ParsedModule, facts: ModuleFacts): Diagnostic[] {
  return annotationSites(parsed).flatMap((site) => [
    ...argnumsLint(site, facts),
    ...integerLint(site, facts),
    ...nonScalarLint(site, facts),
  ]);
}

function params(site: AnnotationSite): string[] {
  return site.annotation.def.params.positional.map((p) => p.name);
}

function argnumsLint(site: AnnotationSite, facts: ModuleFacts): Diagnostic[] {
  if (site.annotation.def.params.varargs) return [];
  const names = params(site);
  const n = names.length;
  return (site.argnums ?? []).flatMap((a) => {
    if (!a.expr || (a.value < n && a.value >= -n)) return [];
    const message = `argnums=${a.value} is out of range: ${site.annotation.functionName} has ${n} positional parameter${n === 1 ? '' : 's'} (${names.map((p, i) => `${p}=${i}`).join(', ')}).`;
    return [{
      severity: 'warning' as const, code: 'argnums-out-of-range', message,
      range: facts.lines.range(a.expr.span), fixes: argnumsFixes({ value: a.value, expr: a.expr }, n, names, facts),
    }];
  });
}

function integerLint(site: AnnotationSite, facts: ModuleFacts): Diagnostic[] {
  if (site.allowInt || !site.argnums) return [];
  const n = site.args.length;
  const out: Diagnostic[] = [];
  for (const a of site.argnums) {
    const k = a.value < 0 ? a.value + n : a.value;
    const arg = site.args[k];
    if (!arg || !(arg.kind === 'Constant' && arg.value.type === 'int') && !(arg.kind === 'UnaryOp' && arg.operand.kind === 'Constant' && arg.operand.value.type === 'int')) continue;
    const fix = floatLiteralFix(arg, facts);
    out.push({
      severity: 'warning', code: 'integer-input',
      message: `@${site.annotation.transform} differentiates ${params(site)[k]}, but ${sourceOf(facts, arg)} is an integer: gradients are defined only for floating-point inputs. Write it as a float.`,
      range: facts.lines.range(arg.span), ...(fix ? { fixes: [fix] } : {}),
    });
  }
  return out;
}

function nonScalarLint(site: AnnotationSite, facts: ModuleFacts): Diagnostic[] {
  if (!SCALAR_OUTPUT.has(site.annotation.transform) || site.hasAux) return [];
  const names = params(site);
  const arrays = new Set(names.filter((_, i) => site.args[i] && visiblyNonScalarArray(site.args[i]!, facts)));
  if (arrays.size === 0) return [];
  const fn = { def: site.annotation.def };
  const returned = returnedExpressions(fn);
  if (returned.length === 0 || !returned.every((r) => guessShape(r, arrays, facts.imports) === 'array')) return [];
  return [{
    severity: 'warning', code: 'non-scalar-output',
    message: `${site.annotation.functionName} returns an array (an elementwise expression of ${[...arrays].join(', ')}), but @${site.annotation.transform} needs a scalar output. Reduce it, e.g. with jnp.sum, or annotate with @jacobian.`,
    range: site.annotation.range, fixes: wrapReturnFixes(fn, facts),
  }];
}

/** Fixes for a runtime error raised while evaluating the annotation on `line`. */
export function annotationErrorFixes(code: string, line: number, parsed: ParsedModule, facts: ModuleFacts) {
  const site = annotationSites(parsed).find((s) => s.annotation.line === line);
  if (!site) return undefined;
  switch (code) {
    case 'non-scalar-output':
      return site.hasAux ? [] : wrapReturnFixes({ def: site.annotation.def }, facts);
    case 'integer-input': {
      const n = site.args.length;
      const fixes = (site.argnums ?? []).flatMap((a) => {
        const arg = site.args[a.value < 0 ? a.value + n : a.value];
        const fix = arg ? floatLiteralFix(arg, facts) : undefined;
        return fix ? [fix] : [];
      });
      return fixes.length <= 1 ? fixes : [{ title: 'Pass floats instead of integers', edits: fixes.flatMap((f) => f.edits), preferred: true }];
    }
    case 'argnums-out-of-range':
      return argnumsLint(site, facts).flatMap((d) => d.fixes ?? []);
    default:
      return [];
  }
}
