"use client";

import { Search, SearchX, X } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { IntegrationIcon } from "@/components/integrations/integration-icon";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useCanvasIntegration } from "../canvas-integrations";
import { NativeActionIcon } from "../nodes/node-icon";
import { writePaletteItem } from "./palette-drag";
import { filterPalette, type PaletteGroup, type PaletteItem } from "./palette-items";
import { useAddNode } from "./use-add-node";
import { usePaletteGroups } from "./use-palette-groups";

/**
 * The searchable list of nodes to add: built-ins, then each connector's actions. A click adds the
 * node under the selected one (or in view); dragging drops it where it lands on the canvas.
 */
export function Palette() {
  const { groups, pending, error, retry } = usePaletteGroups();
  const [query, setQuery] = useState("");
  const visible = useMemo(() => filterPalette(groups, query), [groups, query]);
  const addNode = useAddNode();
  const searchId = useId();

  return (
    <aside aria-label="Nodes" className="flex w-60 shrink-0 flex-col border-r border-border bg-surface">
      <div className="border-b border-border p-3">
        <label htmlFor={searchId} className="sr-only">
          Search nodes
        </label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-fg-muted" />
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => event.key === "Escape" && query && (event.preventDefault(), setQuery(""))}
            placeholder="Search nodes"
            autoComplete="off"
            className="h-9 w-full rounded-md border border-border bg-bg pr-2 pl-8 text-sm placeholder:text-fg-muted focus:border-accent focus:outline-none"
          />
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 py-3">
        {pending ? (
          <PaletteSkeleton />
        ) : error && groups.length === 0 ? (
          <div role="alert" className="space-y-2 px-2 text-sm">
            <p className="font-medium text-danger">Could not load the nodes</p>
            <p className="text-fg-muted">{error.message}</p>
            <Button variant="secondary" size="sm" onClick={retry}>
              Retry
            </Button>
          </div>
        ) : visible.length === 0 ? (
          <NoMatches query={query} onClear={() => setQuery("")} />
        ) : (
          <div className="space-y-5">
            {visible.map((group) => (
              <PaletteSection key={group.key} group={group} onAdd={addNode} />
            ))}
          </div>
        )}
      </div>
      <p className="border-t border-border px-3 py-2.5 text-[11px] leading-4 text-fg-muted">Click to add under the selected node, or drag onto the canvas.</p>
    </aside>
  );
}

function PaletteSection({ group, onAdd }: { group: PaletteGroup; onAdd: (entry: PaletteItem) => void }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <div className="mb-1.5 flex items-center gap-2 px-2">
        <h3 id={headingId} className="min-w-0 truncate text-[11px] font-semibold tracking-wide text-fg-muted uppercase">
          {group.title}
        </h3>
        {group.subtitle && <span className="truncate text-[11px] text-fg-muted/80">· {group.subtitle}</span>}
      </div>
      <ul className="space-y-0.5">
        {group.items.map((entry) => (
          <li key={entry.key}>
            <PaletteButton entry={entry} onAdd={onAdd} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function PaletteButton({ entry, onAdd }: { entry: PaletteItem; onAdd: (entry: PaletteItem) => void }) {
  const descriptionId = useId();
  return (
    <button
      type="button"
      draggable
      onDragStart={(event) => writePaletteItem(event.dataTransfer, entry)}
      onClick={() => onAdd(entry)}
      aria-label={entry.name}
      aria-describedby={descriptionId}
      className="group flex w-full cursor-grab items-center gap-2.5 rounded-lg px-2 py-1.5 text-left transition-colors hover:bg-surface-muted focus-visible:bg-surface-muted active:cursor-grabbing"
    >
      <PaletteIcon entry={entry} />
      <span className="min-w-0 flex-1">
        <span className="block truncate text-[13px] leading-[18px] font-medium">{entry.name}</span>
        <span id={descriptionId} className="block truncate text-[11px] leading-4 text-fg-muted">
          {entry.description}
        </span>
      </span>
    </button>
  );
}

function PaletteIcon({ entry }: { entry: PaletteItem }) {
  const integration = useCanvasIntegration(entry.integrationSlug);
  if (entry.kind === "native") return <NativeActionIcon actionSlug={entry.actionSlug} className="size-7 rounded-md" />;
  return (
    <IntegrationIcon
      icon={integration?.icon ?? ""}
      color={integration?.color ?? ""}
      name={integration?.name ?? entry.integrationSlug}
      className="size-7 rounded-md [&>img]:size-4"
    />
  );
}

function NoMatches({ query, onClear }: { query: string; onClear: () => void }) {
  return (
    <section aria-label="No matching nodes" className="flex flex-col items-center px-4 py-10 text-center">
      <span className="mb-3 grid size-10 place-items-center rounded-full bg-surface-muted text-fg-muted">
        <SearchX aria-hidden className="size-5" />
      </span>
      <p className="text-sm font-medium">No nodes match “{query.trim()}”</p>
      <p className="mt-1 text-xs text-fg-muted">Try another word, or set up a connector to add its actions.</p>
      <Button variant="secondary" size="sm" className="mt-4" onClick={onClear}>
        <X aria-hidden className="size-3.5" />
        Clear search
      </Button>
    </section>
  );
}

function PaletteSkeleton() {
  return (
    <div className="space-y-2 px-2" aria-label="Loading nodes">
      {Array.from({ length: 7 }, (_, index) => (
        <div key={index} className="flex items-center gap-2.5 py-1">
          <Skeleton className="size-7" />
          <div className="flex-1 space-y-1.5">
            <Skeleton className="h-3 w-24" />
            <Skeleton className="h-2.5 w-36" />
          </div>
        </div>
      ))}
    </div>
  );
}
