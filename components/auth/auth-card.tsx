import type { ReactNode } from "react";
import { Zap } from "lucide-react";

/** The centered card the sign-in, setup and invitation pages share, outside the app's shell. */
export function AuthCard({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-surface-muted px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 font-semibold">
          <span aria-hidden className="grid size-8 place-items-center rounded-md bg-accent text-accent-fg">
            <Zap className="size-4" />
          </span>
          Relay
        </div>
        <div className="rounded-lg border border-border bg-surface p-6 shadow-xs">
          <h1 className="text-lg font-semibold tracking-tight">{title}</h1>
          {description && <p className="mt-1 text-sm text-fg-muted">{description}</p>}
          <div className="mt-5">{children}</div>
        </div>
      </div>
    </main>
  );
}
