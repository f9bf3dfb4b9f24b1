/**
 * A filter or sort that parses but cannot run on this model: an unknown column, a kind that does
 * not fit the column's type, a value that is not a number or a date. `path` locates the culprit
 * in the request's filter (`["groups", 0, "conditions", 1, "columnSlug"]`) or sort (`["sort", 0, "columnSlug"]`).
 */
export class FilterError extends Error {
  constructor(
    message: string,
    readonly path: (string | number)[],
  ) {
    super(message);
    this.name = "FilterError";
  }
}
