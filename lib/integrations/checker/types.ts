import type { RateLimiter } from "../rate-limiter";

/** What to check: a server's base URL, and optionally a connector config (probes) and an action to run. */
export interface CheckOptions {
  baseUrl: string;
  /** A connector config; without it only the manifest is linted. */
  config?: Record<string, unknown>;
  /** Runs this action twice with one Idempotency-Key: it has effects, so it is opt-in. */
  action?: { slug: string; record: Record<string, unknown> };
  /** How calls go out: the CLI passes plain `fetch`, the API its outbound guard. Default: the guard, no private address. */
  fetch?: typeof globalThis.fetch;
  /** Limit of each call. Default 10 s. */
  timeoutMs?: number;
  /**
   * Removes the config's secrets from text (the API passes its connector's, lib/vault's
   * redaction). Applied to every answer's whole body before it is parsed or quoted, and to every
   * finding, so no excerpt can carry part of a secret.
   */
  redact?: (text: string) => string;
  /**
   * The saved connector the config belongs to: its uuid goes in the request bodies and keys the
   * rate limit, as in production. Default: a random one (no saved connector).
   */
  connector?: { uuid: string; workspaceUuid: string };
  /** Whose buckets the probes wait on: the API passes the registry's, so a check counts against the connector's real limit. Default: the check's own. */
  limiter?: RateLimiter;
  /** The whole check's time budget. Default 60 s. */
  budgetMs?: number;
}

/** One contract bug, said for the operator who would meet it and the developer who can fix it. */
export interface Finding {
  severity: "error" | "warning" | "info";
  /** Stable id of the check, e.g. `autocomplete.unknown-slug` (README.md lists them). */
  code: string;
  /** Where: a JSON path into the manifest, or `<capability>:<call>…` for what a probe was answered. */
  path: string;
  /** What an operator would see. */
  message: string;
  /** How to fix it. */
  fix: string;
  /** The call that showed it, e.g. `POST /autocompletes/listObjects`. */
  endpoint?: string;
}

export interface CheckReport {
  baseUrl: string;
  /** Null when no manifest could be read. */
  layout: "seed" | "legacy" | null;
  /** Whether the endpoints were called (a config was given and the manifest was usable). */
  probed: boolean;
  findings: Finding[];
  summary: { errors: number; warnings: number; infos: number };
}
