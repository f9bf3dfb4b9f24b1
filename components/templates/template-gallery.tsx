"use client";

import { useQuery } from "@tanstack/react-query";
import { LayoutTemplate } from "lucide-react";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { templateQueries } from "@/lib/api/template-queries";
import type { TemplateKind } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { TemplateCard } from "./template-card";

const FILTERS: ReadonlyArray<{ kind: TemplateKind | "all"; label: string }> = [
  { kind: "all", label: "All" },
  { kind: "tool", label: "Tools" },
  { kind: "play", label: "Plays" },
];

/** Every template as a card, filtered by kind (tools run from a form; plays on a model's changes). */
export function TemplateGallery() {
  const { data, error, isPending, refetch, isFetching } = useQuery(templateQueries.list());
  const [kind, setKind] = useState<TemplateKind | "all">("all");
  if (isPending) return <TemplateGallerySkeleton />;
  if (error) return <QueryError title="Could not load templates" error={error} onRetry={() => refetch()} retrying={isFetching} />;
  const shown = data.templates.filter((template) => kind === "all" || template.kind === kind);
  return (
    <>
      <div role="group" aria-label="Kind" className="mb-6 inline-flex rounded-lg border border-border bg-surface p-1">
        {FILTERS.map((filter) => (
          <button
            key={filter.kind}
            type="button"
            aria-pressed={kind === filter.kind}
            onClick={() => setKind(filter.kind)}
            className={cn(
              "h-8 rounded-md px-3 text-sm font-medium",
              kind === filter.kind ? "bg-accent text-accent-fg" : "text-fg-muted hover:bg-surface-muted hover:text-fg",
            )}
          >
            {filter.label} ({data.templates.filter((template) => filter.kind === "all" || template.kind === filter.kind).length})
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <EmptyState icon={<LayoutTemplate className="size-5" />} title="No templates of this kind">
          Try another kind.
        </EmptyState>
      ) : (
        <ul aria-label="Templates" className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
          {shown.map((template) => (
            <li key={template.slug}>
              <TemplateCard template={template} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function TemplateGallerySkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading templates" className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} className="h-52 rounded-lg" />
      ))}
    </div>
  );
}
