// Command-line parsing for `gradlens`. Kept tiny and dependency-free: the grammar is
// `gradlens <command> [options] FILE...`.

export interface CheckArgs {
  command: 'check';
  json: boolean;
  x64: boolean;
  fix: boolean;
  files: string[];
}

export interface ExerciseArgs {
  command: 'exercise';
  action: 'list' | 'show' | 'test';
  id?: string;
  file?: string;
  json: boolean;
}

export type ParsedArgs = CheckArgs | ExerciseArgs | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `usage: gradlens check [--json] [--x64] [--fix] FILE...
       gradlens exercise list [--json]
       gradlens exercise show ID
       gradlens exercise test ID FILE [--json]

Evaluates Python/JAX files with Grad Lens's embedded engine (no Python needed).
  check      run each file top to bottom; print values and diagnostics
             --json  one JSON object per file (JSON Lines)
             --x64   start with jax_enable_x64 on
             --fix   apply the preferred fix of each diagnostic in place
  exercise   list, show or test the exercise catalog
Exit status: 0 clean, 1 errors or expectation mismatches, 2 bad usage.`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    return { command: 'help' };
  }
  if (command === '--version' || command === '-V') return { command: 'version' };
  const flags = new Set(rest.filter((a) => a.startsWith('-')));
  const positional = rest.filter((a) => !a.startsWith('-'));
  const allow = (known: string[]) => {
    for (const f of flags) if (!known.includes(f)) throw new UsageError(`unknown option ${f}`);
  };
  if (command === 'check') {
    allow(['--json', '--x64', '--fix']);
    if (positional.length === 0) throw new UsageError('check needs at least one FILE');
    return { command, json: flags.has('--json'), x64: flags.has('--x64'), fix: flags.has('--fix'), files: positional };
  }
  if (command === 'exercise') {
    allow(['--json']);
    const [action, ...more] = positional;
    const json = flags.has('--json');
    if (action === 'list' && more.length === 0) return { command, action, json };
    if (action === 'show' && more.length === 1) return { command, action, id: more[0], json };
    if (action === 'test' && more.length === 2) return { command, action, id: more[0], file: more[1], json };
    throw new UsageError('exercise takes: list | show ID | test ID FILE');
  }
  throw new UsageError(`unknown command ${command}`);
}
