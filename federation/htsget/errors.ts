/** htsget errors (htsget 1.3 "Errors"): each error type with its HTTP status and the `{htsget:{error,message}}` shape. */
import type { ServerResponse } from 'node:http';

export const HTSGET_ERRORS = {
  InvalidAuthentication: 401,
  PermissionDenied: 403,
  NotFound: 404,
  PayloadTooLarge: 413,
  UnsupportedFormat: 400,
  InvalidInput: 400,
  InvalidRange: 400,
} as const;
export type HtsgetErrorType = keyof typeof HTSGET_ERRORS;

/** A request the server refuses with one of the spec's error types. */
export class HtsgetError extends Error {
  constructor(
    readonly type: HtsgetErrorType,
    message: string,
  ) {
    super(message);
    this.name = 'HtsgetError';
  }

  /** The HTTP status the spec assigns to this error type. */
  get status(): number {
    return HTSGET_ERRORS[this.type];
  }
}

/** Media type of htsget JSON responses (htsget "Protocol essentials", versioned). */
export const HTSGET_JSON = 'application/vnd.ga4gh.htsget.v1.3.0+json; charset=utf-8';

/** Writes a JSON body with the htsget media type. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': HTSGET_JSON,
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

/** Writes an htsget error response; 401 also carries the RFC 6750 challenge. */
export function sendError(res: ServerResponse, err: HtsgetError): void {
  const extra: Record<string, string> =
    err.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="htsget"' } : {};
  sendJson(res, err.status, { htsget: { error: err.type, message: err.message } }, extra);
}
