import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  ApiTokenResponseBody,
  CreateApiTokenResponseBody,
  CreateInvitationResponseBody,
  EmptyResponseBody,
  MemberListResponseBody,
  SessionResponseBody,
  WorkspaceResponseBody,
  type SetupRequestBody,
  type SignInRequestBody,
  type WorkspaceRole,
} from "@/lib/contract";
import { apiFetch } from "./api-fetch";
import { accountKeys } from "./account-queries";

const json = (method: string, body?: unknown): RequestInit => ({ method, ...(body !== undefined && { body: JSON.stringify(body) }) });

export function useSetupMutation() {
  return useMutation({ mutationFn: (body: SetupRequestBody) => apiFetch(SessionResponseBody, "/api/v1/setup", json("POST", body)) });
}

export function useSignInMutation() {
  return useMutation({ mutationFn: (body: SignInRequestBody) => apiFetch(SessionResponseBody, "/api/v1/session", json("POST", body)) });
}

export function useSignOutMutation() {
  return useMutation({
    mutationFn: (everywhere: boolean) => apiFetch(EmptyResponseBody, `/api/v1/session${everywhere ? "?everywhere=true" : ""}`, { method: "DELETE" }),
  });
}

/** Switching workspace changes every answer, so the whole cache goes. */
export function useSwitchWorkspaceMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (workspaceUuid: string) => apiFetch(SessionResponseBody, "/api/v1/session/workspace", json("PUT", { workspaceUuid })),
    onSuccess: () => queryClient.clear(),
  });
}

export function useCreateWorkspaceMutation() {
  return useMutation({
    mutationFn: (name: string) => apiFetch(WorkspaceResponseBody, "/api/v1/workspaces", json("POST", { name })),
  });
}

export function useCreateInvitationMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (role: Exclude<WorkspaceRole, "owner">) => apiFetch(CreateInvitationResponseBody, "/api/v1/workspace/invitations", json("POST", { role })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.invitations() }),
  });
}

export function useAcceptInvitationMutation() {
  return useMutation({
    mutationFn: (body: { code: string; account?: { email: string; password: string; name: string } }) =>
      apiFetch(z.object({}).loose(), "/api/v1/invitations/accept", json("POST", body)),
  });
}

export function useChangeRoleMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userUuid, role }: { userUuid: string; role: WorkspaceRole }) =>
      apiFetch(MemberListResponseBody, `/api/v1/workspace/members/${userUuid}`, json("PUT", { role })),
    onSuccess: (data) => queryClient.setQueryData(accountKeys.members(), data),
  });
}

export function useRemoveMemberMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userUuid: string) => apiFetch(MemberListResponseBody, `/api/v1/workspace/members/${userUuid}`, { method: "DELETE" }),
    onSuccess: (data) => queryClient.setQueryData(accountKeys.members(), data),
  });
}

export function useCreateApiTokenMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiFetch(CreateApiTokenResponseBody, "/api/v1/apiTokens", json("POST", { name })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}

export function useRevokeApiTokenMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uuid: string) => apiFetch(ApiTokenResponseBody, `/api/v1/apiTokens/${uuid}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}
