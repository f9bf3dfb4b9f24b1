import { requireCredentials } from "./auth";
import type { ContractBody } from "./request-body";
import type { DemoState } from "./state";

/** A CRM user as `POST /listUsers` returns it. */
export interface IntegrationUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}

/** `POST /listUsers`: the owners as a bare array, as the contract wants. */
export function listUsers(state: DemoState, body: ContractBody): IntegrationUser[] {
  requireCredentials(body.connectorConfig);
  return state.store.owners().map((owner) => {
    const [firstName = "", ...rest] = owner.name.split(" ");
    return { id: owner.id, email: owner.email, firstName, lastName: rest.join(" ") };
  });
}
