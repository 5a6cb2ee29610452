/** An error that maps to an HTTP status and a beaconErrorResponse envelope (never a stack trace). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** 400 with a message telling the client what was wrong with its request. */
export function badRequest(message: string): HttpError {
  return new HttpError(400, message);
}

/** 404 for unknown routes and ids. */
export function notFound(message: string): HttpError {
  return new HttpError(404, message);
}
