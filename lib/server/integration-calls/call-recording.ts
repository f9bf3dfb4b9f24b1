import type { CustomIntegration, Integration } from "@/lib/contract";
import type { Database } from "@/lib/db";
import type { CallObserver, IntegrationClientOptions } from "@/lib/integrations";
import { findSecretPaths } from "@/lib/vault";
import { createCallRecorder, type CallRecorder } from "./call-recorder";
import { redactCall } from "./redact-call";

/**
 * What the integration registry hands its clients and manifest fetches so that every call to a
 * custom integration's server reaches the request inspector, redacted on the spot.
 */
export function createCallRecording(db: Pick<Database, "integrationCalls">, recorder: CallRecorder = createCallRecorder({ store: db.integrationCalls })) {
  // The manifest cache knows a registration by its uuid only; the registry tells us the rest.
  const registrations = new Map<string, CustomIntegration>();
  const secretPathsOf = new WeakMap<Integration, string[][]>();

  function secretPaths(integration: Integration): string[][] {
    let paths = secretPathsOf.get(integration);
    if (!paths) {
      const { jsonSchema, uiSchema } = integration.connector.config;
      secretPathsOf.set(integration, (paths = findSecretPaths(jsonSchema, uiSchema ?? {})));
    }
    return paths;
  }

  return {
    /** Writes what is queued: before the database closes, and in tests before they read. */
    flush: () => recorder.flush(),

    /** Remembers the registration a manifest cache key stands for (its uuid). */
    know(custom: CustomIntegration): void {
      registrations.set(custom.uuid, custom);
    },

    /** The observer of a manifest fetch; none for a registration it was never told of. */
    forManifest(key: string): CallObserver | undefined {
      const custom = registrations.get(key);
      return custom && ((call) => recorder.record(redactCall(call, { custom, secretPaths: [] })));
    },

    /** The observer of a client's calls: each carries its connector, whose secrets are redacted. */
    forClient(integration: Integration, custom: CustomIntegration): IntegrationClientOptions["onCall"] {
      return (call, { connector }) => recorder.record(redactCall(call, { custom, connector, secretPaths: secretPaths(integration) }));
    },
  };
}

export type CallRecording = ReturnType<typeof createCallRecording>;
