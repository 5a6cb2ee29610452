import type { PullSaid, PullSaidKey } from '../../../shared/vault/vault';

/**
 * A pull's failure: main's English (logs, the command line) and the same as a code with its values
 * that the renderer words (issue 22, decision 0070). Every failure a job can end in carries one.
 */
export class PullError extends Error {
  constructor(
    message: string,
    readonly said: PullSaid,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
/** The node could not be reached or timed out: the job pauses and may resume. */
export class PullNetworkError extends PullError {}
/** The node refused (401/403) or answered below record granularity: the job fails. */
export class PullRefusedError extends PullError {}
/** The answer was not valid Beacon: the job fails. */
export class PullDataError extends PullError {}

/** `{ key, params }`: the code of a pull's message. */
export const said = (key: PullSaidKey, params?: PullSaid['params']): PullSaid =>
  params === undefined ? { key } : { key, params };

/**
 * The code a failed job shows: a pull error's own; anything else (a disk or database error) is
 * worded as a failure with its own text (issue 22).
 */
export const failureSaid = (error: unknown, message: string): PullSaid =>
  error instanceof PullError ? error.said : said('failed', { detail: message.slice(0, 2000) });
