import { expect } from 'vitest';
import { PullSaidSchema } from '../../../../shared/vault/vault';
import type { PullSaid } from '../../../../shared/vault/vault';
import { PullError } from '../beaconPages';

/**
 * The code an operation failed with, after checking it failed as the pull's own error and that
 * the code is what main's progress events may carry (issue 22, decision 0070).
 */
export async function codeOf(run: () => unknown): Promise<PullSaid> {
  try {
    await run();
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(PullError);
    const said = (error as PullError).said;
    expect(PullSaidSchema.parse(said)).toEqual(said);
    return said;
  }
  throw new Error('it did not fail');
}
