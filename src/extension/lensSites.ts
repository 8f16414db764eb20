// Where "Compute gradient" lenses go before the engine has run (live mode off, or the first check
// still pending): a plain text scan for top-level defs, their `# @grad`-style annotation comments
// and the functions the file passes to a JAX transform. It is only a placeholder: as soon as a
// report exists, its `functions` list (from the real parse) is used instead.

import type { FunctionInfo } from '../engine/report';

const DIRECTIVE = /^#\s*@(grad|value_and_grad|jacobian|jacfwd|jacrev|hessian)\b/;
const TRANSFORMS = 'grad|value_and_grad|jacobian|jacfwd|jacrev|hessian|jit|vmap|jvp|vjp|custom_jvp|custom_vjp|checkpoint';

export function scanFunctions(source: string): FunctionInfo[] {
  const lines = source.split(/\r?\n/);
  const offsets: number[] = [];
  let offset = 0;
  for (const l of lines) {
    offsets.push(offset);
    offset += l.length + 1;
  }
  const out: FunctionInfo[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(([^)]*)\)?/.exec(lines[i]);
    if (!m) continue;
    // Decorators and then the annotation comment sit directly above the def.
    let top = i;
    while (top > 0 && /^@/.test(lines[top - 1])) top--;
    const decorated = top < i && lines.slice(top, i).some((l) => new RegExp(`^@(?:jax\\.)?(?:${TRANSFORMS})\\b`).test(l));
    const annotationLine = top > 0 && DIRECTIVE.test(lines[top - 1].trim()) ? top : undefined;
    const name = m[1];
    const passed = new RegExp(`\\b(?:${TRANSFORMS})\\(\\s*${name}\\b`).test(source);
    const params = (m[2] ?? '').split(',').map((p) => p.trim().split(/[:=]/)[0].trim()).filter((p) => p && p !== '/' && p !== '*');
    const start = { line: top + 1, column: 0, offset: offsets[top] };
    out.push({
      name,
      line: i + 1,
      range: { start, end: { line: i + 1, column: lines[i].length, offset: offsets[i] + lines[i].length } },
      params,
      ...(annotationLine !== undefined ? { annotationLine } : {}),
      transformed: decorated || passed,
    });
  }
  return out;
}
