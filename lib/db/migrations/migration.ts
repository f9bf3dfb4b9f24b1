/** One schema change. Append only: never edit a migration that has shipped. */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}
