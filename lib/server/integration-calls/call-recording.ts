import type { ConfigSchema, CustomIntegration, Integration } from "@/lib/contract";
import type { IntegrationCallRepository } from "@/lib/db";
import type { CallObserver, CallScope, IntegrationClientOptions } from "@/lib/integrations";
import { collectSecretValues, findSecretPaths } from "@/lib/vault";
import { secretPathsOf } from "../connector-access";
import { createCallRecorder } from "./call-recorder";
import { captureCall } from "./capture-call";
import type { CallOrigin } from "./redact-call";

/**
 * What the integration registry hands its clients and manifest fetches so that every call to a
 * custom integration's server reaches the request inspector. On the call's path an observer only
 * copies the start of each body and queues it with what redacting it needs; the recorder redacts
 * and writes a moment later.
 */
export function createCallRecording(store: Pick<IntegrationCallRepository, "insertMany">) {
  const recorder = createCallRecorder({ store });
  // The manifest cache knows a registration by its uuid only; the registry tells us the rest.
  const registrations = new Map<string, CustomIntegration>();

  return {
    /** Writes what is queued, waiting at most `timeoutMs`: before the database closes, and before the calls are read. */
    flush: (timeoutMs: number) => recorder.flush(timeoutMs),

    /** Remembers the registration a manifest cache key stands for (its uuid). */
    know(custom: CustomIntegration): void {
      registrations.set(custom.uuid, custom);
    },

    /** The observer of a manifest fetch; none for a registration it was never told of. */
    forManifest(key: string): CallObserver | undefined {
      const custom = registrations.get(key);
      return custom && ((call) => recorder.record(captureCall(call), { custom, secretPaths: [] }));
    },

    /**
     * The observer of a client's calls: each carries its connector, whose secret fields are those
     * `openConnector` found (sealed with it, plus the manifest's), else the manifest's.
     */
    forClient(integration: Integration, custom: CustomIntegration): IntegrationClientOptions["onCall"] {
      return (call, { connector, scope }) => {
        const origin: CallOrigin = {
          custom,
          connector,
          secretPaths: connector?.secretPaths ?? (connector ? secretPathsOf(integration) : []),
          scoped: scope && scopedSecrets(integration, scope),
        };
        recorder.record(captureCall(call), origin);
      };
    },
  };
}

export type CallRecording = ReturnType<typeof createCallRecording>;

const secretPathsBySchema = new WeakMap<ConfigSchema, string[][]>();

/** The called action's or extractor's own secret fields and their values in this call, if its form has any. */
function scopedSecrets(integration: Integration, scope: CallScope): CallOrigin["scoped"] {
  const schema = (scope.kind === "action" ? integration.actions : integration.extractors)[scope.slug]?.config;
  if (!schema) return undefined;
  let paths = secretPathsBySchema.get(schema);
  if (!paths) secretPathsBySchema.set(schema, (paths = findSecretPaths(schema.jsonSchema, schema.uiSchema)));
  return paths.length === 0 ? undefined : { paths, values: collectSecretValues(scope.config, paths) };
}
