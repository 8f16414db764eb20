// Fixes for errors raised while running the code. The runtime diagnostic says *what* went wrong
// (its code) and *where* (its range and traceback); this finds the source that caused it on
// those lines and offers the same repairs as the static lints.

import type { Diagnostic, Fix, Range } from '../report';
import type { ParsedModule } from '../syntax';
import { annotationErrorFixes } from './annotationLints';
import { type ModuleFacts, moduleFacts } from './facts';
import { argnumsFixes, atUpdateFix, callInsteadFix, integerInputFix, wrapReturnFixes } from './fixes';
import { appliedArgs, normalisedArgnums, positionalParams, transformSites, type TransformSite } from './sites';
import { walk } from './walk';

export interface FixContext {
  /** Reuse the facts of a module already analysed in this run. */
  facts?: ModuleFacts;
}

export function fixesForError(diagnostic: Diagnostic, parsed: ParsedModule, context: FixContext = {}): Fix[] {
  const facts = context.facts ?? moduleFacts(parsed);
  const fromAnnotation = annotationErrorFixes(diagnostic.code, diagnostic.range.start.line, parsed, facts);
  if (fromAnnotation) return fromAnnotation;
  const ranges: Range[] = [diagnostic.range, ...(diagnostic.traceback ?? []).map((f) => f.range)];
  const onLines = (span: { from: number; to: number }): boolean => {
    const r = facts.lines.range(span);
    return ranges.some((x) => r.start.line <= x.end.line && x.start.line <= r.end.line);
  };
  const sites = transformSites(facts.stmts, facts).filter((s) => onLines(s.applied?.span ?? s.transformCall.span));
  switch (diagnostic.code) {
    case 'non-scalar-output':
      return first(sites, (s) => (s.fn && !s.hasAux ? wrapReturnFixes(s.fn, facts) : []));
    case 'integer-input':
      return first(sites, (s) => integerFixes(s, facts));
    case 'call-instead-of-function':
      return first(sites, (s) =>
        s.fnExpr?.kind === 'Call' && !s.applied ? [callInsteadFix(s.transformCall, s.fnExpr, facts)] : [],
      );
    case 'argnums-out-of-range':
      return first(sites, (s) => argnumsRangeFixes(s, facts));
    case 'in-place-update':
      return inPlaceFixes(facts, ranges);
    default:
      return [];
  }
}

/** The fixes of the innermost site (last on the traceback's lines) that has any. */
function first(sites: TransformSite[], fixesOf: (s: TransformSite) => Fix[]): Fix[] {
  for (const s of [...sites].reverse()) {
    const fixes = fixesOf(s);
    if (fixes.length > 0) return fixes;
  }
  return [];
}

function integerFixes(site: TransformSite, facts: ModuleFacts): Fix[] {
  const args = appliedArgs(site);
  if (!args) return [];
  const positions = normalisedArgnums(site, args.length) ?? [];
  const fixes: Fix[] = [];
  for (const k of new Set(positions)) {
    const fix = args[k] ? integerInputFix(args[k], facts) : undefined;
    if (fix) fixes.push(fix);
  }
  if (fixes.length <= 1) return fixes;
  // several integer arguments: one fix that makes them all floats
  return [{ title: 'Pass floats instead of integers', edits: fixes.flatMap((f) => f.edits), preferred: true }];
}

function argnumsRangeFixes(site: TransformSite, facts: ModuleFacts): Fix[] {
  if (!site.argnums) return [];
  const params = site.fn ? positionalParams(site.fn) : undefined;
  const n = params?.length ?? appliedArgs(site)?.length;
  if (n === undefined) return [];
  const bad = site.argnums.find((a) => a.expr && (a.value >= n || a.value < -n));
  return bad?.expr ? argnumsFixes({ value: bad.value, expr: bad.expr }, n, params, facts) : [];
}

function inPlaceFixes(facts: ModuleFacts, ranges: Range[]): Fix[] {
  // the innermost frame is the assignment itself
  const lines = ranges.map((r) => r.start.line).reverse();
  for (const line of lines) {
    let fix: Fix | undefined;
    walk(facts.stmts, (n) => {
      if (fix || (n.kind !== 'Assign' && n.kind !== 'AugAssign')) return;
      if (facts.lines.position(n.span.from).line !== line) return;
      fix = atUpdateFix(n, facts);
    });
    if (fix) return [fix];
  }
  return [];
}
