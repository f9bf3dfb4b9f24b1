import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PlayResponseBody, type CreatePlayRequestBody, type Play, type UpdatePlayRequestBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";
import { PLAYS, playKeys, playPath, playQueries } from "./play-queries";

const send = (method: "POST" | "PUT", body: unknown = {}): RequestInit => ({ method, body: JSON.stringify(body) });

/** Every answer that carries the play refreshes its page and the list. */
function usePlayAnswer() {
  const queryClient = useQueryClient();
  return ({ play }: { play: Play }) => {
    queryClient.setQueryData(playQueries.detail(play.uuid).queryKey, { play });
    return queryClient.invalidateQueries({ queryKey: playKeys.lists() });
  };
}

export function useCreatePlayMutation() {
  const onSuccess = usePlayAnswer();
  return useMutation({ mutationFn: (body: CreatePlayRequestBody) => apiFetch(PlayResponseBody, PLAYS, send("POST", body)), onSuccess });
}

export function useUpdatePlayMutation(uuid: string) {
  const onSuccess = usePlayAnswer();
  return useMutation({ mutationFn: (body: UpdatePlayRequestBody) => apiFetch(PlayResponseBody, playPath(uuid), send("PUT", body)), onSuccess });
}

/** Turns a play on or off; turning it on also lifts a health pause. */
export function useSetPlayEnabledMutation() {
  const onSuccess = usePlayAnswer();
  return useMutation({
    mutationFn: ({ uuid, isEnabled }: { uuid: string; isEnabled: boolean }) => apiFetch(PlayResponseBody, `${playPath(uuid)}/${isEnabled ? "enable" : "disable"}`, send("POST")),
    onSuccess,
  });
}

/** Removes the play; its workflow, batches and runs stay. */
export function useDeletePlayMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uuid: string) => apiFetch(PlayResponseBody, playPath(uuid), { method: "DELETE" }),
    onSuccess: ({ play }) => {
      queryClient.removeQueries({ queryKey: playQueries.detail(play.uuid).queryKey });
      return queryClient.invalidateQueries({ queryKey: playKeys.lists() });
    },
  });
}
