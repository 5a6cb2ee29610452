import type { AppErrorKey } from '../../../shared/appError';

/**
 * A transport's own failure (the local service stopped or cannot be reached), with the key the
 * client puts on its error Result so a person reads it in their language (issue 22).
 */
export class TransportError extends Error {
  constructor(
    readonly key: Extract<AppErrorKey, 'serviceStopped' | 'serviceUnreachable'>,
    english: string,
  ) {
    super(english);
    this.name = 'TransportError';
  }
}
