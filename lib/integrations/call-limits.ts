import type { RateLimit, ScopedRateLimit } from "@/lib/contract";
import type { ConnectorRef } from "./layouts";
import type { RateLimiter, RateLimitSent } from "./rate-limiter";
import { matchingRateLimits } from "./scoped-rate-limits";

/** What a manifest's action or extractor adds to the connector's limit (`isSerialized`: actions only). */
export interface CallLimits {
  rateLimits?: readonly ScopedRateLimit[];
  isSerialized?: boolean;
}

/** The action or extractor a call is for, with the config it is sent: its own limits apply. */
export interface CallScope {
  kind: "action" | "extractor";
  slug: string;
  config: Record<string, unknown>;
}

export interface RateLimitGateOptions {
  limiter: RateLimiter;
  /** `manifest.connector.rateLimit`; null or absent: no limit. */
  rateLimit?: RateLimit | null;
  actions: Readonly<Record<string, CallLimits>>;
  extractors: Readonly<Record<string, CallLimits>>;
}

/**
 * The rate limits one client's calls wait on before each attempt: the called action's or
 * extractor's scoped ones that match its config, then the connector's.
 * @example
 * const gate = rateLimitGate({ limiter, rateLimit, actions, extractors });
 * const sent = await gate(connector, { kind: "action", slug, config }, signal)(); // … sent() once answered
 */
export function rateLimitGate({ limiter, rateLimit, actions, extractors }: RateLimitGateOptions) {
  /**
   * The buckets one attempt waits on: the scoped ones in manifest order, the connector's last, so
   * every caller takes them in the same order and no connector token is held while a narrower
   * bucket makes the call wait.
   */
  function bucketsOf(connector: ConnectorRef, scope: CallScope | undefined): Array<{ key: string; limit: RateLimit | null | undefined }> {
    const own = scope && (scope.kind === "action" ? actions : extractors)[scope.slug];
    const scoped = matchingRateLimits(own?.rateLimits, scope?.config ?? {}).map(({ index, limit }) => ({
      key: `${connector.uuid}:${scope!.kind}:${scope!.slug}:${index}`,
      limit,
    }));
    return [...scoped, { key: connector.uuid, limit: rateLimit }];
  }

  return (connector: ConnectorRef, scope: CallScope | undefined, signal: AbortSignal | undefined) => {
    const buckets = bucketsOf(connector, scope);
    return async (): Promise<RateLimitSent> => {
      const sents: RateLimitSent[] = [];
      const sentAll = () => sents.forEach((sent) => sent());
      try {
        for (const { key, limit } of buckets) sents.push(await limiter.acquire(key, limit, signal));
      } catch (error) {
        sentAll();
        throw error;
      }
      return sentAll;
    };
  };
}
