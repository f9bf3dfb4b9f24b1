import type { ReactNode } from "react";

/** A titled part of the integration page; the h2 names the region for assistive technology. */
export function DetailSection({ id, title, count, children }: { id: string; title: string; count?: number; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mt-10 scroll-mt-6">
      <h2 id={`${id}-title`} className="mb-3 flex items-baseline gap-2 text-base font-semibold">
        {title}
        {count !== undefined && <span className="text-sm font-normal text-fg-muted">{count}</span>}
      </h2>
      {children}
    </section>
  );
}

/** What a section shows when the manifest declares nothing of its kind. */
export function NoneDeclared({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-fg-muted">{children}</p>;
}
