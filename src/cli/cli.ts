// The `gradlens` command. It runs the same engine as the extension, in this process.

import { readFileSync } from 'node:fs';
import { checkSource } from '../engine';
import { parseArgs, USAGE, UsageError, type CheckArgs } from './args';
import { formatReport, reportFails } from './human';
import { styleFor } from './style';
import { applyFixesToFile } from './fix';
import { runExerciseCommand } from './exerciseCommand';

const VERSION = '0.1.0';

function runCheck(args: CheckArgs): number {
  const style = styleFor(process.stdout, process.env);
  let failed = false;
  for (const file of args.files) {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`gradlens: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      failed = true;
      continue;
    }
    if (args.fix) {
      const outcome = applyFixesToFile(file, source, { x64: args.x64 });
      process.stderr.write(`${outcome.message}\n`);
      source = outcome.source;
    }
    const report = checkSource(source, { fileName: file, x64: args.x64 });
    failed = reportFails(report) || failed;
    process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : `${formatReport(report, source, style)}\n`);
  }
  return failed ? 1 : 0;
}

export function main(argv: readonly string[]): number {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`gradlens: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  switch (args.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`gradlens ${VERSION}\n`);
      return 0;
    case 'check':
      return runCheck(args);
    case 'exercise':
      return runExerciseCommand(args);
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
