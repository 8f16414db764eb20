// The top-level functions of a file, for the extension's CodeLenses: where each `def` is, its
// parameters (to pre-fill sample arguments), its annotation, and whether the file hands it to a
// JAX transform (`jax.grad(f)`, `jax.jit(f)`, `@jax.jit`, `vmap(f)`, ...).

import type { FunctionInfo } from '../report';
import type { ParsedModule } from '../syntax';
import type { Expr, StmtOf } from '../syntax/ast';
import type { Annotation } from './annotations';
import { walk } from './walk';

/** Names of JAX functions that take a function and transform it. */
const TRANSFORMS = new Set([
  'grad', 'value_and_grad', 'jacobian', 'jacfwd', 'jacrev', 'hessian', 'jvp', 'vjp', 'linearize',
  'vmap', 'jit', 'custom_jvp', 'custom_vjp', 'checkpoint', 'remat',
]);

function transformName(e: Expr): string | undefined {
  if (e.kind === 'Name') return TRANSFORMS.has(e.id) ? e.id : undefined;
  if (e.kind === 'Attribute') return TRANSFORMS.has(e.attr) ? e.attr : undefined;
  if (e.kind === 'Call') return transformName(e.func); // @partial-free decorator call: @jax.jit(...)
  return undefined;
}

export function listFunctions(parsed: ParsedModule, annotations: readonly Annotation[]): FunctionInfo[] {
  const passed = new Set<string>();
  const defs: StmtOf<'FunctionDef'>[] = [];
  for (const s of parsed.statements) {
    if (s.stmt?.kind === 'FunctionDef') defs.push(s.stmt);
  }
  const roots = parsed.statements.flatMap((s) => (s.stmt ? [s.stmt] : []));
  walk(roots, (n) => {
    if (n.kind === 'Call' && transformName(n.func)) {
      const first = n.args[0];
      if (first?.kind === 'pos' && first.value.kind === 'Name') passed.add(first.value.id);
    }
  });
  const lines = parsed.source.lines;
  return defs.map((def) => {
    const annotation = annotations.find((a) => a.def === def);
    const start = def.decorators.length > 0 ? Math.min(def.span.from, ...def.decorators.map((d) => d.span.from)) : def.span.from;
    const info: FunctionInfo = {
      name: def.name,
      line: lines.position(def.span.from).line,
      range: lines.range({ from: start, to: def.span.to }),
      params: [
        ...def.params.positional.map((p) => p.name),
        ...def.params.kwonly.map((p) => p.name),
      ],
      transformed: passed.has(def.name) || def.decorators.some((d) => transformName(d) !== undefined),
    };
    if (annotation) info.annotationLine = annotation.line;
    return info;
  });
}
