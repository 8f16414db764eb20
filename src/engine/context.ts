// The state of one evaluation run, shared by every layer of the engine.
//
// The engine is synchronous and single-threaded, so the current run is a module-level slot set
// by `withRunContext` for the duration of a run. Layers read it through `runContext()` instead
// of threading it through every array kernel.

import { PyError } from './errors';

export interface Limits {
  /** Steps (statements, calls, primitive applications) for each top-level statement. */
  maxSteps: number;
  /** Array elements allocated over the whole run. */
  maxTotalElements: number;
  /** Elements in any single array. */
  maxArrayElements: number;
  /** Python call depth. */
  maxDepth: number;
  /** Items that built-ins and loops draw from iterators in one top-level statement: bounds the
   *  time of `sorted(range(10**9))`, which takes no interpreter steps. */
  maxIterations: number;
  /** Items in one list, tuple, set or dict, characters in one str: a single JS allocation this
   *  large could exceed the worker's heap cap in one step, which V8 cannot recover from. */
  maxContainerItems: number;
  /** List/tuple/str items that large operations (repetition, concatenation, collecting an
   *  iterator) materialise over the whole run. */
  maxTotalItems: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxSteps: 5_000_000,
  maxTotalElements: 100_000_000,
  maxArrayElements: 50_000_000,
  maxDepth: 200,
  maxIterations: 10_000_000,
  maxContainerItems: 10_000_000,
  maxTotalItems: 100_000_000,
};

export interface EmittedWarning {
  category: string;
  message: string;
}

export class RunContext {
  /** `jax.config.update("jax_enable_x64", True)` flips this during a run. */
  x64: boolean;
  /** The user's x64 while the finite-difference check evaluates the user's function in float64
   *  (undefined otherwise): values that must not change with it, such as random draws, use it. */
  userX64: boolean | undefined = undefined;
  /** The file being run, as JAX's messages name it (`f at FILE:3`). */
  readonly fileName: string;
  readonly limits: Limits;
  steps = 0;
  iterations = 0;
  totalElements = 0;
  totalItems = 0;
  readonly warnings: EmittedWarning[] = [];

  constructor(options: { x64?: boolean; limits?: Partial<Limits>; fileName?: string } = {}) {
    this.x64 = options.x64 ?? false;
    this.fileName = options.fileName ?? '<string>';
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  warn(category: string, message: string): void {
    this.warnings.push({ category, message });
  }

  /** A new top-level statement gets a fresh step budget: one endless loop must not take the
   *  rest of the file down with it. (Elements stay counted over the whole run: they are memory.) */
  startStatement(): void {
    this.steps = 0;
    this.iterations = 0;
  }

  /** Called by the interpreter once per statement/call, and by `bind` per primitive. */
  step(): void {
    if (++this.steps > this.limits.maxSteps) {
      throw new PyError(
        'BudgetExceeded',
        `Grad Lens stopped this code after ${this.limits.maxSteps.toLocaleString('en-US')} steps: does a loop run forever?`,
      );
    }
  }

  /** Called for every item drawn from a Python iterator. */
  iterate(): void {
    if (++this.iterations > this.limits.maxIterations) {
      throw new PyError(
        'BudgetExceeded',
        `Grad Lens stopped this code after it iterated over ${this.limits.maxIterations.toLocaleString('en-US')} items: does it loop over something huge?`,
      );
    }
  }

  /** Called before building a Python container (or str) of `n` items. */
  allocateItems(n: number, what: string, max = this.limits.maxContainerItems): void {
    if (n > max) {
      const unit = what === 'str' ? 'characters' : 'items';
      throw new PyError(
        'BudgetExceeded',
        `Grad Lens does not build a ${what} of ${n.toLocaleString('en-US')} ${unit} (the limit is ${max.toLocaleString('en-US')} in one ${what})`,
      );
    }
    this.totalItems += n;
    if (this.totalItems > this.limits.maxTotalItems) {
      throw new PyError(
        'BudgetExceeded',
        `Grad Lens stopped this code after it built lists, tuples and strings of ${this.limits.maxTotalItems.toLocaleString('en-US')} items in total`,
      );
    }
  }

  /** Called by the array layer before allocating `n` elements. */
  allocate(n: number, shape: readonly number[]): void {
    if (n > this.limits.maxArrayElements) {
      throw new PyError(
        'BudgetExceeded',
        `Grad Lens does not create an array of shape (${shape.join(', ')}${shape.length === 1 ? ',' : ''}) ` +
          `(${n.toLocaleString('en-US')} elements; the limit is ${this.limits.maxArrayElements.toLocaleString('en-US')} in one array)`,
      );
    }
    this.totalElements += n;
    if (this.totalElements > this.limits.maxTotalElements) {
      throw new PyError(
        'BudgetExceeded',
        `Grad Lens stopped this code after it allocated ${this.limits.maxTotalElements.toLocaleString('en-US')} array elements in total`,
      );
    }
  }
}

let current: RunContext = new RunContext();

export function runContext(): RunContext {
  return current;
}

/** Runs `fn` with `ctx` as the current run, restoring the previous one afterwards. */
export function withRunContext<T>(ctx: RunContext, fn: () => T): T {
  const saved = current;
  current = ctx;
  try {
    return fn();
  } finally {
    current = saved;
  }
}
