import type { VaultRefusalSaid } from '../../../shared/vault/vaultRefusal';
import type { Readability } from './retention';

/** A refused read of a dataset's part: the HTTP status, main's English and its code. */
export interface PartRefusal {
  readonly ok: false;
  readonly status: number;
  readonly message: string;
  readonly said: VaultRefusalSaid;
}

/**
 * The vault route's refusals (issue 22, decision 0076): each code with main's English, which stays
 * for the logs, the command line (nativeCache.ts) and a window without the code.
 */
export function partRefused(
  status: number,
  code: Exclude<VaultRefusalSaid['code'], 'not-readable' | 'not-found' | 'decrypt'>,
  dataset: string,
  detail = '',
): PartRefusal {
  const english = {
    'signed-out': 'Sign in to read the vault.',
    locked: 'The vault is locked.',
    'no-dataset': 'No such dataset in the vault.',
    'key-missing': detail,
    binding: `The binding of ${dataset} does not match its sealed record; the copy is refused.`,
    format: `This copy is stored as ${detail}.`,
  }[code];
  const params =
    code === 'signed-out' || code === 'locked'
      ? undefined
      : code === 'format'
        ? { dataset, format: detail }
        : { dataset };
  return {
    ok: false,
    status,
    message: english,
    said: params === undefined ? { code } : { code, params },
  };
}

/** A copy the retention rules do not let be read: the vault's own note inside the refusal. */
export function notReadable(dataset: string, s: Readability & { readable: false }): PartRefusal {
  return {
    ok: false,
    status: s.purge === 'corrupt' ? 410 : 403,
    message: s.message,
    said: {
      code: 'not-readable',
      params: s.said === undefined ? { dataset } : { note: s.said.code, ...s.said.params },
    },
  };
}
