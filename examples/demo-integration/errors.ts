/** An error that becomes an HTTP answer `{errorMessage}` with the given status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** 400: the request itself is wrong. */
export function badRequest(message: string): HttpError {
  return new HttpError(400, message);
}

/** 404: the named thing does not exist. */
export function notFound(message: string): HttpError {
  return new HttpError(404, message);
}
