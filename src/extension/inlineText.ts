// The text Grad Lens shows in the editor, computed from report data alone (no `vscode` here, so
// plain Node tests cover it): end-of-line labels, their status, and the hover's markdown.

import type { AnnotationReport, ArrayLeaf, Float0Leaf, FiniteDifferenceReport, PythonLeaf, Tree, ValueReport } from '../engine/report';

type Leaf = ArrayLeaf | Float0Leaf | PythonLeaf;

/** Which theme colour a label takes (package.json contributes one per kind). */
export type LabelKind = 'value' | 'match' | 'mismatch' | 'error';

export interface InlineLabel {
  text: string;
  kind: LabelKind;
}

/** Longest label shown at the end of a line; longer values are cut in the middle. */
export const MAX_INLINE_CHARS = 60;

/** One line, at most `max` characters: `[0. 1. 2. … 97. 98. 99.]`. */
export function abbreviate(text: string, max = MAX_INLINE_CHARS): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  if (flat.length <= max) return flat;
  const keep = max - 3;
  const head = Math.ceil(keep / 2);
  return `${flat.slice(0, head).trimEnd()} … ${flat.slice(flat.length - (keep - head)).trimStart()}`;
}

/** A Python-ish rendering of a result tree, for reports that carry no `text`. */
export function treeText(tree: Tree): string {
  if ('tuple' in tree) {
    const items = tree.tuple.map(treeText);
    return `(${items.join(', ')}${items.length === 1 ? ',' : ''})`;
  }
  if ('list' in tree) return `[${tree.list.map(treeText).join(', ')}]`;
  if ('dict' in tree) return `{${Object.entries(tree.dict).map(([k, v]) => `'${k}': ${treeText(v)}`).join(', ')}}`;
  if ('python' in tree) return tree.repr ?? String(tree.value);
  return tree.repr;
}

/**
 * `str()`-like text of an array leaf, from its repr: `Array([2., 2.], dtype=float32)` → `[2. 2.]`,
 * `Array(4., dtype=float32, weak_type=True)` → `4.0` (NumPy prints a 0-d float as Python does).
 */
function leafStr(leaf: ArrayLeaf | Float0Leaf): string {
  const m = /^Array\(([\s\S]*?)(?:, dtype=\w+)?(?:, weak_type=True)?\)$/.exec(leaf.repr);
  if (!m) return leaf.repr;
  const inner = m[1].trim();
  if (leaf.shape.length === 0) {
    // NumPy's repr writes `4.` and `1.e-05` where Python's float str writes `4.0` and `1e-05`.
    if (/^-?\d+\.$/.test(inner)) return `${inner}0`;
    return inner.replace(/^(-?\d+)\.e/, '$1e');
  }
  return inner.replace(/,\s*/g, ' ');
}

/**
 * What an end-of-line label shows for a result: `str()` of a single value (the report's `text`),
 * and for containers the elements' `str()`s, `(4.0, [2. 2.])`, instead of Python's `str(tuple)`,
 * which spells out every element's full repr (the hover still has those).
 */
export function compactText(tree: Tree, text: string | undefined): string {
  const inner = (t: Tree): string => {
    if ('tuple' in t) return `(${t.tuple.map(inner).join(', ')}${t.tuple.length === 1 ? ',' : ''})`;
    if ('list' in t) return `[${t.list.map(inner).join(', ')}]`;
    if ('dict' in t) return `{${Object.entries(t.dict).map(([k, v]) => `'${k}': ${inner(v)}`).join(', ')}}`;
    if ('python' in t) return t.repr ?? String(t.value);
    return leafStr(t);
  };
  const isContainer = 'tuple' in tree || 'list' in tree || 'dict' in tree;
  return isContainer || text === undefined ? inner(tree) : text;
}

/** The directive of an annotation comment line: `# @grad(argnums=(0, 1)) 2.0, x` → grad, [0, 1]. */
export function parseDirective(line: string): { transform: string; argnums: number | number[] } | undefined {
  const m = /^\s*#\s*@([A-Za-z_]\w*)\s*(\(((?:[^()]|\([^()]*\))*)\))?/.exec(line);
  if (!m) return undefined;
  const argnumsText = /argnums\s*=\s*(\(([^)]*)\)|\d+)/.exec(m[3] ?? '');
  let argnums: number | number[] = 0;
  if (argnumsText) {
    argnums = argnumsText[2] !== undefined
      ? argnumsText[2].split(',').map((s) => s.trim()).filter(Boolean).map(Number)
      : Number(argnumsText[1]);
  }
  return { transform: m[1], argnums };
}

/** `∇w`, `∇(w, x)`, or the transform's name when it is not a gradient. */
export function resultName(transform: string, params: readonly string[], argnums: number | number[]): string {
  const name = (i: number) => params[i] ?? `arg${i}`;
  const nabla = Array.isArray(argnums) ? `∇(${argnums.map(name).join(', ')})` : `∇${name(argnums)}`;
  if (transform === 'grad') return nabla;
  if (transform === 'value_and_grad') return `(value, ${nabla})`;
  return transform;
}

function finiteDifferenceMark(fd: FiniteDifferenceReport | undefined): { mark: string; kind: LabelKind } {
  if (!fd) return { mark: '', kind: 'value' };
  if (fd.kink) return { mark: '  ⚠ kink', kind: 'mismatch' };
  if (fd.ok) return { mark: '  ✓', kind: 'match' };
  return { mark: `  ✗ finite differences differ (${fd.maxError.toExponential(1)})`, kind: 'mismatch' };
}

export function annotationLabel(a: AnnotationReport, params: readonly string[], directiveLine: string): InlineLabel | undefined {
  if (a.result === undefined && a.text === undefined) return undefined;
  const directive = parseDirective(directiveLine);
  const name = resultName(directive?.transform ?? a.transform, params, directive?.argnums ?? 0);
  const value = abbreviate(a.result ? compactText(a.result, a.text) : a.text ?? '');
  const { mark, kind } = finiteDifferenceMark(a.finiteDifference);
  return { text: `${name} = ${value}${mark}`, kind };
}

export function valueLabel(v: ValueReport): InlineLabel {
  const value = `→ ${abbreviate(compactText(v.result, v.text))}`;
  if (v.expected) {
    return v.expected.ok
      ? { text: `${value}  ✓`, kind: 'match' }
      : { text: `${value}  ✗ expected ${v.expected.text}`, kind: 'mismatch' };
  }
  const { mark, kind } = finiteDifferenceMark(v.finiteDifference);
  return { text: value + mark, kind };
}

function leaves(tree: Tree, path: string, out: Array<{ path: string; tree: Leaf }>): void {
  if ('tuple' in tree) tree.tuple.forEach((t, i) => leaves(t, `${path}[${i}]`, out));
  else if ('list' in tree) tree.list.forEach((t, i) => leaves(t, `${path}[${i}]`, out));
  else if ('dict' in tree) Object.entries(tree.dict).forEach(([k, t]) => leaves(t, `${path}['${k}']`, out));
  else out.push({ path, tree: tree as Leaf });
}

function shapeText(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}

const fence = (text: string) => '```python\n' + text + '\n```';

/** The hover's markdown: full reprs, dtype/shape/weak type per array, the checks. */
export function hoverMarkdown(
  title: string,
  result: Tree | undefined,
  fd: FiniteDifferenceReport | undefined,
  expected?: { text: string; ok: boolean; got: string },
): string {
  const parts = [`**Grad Lens** · ${title}`];
  if (result) {
    const found: Array<{ path: string; tree: Leaf }> = [];
    leaves(result, '', found);
    for (const { path, tree } of found) {
      if (path) parts.push(`\`${path}\``);
      if ('python' in tree) {
        parts.push(fence(tree.repr ?? String(tree.value)), `Python \`${tree.python}\``);
      } else {
        parts.push(fence(tree.repr), `dtype \`${tree.dtype}\` · shape \`${shapeText(tree.shape)}\`` +
          ('weak_type' in tree ? ` · weak type \`${tree.weak_type ? 'True' : 'False'}\`` : ''));
      }
    }
  }
  if (fd) {
    if (fd.kink) parts.push(`⚠ Not differentiable at this point: ${fd.kink}`);
    else parts.push(fd.ok
      ? `✓ Finite differences agree (max error ${fd.maxError.toExponential(2)})`
      : `✗ Finite differences disagree: max error ${fd.maxError.toExponential(2)}`);
  }
  if (expected && !expected.ok) parts.push(`✗ Expected \`${expected.text}\`, got \`${expected.got}\``);
  else if (expected) parts.push(`✓ Matches the expected \`${expected.text}\``);
  return parts.join('\n\n');
}

/**
 * Sample arguments offered for an unannotated function: array-like names (`x`, `xs`, `inputs`,
 * `data`, plurals) get a small array, the rest a float scalar, e.g. `w=1.0, x=jnp.ones(3)`.
 * Floats, not ints, because `jax.grad` rejects integer inputs.
 */
export function sampleArguments(params: readonly string[]): string {
  const arrayLike = /^(x|y|X|Y|xs|ys|v|vec|inputs?|data|batch|targets?|labels?|features?|obs)$|[a-z]s$/;
  return params
    .filter((p) => !p.startsWith('*'))
    .map((p) => `${p}=${arrayLike.test(p) ? 'jnp.ones(3)' : '1.0'}`)
    .join(', ');
}
