// Human-readable output of `gradlens check`: each result on the line it belongs to, in line
// order, the source text beside it, errors in red when the terminal supports colour.

import type { Diagnostic, Report } from '../engine/report';
import type { Style } from './style';

const SOURCE_COLUMN = 44;

interface Row {
  line: number;
  order: number;
  render(): string[];
}

/** The code of a statement's first line, without its trailing comment. */
function snippet(source: string, range: { start: { offset: number }; end: { offset: number } }): string {
  const text = source.slice(range.start.offset, range.end.offset).split('\n')[0].trim();
  return text.length > SOURCE_COLUMN ? `${text.slice(0, SOURCE_COLUMN - 1)}…` : text.padEnd(SOURCE_COLUMN);
}

function indentRest(text: string, indent: string): string {
  return text.split('\n').join(`\n${indent}`);
}

export function formatReport(report: Report, source: string, style: Style): string {
  const gutter = (line: number) => String(line).padStart(5);
  const valueIndent = ' '.repeat(5 + 2 + SOURCE_COLUMN + 1 + 2);
  const rows: Row[] = [];

  for (const v of report.values) {
    rows.push({
      line: v.line,
      order: 1,
      render: () => {
        let tail = '';
        if (v.expected) {
          tail = v.expected.ok ? style.green(`  ✓ # → ${v.expected.text}`) : style.red(`  ✗ expected ${v.expected.text}`);
        }
        if (v.finiteDifference) tail += finiteDifferenceText(v.finiteDifference, style);
        return [`${style.dim(gutter(v.line))}  ${style.dim(snippet(source, v.range))} → ${indentRest(v.repr, valueIndent)}${tail}`];
      },
    });
  }
  for (const a of report.annotations) {
    rows.push({
      line: a.line,
      order: 0,
      render: () => {
        const result = a.text === undefined ? style.dim('(not computed)') : indentRest(a.text, valueIndent);
        const fd = a.finiteDifference ? finiteDifferenceText(a.finiteDifference, style) : '';
        return [`${style.dim(gutter(a.line))}  ${style.dim(`@${a.transform} ${a.function}`.padEnd(SOURCE_COLUMN))} → ${result}${fd}`];
      },
    });
  }
  for (const d of report.diagnostics) {
    rows.push({ line: d.range.start.line, order: 2, render: () => diagnosticLines(d, gutter, style) });
  }
  rows.sort((a, b) => a.line - b.line || a.order - b.order);

  const out = [style.bold(report.file)];
  for (const r of rows) out.push(...r.render());
  if (report.output.length > 0) {
    out.push(style.dim('  printed:'));
    for (const line of report.output) out.push(`    ${line}`);
  }
  out.push(summary(report, style));
  return out.join('\n');
}

function finiteDifferenceText(fd: { ok: boolean; maxError: number; kink?: string }, style: Style): string {
  if (fd.kink) return style.yellow(`  ⚠ kink: ${fd.kink}`);
  return fd.ok ? style.green('  ✓ finite differences') : style.red(`  ✗ finite differences differ by ${fd.maxError.toPrecision(3)}`);
}

function diagnosticLines(d: Diagnostic, gutter: (n: number) => string, style: Style): string[] {
  const paint = d.severity === 'error' ? style.red : d.severity === 'warning' ? style.yellow : style.dim;
  const head = d.errorType ? `${d.errorType}: ` : '';
  const lines = d.message.split('\n');
  const out = [`${style.dim(gutter(d.range.start.line))}  ${paint(`${d.severity} ${head}${lines[0]}`)} ${style.dim(`[${d.code}]`)}`];
  for (const more of lines.slice(1)) out.push(`       ${paint(more)}`);
  for (const f of d.traceback?.slice(0, -1) ?? []) {
    out.push(style.dim(`       called from ${f.name} at line ${f.range.start.line}`));
  }
  for (const fix of d.fixes ?? []) out.push(style.dim(`       fix${fix.preferred ? ' (preferred)' : ''}: ${fix.title}`));
  return out;
}

function summary(report: Report, style: Style): string {
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
  const mismatches = report.values.filter((v) => v.expected && !v.expected.ok).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const parts = [
    plural(report.values.length, 'value'),
    plural(report.annotations.length, 'annotation'),
    plural(errors, 'error'),
    plural(warnings, 'warning'),
  ];
  if (mismatches > 0) parts.push(plural(mismatches, 'mismatch').replace('mismatchs', 'mismatches'));
  const text = `  ${parts.join(', ')}`;
  return errors > 0 || mismatches > 0 ? style.red(text) : style.green(text);
}

/** Exit status rule of DESIGN §5: an error diagnostic or an expectation mismatch fails. */
export function reportFails(report: Report): boolean {
  return (
    report.diagnostics.some((d) => d.severity === 'error') || report.values.some((v) => v.expected !== undefined && !v.expected.ok)
  );
}
