import type { OpenApiAccess, OpenApiMethod } from "@/lib/contract";
import { cn } from "@/lib/utils";

const METHOD_TONES: Record<OpenApiMethod, string> = {
  get: "bg-success/10 text-success",
  post: "bg-accent/10 text-accent",
  put: "bg-amber-500/15 text-amber-700 dark:text-amber-400",
  delete: "bg-danger/10 text-danger",
};

/** The HTTP method in a fixed-width colored chip, so paths line up in a list. */
export function MethodBadge({ method, className }: { method: OpenApiMethod; className?: string }) {
  return (
    <span className={cn("inline-flex w-16 shrink-0 justify-center rounded px-1.5 py-0.5 font-mono text-xs font-semibold uppercase", METHOD_TONES[method], className)}>
      {method}
    </span>
  );
}

/** Who may call an operation, in words: the badge's text and the details' explanation. */
export const ACCESS_LABELS: Record<OpenApiAccess, { badge: string; detail: string }> = {
  public: { badge: "Public", detail: "Anyone: no credentials needed." },
  member: { badge: "Member", detail: "Any member of the workspace, with the session cookie or an API token." },
  admin: { badge: "Admin", detail: "The workspace's admins and owners (or their API tokens); a member gets 403." },
};

const ACCESS_TONES: Record<OpenApiAccess, string> = {
  public: "bg-success/10 text-success",
  member: "bg-surface-muted text-fg-muted",
  admin: "bg-amber-500/15 text-amber-700 dark:text-amber-400",
};

export function AccessBadge({ access }: { access: OpenApiAccess }) {
  return <span className={cn("inline-flex shrink-0 rounded-full px-2 py-0.5 text-xs font-medium", ACCESS_TONES[access])}>{ACCESS_LABELS[access].badge}</span>;
}
