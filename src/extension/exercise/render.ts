// The panel's content as HTML, built on the extension side from the catalog, the learner's
// progress and the last test run. Everything that is not the project's own markdown (the
// learner's code, test calls, values, exception texts) goes through `escapeHtml`. No `vscode`
// import and no engine: unit tests render it directly, and the extension host never loads the
// engine (the catalog's closed forms are plain arithmetic).

import { exampleViews, reasonBeyondValues } from '../../exercises/present';
import type { RunResult, TestOutcome } from '../../exercises/runner';
import type { Exercise } from '../../exercises/types';
import { LEVEL_NAMES } from '../../exercises/types';
import type { ExerciseRunResponse } from './exerciseClient';
import { renderInline, renderMarkdown } from './markdown';
import type { ExerciseProgress, ExerciseStatus } from './progress';

export interface PanelModel {
  exercise: Exercise;
  progress: ExerciseProgress;
  /** 1-based position in the track. */
  position: number;
  trackLength: number;
  next?: { id: string; title: string };
  running: boolean;
  lastRun?: ExerciseRunResponse;
  solutionShown: boolean;
  /** Where the learner's file is, for the "Open starter file" button's tooltip. */
  starterPath?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export const STATUS_LABELS: Readonly<Record<ExerciseStatus, string>> = {
  new: 'new',
  attempted: 'attempted',
  solved: 'solved',
};

function button(action: string, label: string, opts: { primary?: boolean; disabled?: boolean; title?: string } = {}): string {
  const cls = opts.primary ? 'button primary' : 'button secondary';
  const title = opts.title ? ` title="${escapeHtml(opts.title)}"` : '';
  return `<button type="button" class="${cls}" data-action="${action}"${opts.disabled ? ' disabled' : ''}${title}>${escapeHtml(label)}</button>`;
}

function examplesHtml(exercise: Exercise): string {
  const rows = exampleViews(exercise).map((ex) =>
    `<tr><td><code>${escapeHtml(ex.call)}</code></td><td><code>${escapeHtml(ex.expected)}</code></td></tr>`);
  return `<section aria-labelledby="examples-h"><h2 id="examples-h">Examples</h2>
<table class="examples"><thead><tr><th scope="col">Call</th><th scope="col">Returns</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<p class="muted">Plus ${exercise.hiddenTests.length} hidden tests: zeros, negative values, tiny and large inputs.</p></section>`;
}

const MARKS: Record<TestOutcome['status'], string> = { passed: 'PASS', failed: 'FAIL', error: 'ERROR', 'not-run': 'NOT RUN' };

function outcomeHtml(o: TestOutcome): string {
  const name = o.visible ? `<code>${escapeHtml(o.call)}</code>` : `hidden test: ${escapeHtml(o.description)}`;
  const details: string[] = [];
  if (o.status !== 'passed') {
    details.push(`<div><span class="label">expected</span> <code>${escapeHtml(o.expected)}</code></div>`);
    if (o.got !== undefined) details.push(`<div><span class="label">got</span> <code>${escapeHtml(o.got)}</code></div>`);
    const reason = reasonBeyondValues(o);
    if (reason) details.push(`<div class="reason">${escapeHtml(reason)}</div>`);
  }
  return `<li class="outcome ${o.status}"><span class="mark">${MARKS[o.status]}</span> ${name}${details.length ? `<div class="details">${details.join('')}</div>` : ''}</li>`;
}

function resultHtml(result: RunResult): string {
  const passed = result.outcomes.filter((o) => o.status === 'passed').length;
  const verdict = result.passed ? 'Solved: every test passes.' : 'Not solved yet.';
  const parts = [`<p class="verdict ${result.passed ? 'passed' : 'failed'}">${passed}/${result.outcomes.length} tests passed. ${verdict}</p>`];
  if (result.internalError) parts.push(`<p class="error">Grad Lens internal error: ${escapeHtml(result.internalError)}</p>`);
  if (result.mistakes.length > 0) {
    const items = result.mistakes.map((m) => `<li class="feedback" data-mistake="${escapeHtml(m.id)}">${renderMarkdown(m.feedback)}</li>`);
    parts.push(`<h3>Feedback</h3><ul class="feedback-list">${items.join('')}</ul>`);
  }
  for (const d of result.fileErrors) {
    parts.push(`<p class="error">Line ${d.range.start.line}: ${escapeHtml(d.errorType ?? 'error')}: ${escapeHtml(d.message)}</p>`);
  }
  parts.push(`<ul class="outcomes">${result.outcomes.map(outcomeHtml).join('')}</ul>`);
  return parts.join('\n');
}

function runHtml(model: PanelModel): string {
  let body: string;
  if (model.running) body = '<p class="muted">Running the tests…</p>';
  else if (!model.lastRun) body = '<p class="muted">Edit the starter file, then run the tests.</p>';
  else if (model.lastRun.status === 'ok') body = resultHtml(model.lastRun.result);
  else body = `<p class="error">${escapeHtml(model.lastRun.message)}</p>`;
  return `<section aria-labelledby="results-h"><h2 id="results-h">Test results</h2><div id="results" aria-live="polite">${body}</div></section>`;
}

function hintsHtml(model: PanelModel): string {
  const { hints } = model.exercise;
  const shown = hints.slice(0, model.progress.hintsShown);
  const list = shown.length ? `<ol class="hints">${shown.map((h) => `<li>${renderInline(h)}</li>`).join('')}</ol>` : '';
  const more = shown.length < hints.length
    ? button('showHint', shown.length ? `Show hint ${shown.length + 1} of ${hints.length}` : `Show a hint (${hints.length})`)
    : '<p class="muted">No more hints.</p>';
  return `<section aria-labelledby="hints-h"><h2 id="hints-h">Hints</h2>${list}${more}</section>`;
}

function solutionHtml(model: PanelModel): string {
  let body: string;
  if (!model.progress.solutionUnlocked) body = '<p class="muted">The reference solution unlocks after you run the tests once.</p>';
  else if (!model.solutionShown) body = button('showSolution', 'Show the reference solution');
  else body = `<pre class="solution"><code>${escapeHtml(model.exercise.solution)}</code></pre>`;
  return `<section aria-labelledby="solution-h"><h2 id="solution-h">Solution</h2>${body}</section>`;
}

/**
 * The catalog writes statements as String.raw templates (so TeX backslashes survive), where a
 * code span's backtick has to be written \` and keeps its backslash; markdown would then show
 * the backtick literally. No statement means a literal backtick, so the escapes are undone.
 */
export function statementMarkdown(statement: string): string {
  return statement.replace(/\\`/g, '`');
}

/** The panel's body (inside `<main>`). */
export function panelBody(model: PanelModel): string {
  const { exercise, progress } = model;
  const solved = progress.status === 'solved';
  const actions = [
    button('runTests', model.running ? 'Running…' : 'Run tests', { primary: true, disabled: model.running }),
    button('openStarter', 'Open the exercise file', { title: model.starterPath }),
    ...(solved && model.next ? [button('nextExercise', `Next exercise: ${model.next.title}`, { primary: true })] : []),
  ];
  return `<header>
<p class="muted">Exercise ${model.position} of ${model.trackLength} · ${LEVEL_NAMES[exercise.level]} · <span class="status ${progress.status}">${STATUS_LABELS[progress.status]}</span></p>
<h1>${escapeHtml(exercise.title)}</h1>
</header>
<section class="statement" aria-label="Statement">${renderMarkdown(statementMarkdown(exercise.statement))}</section>
${examplesHtml(exercise)}
<div class="actions" role="toolbar" aria-label="Exercise actions">${actions.join('')}</div>
${runHtml(model)}
${hintsHtml(model)}
${solutionHtml(model)}`;
}

/** The whole webview document: strict CSP, stylesheets and the one script from media/ only. */
export function panelDocument(opts: { body: string; nonce: string; cspSource: string; styles: string[]; script: string }): string {
  const csp = [
    "default-src 'none'",
    `style-src ${opts.cspSource}`,
    `font-src ${opts.cspSource}`,
    `img-src ${opts.cspSource}`,
    `script-src 'nonce-${opts.nonce}'`,
  ].join('; ');
  const links = opts.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${links}
<title>Grad Lens exercise</title>
</head>
<body>
<main id="panel">${opts.body}</main>
<script nonce="${opts.nonce}" src="${escapeHtml(opts.script)}"></script>
</body>
</html>`;
}
