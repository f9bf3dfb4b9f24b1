/** What `POST /actions/:slug/execute` answers with HTTP 200. */
export type ActionResult =
  | { outcome: "executed"; title: string; data?: Record<string, unknown>; childIndex?: number }
  | { outcome: "executing" };
