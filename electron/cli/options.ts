import { InvalidArgumentError } from 'commander';

/**
 * A whole-number option value ≥ `min` (issue 23). Commander turns InvalidArgumentError into a usage
 * error (exit 2) naming the option; any other error from a parser escapes as an internal error (70).
 */
export const wholeNumber =
  (name: string, min = 0) =>
  (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`${name} takes a whole number ≥ ${String(min)}`);
    return n;
  };
