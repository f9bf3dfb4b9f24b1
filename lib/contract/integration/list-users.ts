import { z } from "zod";
import { LegacyConnectorRef } from "./connector-ref";
import { ConfigValues } from "./json-schema";

/** `POST /listUsers` (optional): the users of the connected service. */
export const ListUsersRequestBody = z.looseObject({
  connectorConfig: ConfigValues.describe("Connector config, secrets decrypted"),
});
export type ListUsersRequestBody = z.infer<typeof ListUsersRequestBody>;

export const LegacyListUsersRequestBody = z.looseObject({
  connector: LegacyConnectorRef,
});
export type LegacyListUsersRequestBody = z.infer<typeof LegacyListUsersRequestBody>;

/** A user of the connected service, e.g. a CRM owner. */
export const IntegrationUser = z.looseObject({
  id: z.string().describe("User id in the connected service"),
  email: z.string().describe("User email"),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  profileImage: z.string().optional().describe("Avatar URL"),
});
export type IntegrationUser = z.infer<typeof IntegrationUser>;

/** A bare array, unlike every other response. */
export const ListUsersResponseBody = z.array(IntegrationUser);
export type ListUsersResponseBody = z.infer<typeof ListUsersResponseBody>;
