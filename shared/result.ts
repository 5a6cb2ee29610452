/** A value or a typed error: what every IPC call returns instead of throwing (Signal Desktop style). */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

export type ErrorCode =
  | 'UNKNOWN_CHANNEL'
  | 'INVALID_REQUEST'
  | 'FORBIDDEN_SENDER'
  | 'LOCKED_BY_POLICY'
  | 'NOT_ALLOWED'
  | 'INTERNAL';

export interface AppError {
  readonly code: ErrorCode;
  /** Plain words for a person: what happened and what to do. */
  readonly message: string;
  /** Where, when known: a field path, a file, a node. */
  readonly where?: string;
}

/** Wraps a value as a successful Result. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** Wraps an error as a failed Result. */
export const err = (code: ErrorCode, message: string, where?: string): Result<never> => ({
  ok: false,
  error: where === undefined ? { code, message } : { code, message, where },
});
