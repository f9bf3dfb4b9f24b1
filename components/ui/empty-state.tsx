import type { ReactNode } from "react";

/** What a page shows when it has nothing yet: what this is, and the next thing to do. */
export function EmptyState({ icon, title, children, action }: { icon?: ReactNode; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section
      aria-label={title}
      className="flex flex-col items-center justify-center rounded-lg border border-dashed border-border bg-surface px-6 py-16 text-center"
    >
      {icon && <div className="mb-4 rounded-full bg-surface-muted p-3 text-fg-muted">{icon}</div>}
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="mt-2 max-w-md text-sm text-fg-muted">{children}</div>
      {action && <div className="mt-6">{action}</div>}
    </section>
  );
}
