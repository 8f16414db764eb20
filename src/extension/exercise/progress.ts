// The learner's progress on the track, kept in the extension's globalState so it survives
// restarts: per exercise, its status, how many hints are revealed and whether the solution is
// unlocked. What is read back is validated: globalState is a file another version may have written.

export type ExerciseStatus = 'new' | 'attempted' | 'solved';

export interface ExerciseProgress {
  status: ExerciseStatus;
  hintsShown: number;
  solutionUnlocked: boolean;
}

/** The part of `vscode.Memento` this uses (so unit tests need no VS Code). */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export const PROGRESS_KEY = 'gradlens.exercises.progress';

const FRESH: ExerciseProgress = { status: 'new', hintsShown: 0, solutionUnlocked: false };

function isProgress(x: unknown): x is ExerciseProgress {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Record<string, unknown>;
  return (
    (p.status === 'new' || p.status === 'attempted' || p.status === 'solved') &&
    Number.isInteger(p.hintsShown) &&
    (p.hintsShown as number) >= 0 &&
    typeof p.solutionUnlocked === 'boolean'
  );
}

export class ProgressStore {
  constructor(private readonly store: StateStore) {}

  private all(): Record<string, ExerciseProgress> {
    const raw = this.store.get<unknown>(PROGRESS_KEY);
    const out: Record<string, ExerciseProgress> = {};
    if (typeof raw !== 'object' || raw === null) return out;
    for (const [id, p] of Object.entries(raw)) if (isProgress(p)) out[id] = p;
    return out;
  }

  get(id: string): ExerciseProgress {
    return { ...(this.all()[id] ?? FRESH) };
  }

  async set(id: string, progress: ExerciseProgress): Promise<void> {
    await this.store.update(PROGRESS_KEY, { ...this.all(), [id]: progress });
  }

  /** One more hint, up to `count`. */
  async revealHint(id: string, count: number): Promise<ExerciseProgress> {
    const p = this.get(id);
    p.hintsShown = Math.min(count, p.hintsShown + 1);
    await this.set(id, p);
    return p;
  }

  /** A run: a pass solves the exercise for good; any run unlocks the solution (a real attempt). */
  async recordRun(id: string, passed: boolean): Promise<ExerciseProgress> {
    const p = this.get(id);
    p.status = passed || p.status === 'solved' ? 'solved' : 'attempted';
    p.solutionUnlocked = true;
    await this.set(id, p);
    return p;
  }
}
