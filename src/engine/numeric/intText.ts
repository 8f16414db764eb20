// Python's limit on int <-> decimal string conversion (CPython 3.11, backported to 3.10.7 and
// every version JAX supports): more than 4300 decimal digits is a ValueError, both ways. It is
// a fidelity rule and a guard at once: the conversion is quadratic, and `int("9" * 10**6)` or
// `str(10**10**6)` would otherwise hold the engine for minutes.

import { valueError } from '../errors';

export const INT_MAX_STR_DIGITS = 4300;
/** The smallest value with more digits than the limit: one comparison decides, no conversion. */
const TOO_LONG = 10n ** BigInt(INT_MAX_STR_DIGITS);

const tooLong = (detail: string) =>
  valueError(
    `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion${detail}; use sys.set_int_max_str_digits() to increase the limit`,
  );

/** `str(n)` for an int, or CPython's ValueError past the digit limit. */
export function intToDecimal(n: bigint): string {
  if (n >= TOO_LONG || n <= -TOO_LONG) throw tooLong('');
  return n.toString();
}

/** Digits (underscores removed) of a decimal literal given to int(), checked against the limit. */
export function checkDecimalDigits(digits: string): void {
  if (digits.length > INT_MAX_STR_DIGITS) throw tooLong(`: value has ${digits.length} digits`);
}
