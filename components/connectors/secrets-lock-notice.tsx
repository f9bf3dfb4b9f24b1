import type { ReactNode } from "react";
import type { Connector } from "@/lib/contract";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { lockedFieldLabels, movedToHost } from "./secrets-lock";

/** "Secrets to re-enter": a connector whose integration moved, so nothing is sent until they are. */
export function SecretsLockBadge({ connector }: { connector: Pick<Connector, "secretsLock"> }) {
  if (!connector.secretsLock) return null;
  return (
    <Badge tone="danger" title={`The integration moved to ${movedToHost(connector.secretsLock)}`}>
      Secrets to re-enter
    </Badge>
  );
}

/** Says why a connector is locked, where its integration went and which secrets to enter again. */
export function SecretsLockAlert({
  connector,
  jsonSchema,
  action,
}: {
  connector: Pick<Connector, "secretsLock">;
  jsonSchema?: Record<string, unknown>;
  action?: ReactNode;
}) {
  const lock = connector.secretsLock;
  if (!lock) return null;
  const host = movedToHost(lock);
  return (
    <Alert title={`Re-enter the secrets: the integration moved to ${host}`} action={action}>
      The secrets of this connector were saved for the integration&apos;s previous server, so nothing is sent to {host} until you
      enter {lockedFieldLabels(lock, jsonSchema).join(", ")} again and save.
    </Alert>
  );
}
