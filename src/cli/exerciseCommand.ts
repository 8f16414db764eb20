// `gradlens exercise list | show ID | test ID FILE`: the exercise catalog from a terminal, with
// the same test runner as the panel.

import { readFileSync } from 'node:fs';
import { CATALOG, exerciseById, exerciseView, formatExercise, formatList, formatRunResult, runExercise } from '../exercises';
import type { ExerciseArgs } from './args';

function print(lines: string[] | string): void {
  process.stdout.write(`${Array.isArray(lines) ? lines.join('\n') : lines}\n`);
}

export function runExerciseCommand(args: ExerciseArgs): number {
  if (args.action === 'list') {
    print(args.json ? JSON.stringify(CATALOG.map(exerciseView)) : formatList(CATALOG));
    return 0;
  }
  const exercise = exerciseById(args.id!);
  if (!exercise) {
    process.stderr.write(`gradlens: no exercise '${args.id}' (see: gradlens exercise list)\n`);
    return 2;
  }
  if (args.action === 'show') {
    print(args.json ? JSON.stringify(exerciseView(exercise)) : formatExercise(exercise));
    return 0;
  }
  let source: string;
  try {
    source = readFileSync(args.file!, 'utf8');
  } catch (e) {
    process.stderr.write(`gradlens: cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  const result = runExercise(exercise, source);
  print(args.json ? JSON.stringify(result) : formatRunResult(result));
  return result.passed ? 0 : 1;
}
