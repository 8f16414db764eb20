// Which custom derivative rules a differentiated function goes through, read from the source:
// functions made with `jax.custom_jvp`/`jax.custom_vjp` (as decorators, through
// `functools.partial`, or by assignment), and the top-level functions that reach them by name.
// When a gradient disagrees with finite differences and a custom rule is on the way, that
// rule is the first suspect: JAX trusts it blindly.

import type { Expr, Stmt } from '../syntax/ast';
import type { ModuleFacts } from './facts';
import { type Node, qualifiedName, walk } from './walk';

export type CustomRuleKind = 'custom_jvp' | 'custom_vjp';

export interface CustomRule {
  /** The function whose derivative the rule defines. */
  name: string;
  kind: CustomRuleKind;
  /** `f.defjvp` / `f.defvjp`, as the file registers it, when it does. */
  registration?: string;
}

function ruleKind(e: Expr, facts: ModuleFacts): CustomRuleKind | undefined {
  const q = qualifiedName(e.kind === 'Call' ? e.func : e, facts.imports);
  if (q === 'jax.custom_jvp') return 'custom_jvp';
  if (q === 'jax.custom_vjp') return 'custom_vjp';
  // functools.partial(jax.custom_jvp, nondiff_argnums=...)
  if (e.kind === 'Call' && /(^|\.)partial$/.test(q ?? (e.func.kind === 'Name' ? e.func.id : ''))) {
    const first = e.args[0];
    return first && first.kind === 'pos' ? ruleKind(first.value, facts) : undefined;
  }
  return undefined;
}

/** Functions of the module that have a custom derivative rule, by name. */
export function customRules(facts: ModuleFacts): Map<string, CustomRule> {
  const rules = new Map<string, CustomRule>();
  walk(facts.stmts, (n) => {
    if (n.kind === 'FunctionDef') {
      for (const d of n.decorators) {
        const kind = ruleKind(d, facts);
        if (kind) rules.set(n.name, { name: n.name, kind });
      }
    } else if (n.kind === 'Assign' && n.value.kind === 'Call') {
      const k = ruleKind(n.value, facts);
      if (k) for (const t of n.targets) if (t.kind === 'Name') rules.set(t.id, { name: t.id, kind: k });
    }
  });
  // `f.defjvp(...)` as a decorator or a call names the registration.
  walk(facts.stmts, (n) => {
    const target = n.kind === 'Call' ? n.func : undefined;
    if (target?.kind === 'Attribute' && target.value.kind === 'Name' && /^def(jvp|vjp|jvps)$/.test(target.attr)) {
      const rule = rules.get(target.value.id);
      if (rule) rule.registration = `${target.value.id}.${target.attr}`;
    }
    if (n.kind === 'FunctionDef') {
      for (const d of n.decorators) {
        if (d.kind === 'Attribute' && d.value.kind === 'Name' && /^def(jvp|vjp)$/.test(d.attr)) {
          const rule = rules.get(d.value.id);
          if (rule) rule.registration = `${d.value.id}.${d.attr}`;
        }
      }
    }
  });
  return rules;
}

/** Custom rules reached from `roots` (a function's body), following calls to top-level defs. */
export function customRulesReached(roots: readonly Node[], selfName: string | undefined, facts: ModuleFacts): CustomRule[] {
  const rules = customRules(facts);
  if (rules.size === 0) return [];
  const found = new Map<string, CustomRule>();
  const seen = new Set<string>();
  const visit = (nodes: readonly Node[]): void => {
    walk(nodes, (n) => {
      if (n.kind !== 'Name' || seen.has(n.id)) return;
      seen.add(n.id);
      const rule = rules.get(n.id);
      if (rule) found.set(n.id, rule);
      const def = facts.defs.get(n.id);
      if (def) visit(def.body as readonly Stmt[]);
    });
  };
  if (selfName) {
    const own = rules.get(selfName);
    if (own) found.set(selfName, own);
    seen.add(selfName);
  }
  visit(roots);
  return [...found.values()];
}
