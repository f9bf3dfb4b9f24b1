import type {
  AuthenticateResponseBody,
  AutocompleteResponseBody,
  CompleteOauthResponseBody,
  CountExtractorResponseBody,
  DynamicSchemaResponseBody,
  ExecuteActionResponseBody,
  FetchExtractorResponseBody,
  IntegrationUser,
} from "@/lib/contract";
import type { ConnectorRef } from "./layouts";

/** Cancels a call, the wait for a rate-limit token included. */
export interface CallControl {
  signal?: AbortSignal;
}

/** Calls to one integration server; every answer is checked against the contract schema. */
export interface IntegrationClient {
  authenticate(connector: ConnectorRef, options?: CallControl): Promise<AuthenticateResponseBody>;
  /** Optional endpoint: `notSupported` when the server has none. */
  listUsers(connector: ConnectorRef, options?: CallControl): Promise<IntegrationUser[]>;
  /** Sends `Idempotency-Key` when given. */
  executeAction(
    connector: ConnectorRef,
    actionSlug: string,
    config: Record<string, unknown>,
    options?: CallControl & { idempotencyKey?: string; isDryExecution?: boolean },
  ): Promise<ExecuteActionResponseBody>;
  fetchExtractor(
    connector: ConnectorRef,
    extractorSlug: string,
    config: Record<string, unknown>,
    options?: CallControl & { meta?: unknown; modelUuid?: string; isDryFetch?: boolean },
  ): Promise<FetchExtractorResponseBody>;
  /** Optional endpoint. */
  countExtractor(
    connector: ConnectorRef,
    extractorSlug: string,
    config: Record<string, unknown>,
    options?: CallControl,
  ): Promise<CountExtractorResponseBody>;
  /** Times out after 10 s: a dropdown is waiting. */
  autocomplete(
    connector: ConnectorRef,
    slug: string,
    params: Record<string, unknown>,
    value?: unknown,
    options?: CallControl,
  ): Promise<AutocompleteResponseBody>;
  /** Optional endpoint. */
  dynamicSchema(connector: ConnectorRef, slug: string, params: Record<string, unknown>, options?: CallControl): Promise<DynamicSchemaResponseBody>;
  /** Optional endpoint; not rate limited, as it belongs to no connector yet. */
  completeOauth(code: string, redirectUri: string, options?: CallControl): Promise<CompleteOauthResponseBody>;
}
