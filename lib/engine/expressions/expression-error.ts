/**
 * A config value could not be computed. The message is written for the person who wrote the
 * expression; `path` says which config value ("fields.email", "mappings.0.value", "" for the root)
 * and `expression` holds the expression object's source text. Never worth retrying.
 */
export class ExpressionError extends Error {
  readonly path: string;
  readonly expression: string;
  readonly retryable = false;

  constructor(message: string, path: string, expression: string) {
    super(message);
    this.name = "ExpressionError";
    this.path = path;
    this.expression = expression;
  }
}
