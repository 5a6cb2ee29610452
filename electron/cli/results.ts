import type { ErrorCode } from '../../shared/result';
import { EXIT } from './exitCodes';
import type { ExitCode } from './exitCodes';

/** The exit code for a router error (shared/result.ts codes). */
export function exitForError(code: ErrorCode): ExitCode {
  switch (code) {
    case 'INVALID_REQUEST':
      return EXIT.usage;
    case 'NOT_ALLOWED':
    case 'LOCKED_BY_POLICY':
    case 'FORBIDDEN_SENDER':
      return EXIT.refused;
    default:
      return EXIT.internal;
  }
}
