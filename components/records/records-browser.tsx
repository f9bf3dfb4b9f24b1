"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Bookmark, Filter as FilterIcon, SearchX } from "lucide-react";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useUpdateSegmentMutation } from "@/lib/api/segment-mutations";
import { recordQueries } from "@/lib/api/segment-queries";
import type { Model, ModelColumn, RecordSort, Segment } from "@/lib/contract";
import { EMPTY_FILTER } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { ApiErrorAlert } from "./api-error-alert";
import { hasConditions } from "./filter/conditions";
import { FilterBuilder } from "./filter/filter-builder";
import { editFilter, initialDraft } from "./filter/filter-draft";
import { RecordDrawer } from "./record-drawer";
import { RecordsTable } from "./records-table";
import { RunOnSegmentLink } from "@/components/batches/run-on-segment-link";
import { ButtonLink } from "@/components/ui/button-link";
import { SaveSegmentDialog } from "./segments/save-segment-dialog";
import { SegmentBar } from "./segments/segment-bar";
import { BLOCK_SIZE, type LoadedRecord } from "./use-record-blocks";
import { useDebouncedValue } from "./use-debounced-value";

const counts = new Intl.NumberFormat("en-US");

/**
 * A model's records: segments to load, a filter builder (with its JSON), the count that matches,
 * the virtualized table sorted by a header click, and a drawer with the record a row opens.
 */
export function RecordsBrowser({ model }: { model: Model }) {
  const [filterState, setFilterState] = useState(initialDraft);
  const [sort, setSort] = useState<RecordSort>([]);
  const [segment, setSegment] = useState<Segment | null>(null);
  const [filterOpen, setFilterOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [opened, setOpened] = useState<LoadedRecord | null>(null);
  const update = useUpdateSegmentMutation();

  // Typing a value asks the server once it rests, not per key.
  const filter = useDebouncedValue(filterState.applied, 300);
  const first = useQuery({
    ...recordQueries.page({ modelUuid: model.uuid, filter, sort, offset: 0, limit: BLOCK_SIZE }),
    placeholderData: keepPreviousData,
  });
  const columns = useColumns(model, first.data?.records[0]);
  const filtered = hasConditions(filterState.applied);
  const changed = segment !== null && JSON.stringify([segment.filter, segment.sort]) !== JSON.stringify([filterState.applied, sort]);

  const load = (next: Segment | null) => {
    setSegment(next);
    setFilterState(editFilter(next?.filter ?? EMPTY_FILTER));
    setSort(next?.sort ?? []);
    update.reset();
  };

  return (
    <section aria-labelledby="records-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-baseline gap-3">
          <h2 id="records-heading" className="text-base font-semibold">
            Records
          </h2>
          <p role="status" aria-label="Record count" aria-busy={first.isPlaceholderData} className={cn("text-sm text-fg-muted tabular-nums", first.isPlaceholderData && "opacity-60")}>
            {first.data
              ? filtered
                ? `${counts.format(first.data.count)} of ${counts.format(model.recordsCount)} records match`
                : `${counts.format(first.data.count)} ${first.data.count === 1 ? "record" : "records"}`
              : first.isPending
                ? "Counting…"
                : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" size="sm" aria-expanded={filterOpen} aria-controls="records-filter" onClick={() => setFilterOpen((open) => !open)}>
            <FilterIcon aria-hidden className="size-4" />
            {filterOpen ? "Hide filter" : "Filter"}
            {filtered && <span className="rounded-full bg-accent/10 px-1.5 text-xs text-accent">{countConditions(filterState.applied)}</span>}
          </Button>
          {changed && (
            <Button
              variant="secondary"
              size="sm"
              disabled={update.isPending}
              onClick={() => update.mutate({ uuid: segment.uuid, filter: filterState.applied, sort }, { onSuccess: ({ segment: saved }) => setSegment(saved) })}
            >
              {update.isPending ? "Saving…" : `Update "${segment.name}"`}
            </Button>
          )}
          <Button variant="secondary" size="sm" onClick={() => setSaving(true)}>
            <Bookmark aria-hidden className="size-4" />
            Save as segment
          </Button>
          {segment && !changed && (
            <>
              <ButtonLink href={`/segments/${segment.uuid}`} size="sm">
                Segment changes
              </ButtonLink>
              <RunOnSegmentLink segmentUuid={segment.uuid} />
            </>
          )}
        </div>
      </div>

      <SegmentBar modelUuid={model.uuid} current={segment?.uuid ?? null} onLoad={load} />
      {update.error && <ApiErrorAlert title="Could not update the segment" error={update.error} />}
      {filterOpen && (
        <div id="records-filter">
          <FilterBuilder columns={columns} state={filterState} onChange={setFilterState} />
        </div>
      )}

      {first.error ? (
        <ApiErrorAlert title="Could not load records" error={first.error} />
      ) : !first.data ? (
        <Skeleton className="h-[min(70vh,640px)]" />
      ) : first.data.count === 0 ? (
        <NoRecords filtered={filtered} model={model} onClear={() => load(null)} />
      ) : (
        <RecordsTable
          modelUuid={model.uuid}
          columns={columns}
          titleColumnSlug={model.titleColumnSlug}
          filter={filter}
          sort={sort}
          onSortChange={setSort}
          count={first.data.count}
          onOpen={setOpened}
        />
      )}

      <RecordDrawer
        record={opened?.record ?? null}
        columns={columns}
        idColumnSlug={model.idColumnSlug}
        titleColumnSlug={model.titleColumnSlug}
        onClose={() => setOpened(null)}
      />
      <SaveSegmentDialog
        open={saving}
        onClose={() => setSaving(false)}
        modelUuid={model.uuid}
        filter={filterState.applied}
        sort={sort}
        onSaved={(saved) => {
          setSaving(false);
          setSegment(saved);
        }}
      />
    </section>
  );
}

/** The model's columns; a model that declares none yet (a first sync under way) shows its records' keys. */
function useColumns(model: Model, sample: Record<string, unknown> | undefined): ModelColumn[] {
  return useMemo(() => {
    if (model.columns.length > 0) return model.columns;
    return Object.keys(sample ?? {}).map((slug): ModelColumn => ({ slug, label: slug, type: "any" }));
  }, [model.columns, sample]);
}

function countConditions(filter: { groups: { conditions: unknown[] }[] }): number {
  return filter.groups.reduce((total, group) => total + group.conditions.length, 0);
}

function NoRecords({ filtered, model, onClear }: { filtered: boolean; model: Model; onClear: () => void }) {
  if (filtered) {
    return (
      <EmptyState
        icon={<SearchX className="size-5" />}
        title="No records match"
        action={
          <Button variant="secondary" onClick={onClear}>
            Show all records
          </Button>
        }
      >
        No record of {model.name} matches this filter.
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={<SearchX className="size-5" />} title="No records yet">
      {model.extractor ? "Records appear here as the sync stores them." : "The file had no rows to import."}
    </EmptyState>
  );
}
