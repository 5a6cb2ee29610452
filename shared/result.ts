import type { AppErrorKey, AppErrorParams, ERROR_CODES, ErrorWords } from './appError';

/** A value or a typed error: what every IPC call returns instead of throwing (Signal Desktop style). */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  readonly code: ErrorCode;
  /** Plain words for a person: what happened and what to do (English: logs, CLI, older readers). */
  readonly message: string;
  /** Where, when known: a field path, a file, a node. */
  readonly where?: string | undefined;
  /** The same words as a code the renderer's catalogue words (issue 22, decision 0063). */
  readonly key?: AppErrorKey | undefined;
  readonly params?: AppErrorParams | undefined;
}

/** Wraps a value as a successful Result. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** Wraps an error as a failed Result; `said` adds the code the renderer words. */
export const err = (
  code: ErrorCode,
  message: string,
  where?: string,
  said?: ErrorWords,
): Result<never> => ({
  ok: false,
  error: {
    code,
    message,
    ...(where === undefined ? {} : { where }),
    ...(said === undefined ? {} : { key: said.key }),
    ...(said?.params === undefined ? {} : { params: said.params }),
  },
});
