import type { ReactNode } from "react";

/** One action or extractor: its name, slug and description, then whatever else it declares. */
export function CapabilityItem({ id, name, slug, description, children }: { id: string; name: string; slug: string; description: string; children?: ReactNode }) {
  return (
    <li>
      <article aria-labelledby={id} className="px-4 py-4">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h3 id={id} className="font-medium break-words">
            {name}
          </h3>
          <code className="font-mono text-xs break-all text-fg-muted">{slug}</code>
        </div>
        {description && <p className="mt-1 text-sm break-words text-fg-muted">{description}</p>}
        {children}
      </article>
    </li>
  );
}
