import type { SqlValue } from "../sql-client";

/** A piece of SQL with `?` placeholders and their values, in order. */
export interface CompiledSql {
  sql: string;
  params: SqlValue[];
}

type Part = CompiledSql | SqlValue;

const isFragment = (part: Part): part is CompiledSql =>
  typeof part === "object" && part !== null && !(part instanceof Uint8Array);

/**
 * SQL whose text comes only from the template's literal parts: every interpolated value becomes a
 * `?` and a parameter, and an interpolated fragment brings its text and parameters along.
 * @example sql`${reader.number("employeeCount")} > ${250}`
 */
export function sql(strings: TemplateStringsArray, ...parts: Part[]): CompiledSql {
  let text = strings[0] ?? "";
  const params: SqlValue[] = [];
  parts.forEach((part, index) => {
    if (isFragment(part)) {
      text += part.sql;
      params.push(...part.params);
    } else {
      text += "?";
      params.push(part);
    }
    text += strings[index + 1] ?? "";
  });
  return { sql: text, params };
}

/** The fragments one after another, `separator` between them. */
export function join(fragments: readonly CompiledSql[], separator: " AND " | " OR " | ", "): CompiledSql {
  return { sql: fragments.map((fragment) => fragment.sql).join(separator), params: fragments.flatMap((fragment) => fragment.params) };
}
