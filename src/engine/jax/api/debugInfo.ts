// What JAX's tracing errors say about the traced function (api_util.debug_info): where it was
// defined and one name per argument leaf. Shared by jit and the control-flow bodies.

import { runContext } from '../../context';
import { PyFunction } from '../../interp/function';
import { type PyObject, pyRepr } from '../../interp';
import type { TreeDef } from '../pytree';

/** Leaf paths of one argument, JAX's arg_names: `x`, `x['w']`, `x[0]` (with `base` = 'x'). */
export function leafPaths(def: TreeDef, base = ''): string[] {
  const out: string[] = [];
  const walk = (d: TreeDef, path: string) => {
    if (d.kind === 'leaf') out.push(path);
    else if (d.kind === 'dict') d.children.forEach((c, i) => walk(c, `${path}[${pyRepr(d.keys[i])}]`));
    else if (d.kind !== 'none') d.children.forEach((c, i) => walk(c, `${path}[${i}]`));
  };
  walk(def, base);
  return out;
}

/** `f at FILE:3`, as JAX's fun_sourceinfo (the def's first line, decorators included). */
export function funcSrcInfo(fun: PyObject): string {
  if (fun instanceof PyFunction) return `${fun.name} at ${runContext().fileName}:${fun.source.lines.position(fun.span.from).line}`;
  return (fun as { name?: string }).name ?? 'fun';
}
