import { byUuid, option, pick, segment, uuidArg, type ArgSpec, type GroupSpec } from "../command-table";

/** Members are named by their user's uuid, as `member list` shows it. */
const userArg: ArgSpec = { key: "uuid", syntax: "[uuid]", description: "the member's user uuid", alsoOption: true };

/** `relay workspace member …`: who is in the workspace, with which role. */
const memberGroup: GroupSpec = {
  name: "member",
  summary: "Members: the workspace's users and their roles",
  examples: ["relay workspace member list", "relay workspace member update <uuid> --role admin"],
  commands: [
    {
      name: "list",
      summary: "List members (uuid, email, name, role, joinedAt)",
      examples: ["relay workspace member list"],
      request: () => ({ method: "GET", path: "/workspace/members/list" }),
    },
    {
      name: "update",
      summary: "Change a member's role (admins only; only an owner makes or unmakes owners); prints the members",
      examples: ["relay workspace member update <uuid> --role admin"],
      args: [userArg],
      options: [option.string("--role <role>", "owner, admin or member", true)],
      request: (values) => ({ method: "PUT", path: `/workspace/members/${segment(values.uuid)}`, body: pick(values, ["role"]) }),
    },
    {
      name: "remove",
      summary: "Remove a member from the workspace, revoking their API tokens (admins only); prints the members",
      examples: ["relay workspace member remove <uuid>"],
      args: [userArg],
      request: byUuid("DELETE", "/workspace/members"),
    },
  ],
};

/** `relay workspace invitation …`: single-use links to join the workspace. */
const invitationGroup: GroupSpec = {
  name: "invitation",
  summary: "Invitations: single-use links to join, valid 7 days (admins only)",
  examples: ["relay workspace invitation create --role member"],
  commands: [
    {
      name: "create",
      summary: "Create an invitation link (its url is printed once)",
      examples: ["relay workspace invitation create", "relay workspace invitation create --role admin"],
      options: [option.string("--role <role>", "admin or member (default member)")],
      request: (values) => ({ method: "POST", path: "/workspace/invitations", body: pick(values, ["role"]) }),
    },
    {
      name: "list",
      summary: "List the open invitations",
      examples: ["relay workspace invitation list"],
      request: () => ({ method: "GET", path: "/workspace/invitations/list" }),
    },
  ],
};

/** `relay workspace token …`: API tokens, which only a signed-in admin creates (a token cannot mint tokens). */
const tokenGroup: GroupSpec = {
  name: "token",
  summary: "API tokens: listed by prefix and last use, revoked at once (admins only; create them in Settings → API tokens)",
  examples: ["relay workspace token list", "relay workspace token revoke <uuid>"],
  commands: [
    {
      name: "list",
      summary: "List the workspace's API tokens (name, prefix, last use, revoked), never the tokens",
      examples: ["relay workspace token list"],
      request: () => ({ method: "GET", path: "/apiTokens/list" }),
    },
    {
      name: "revoke",
      summary: "Revoke an API token at once",
      examples: ["relay workspace token revoke <uuid>"],
      args: [uuidArg("API token")],
      request: byUuid("DELETE", "/apiTokens"),
    },
  ],
};

/** `relay workspace audit …`: who did what, when. */
const auditGroup: GroupSpec = {
  name: "audit",
  summary: "The audit log: who changed what, newest first (admins only)",
  examples: ["relay workspace audit list --limit 20"],
  commands: [
    {
      name: "list",
      summary: "List audit entries (actor, action, target, details, ip), newest first",
      examples: ["relay workspace audit list", "relay workspace audit list --limit 200 --before 2026-03-01T00:00:00.000Z"],
      options: [option.int("--limit <n>", "at most this many (default 50, at most 200)"), option.string("--before <date>", "only entries older than this ISO date (the last one's createdAt, to page)")],
      request: (values) => ({ method: "GET", path: "/workspace/auditLog/list", query: pick(values, ["limit", "before"]) }),
    },
  ],
};

/** `relay workspace …`: what the workspace's admins manage. */
export const workspaceGroup: GroupSpec = {
  name: "workspace",
  summary: "Members, invitations, API tokens and the audit log",
  examples: ["relay workspace member list", "relay workspace token list"],
  groups: [memberGroup, invitationGroup, tokenGroup, auditGroup],
};
