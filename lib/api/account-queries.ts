import { queryOptions } from "@tanstack/react-query";
import {
  ApiTokenListResponseBody,
  AuditLogResponseBody,
  InvitationListResponseBody,
  InvitationPreviewResponseBody,
  MemberListResponseBody,
  WhoamiResponseBody,
} from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export const accountKeys = {
  all: ["account"] as const,
  whoami: () => [...accountKeys.all, "whoami"] as const,
  members: () => [...accountKeys.all, "members"] as const,
  invitations: () => [...accountKeys.all, "invitations"] as const,
  tokens: () => [...accountKeys.all, "tokens"] as const,
  audit: () => [...accountKeys.all, "audit"] as const,
};

export const accountQueries = {
  whoami: () =>
    queryOptions({
      queryKey: accountKeys.whoami(),
      queryFn: ({ signal }) => apiFetch(WhoamiResponseBody, "/api/v1/whoami", { signal }),
      staleTime: 60_000,
    }),
  members: () =>
    queryOptions({ queryKey: accountKeys.members(), queryFn: ({ signal }) => apiFetch(MemberListResponseBody, "/api/v1/workspace/members/list", { signal }) }),
  invitations: () =>
    queryOptions({
      queryKey: accountKeys.invitations(),
      queryFn: ({ signal }) => apiFetch(InvitationListResponseBody, "/api/v1/workspace/invitations/list", { signal }),
    }),
  tokens: () => queryOptions({ queryKey: accountKeys.tokens(), queryFn: ({ signal }) => apiFetch(ApiTokenListResponseBody, "/api/v1/apiTokens/list", { signal }) }),
  audit: () =>
    queryOptions({ queryKey: accountKeys.audit(), queryFn: ({ signal }) => apiFetch(AuditLogResponseBody, "/api/v1/workspace/auditLog/list?limit=200", { signal }) }),
  invitationPreview: (code: string) =>
    queryOptions({
      queryKey: [...accountKeys.all, "invitation", code],
      queryFn: ({ signal }) => apiFetch(InvitationPreviewResponseBody, `/api/v1/invitations/preview?code=${encodeURIComponent(code)}`, { signal }),
      retry: false,
    }),
};
