"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Row, type SortingState, type Updater } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import type { Filter, ModelColumn, RecordSort } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { formatCell } from "./cell-format";
import { useRecordBlocks, type LoadedRecord } from "./use-record-blocks";

const ROW_HEIGHT = 36;
const PAGE_ROWS = 10;
const WIDTHS: Record<ModelColumn["type"], number> = { string: 200, number: 130, date: 180, boolean: 96, object: 260, array: 260, vector: 200, any: 200 };

export interface RecordsTableProps {
  modelUuid: string;
  columns: ModelColumn[];
  titleColumnSlug: string;
  filter: Filter;
  sort: RecordSort;
  onSortChange: (sort: RecordSort) => void;
  /** How many records match: the table's height, whatever has loaded. */
  count: number;
  onOpen: (loaded: LoadedRecord) => void;
}

/**
 * A model's records as a grid: virtualized rows (only those in view are in the page), loaded a
 * block at a time as they scroll into view, typed cells, and sorting by a header click
 * (ascending, descending, none). Arrow keys move between rows; Enter opens one.
 */
export function RecordsTable({ modelUuid, columns, titleColumnSlug, filter, sort, onSortChange, count, onOpen }: RecordsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the app builds without React Compiler; the virtualizer re-renders this component on scroll itself
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const blocks = useRecordBlocks({ modelUuid, filter, sort, first: items[0]?.index ?? 0, last: items.at(-1)?.index ?? 0 });

  const columnDefs = useMemo(() => columns.map((column) => toColumnDef(column, column.slug === titleColumnSlug)), [columns, titleColumnSlug]);
  const sorting = useMemo<SortingState>(() => sort.map((key) => ({ id: key.columnSlug, desc: key.kind === "desc" })), [sort]);
  const table = useReactTable({
    data: blocks.rows,
    columns: columnDefs,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      onSortChange(next.map((key) => ({ columnSlug: key.id, kind: key.desc ? "desc" : "asc" })));
    },
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.index),
  });
  const rowsById = table.getRowModel().rowsById;
  const widths = useMemo(() => columnDefs.map((column) => column.size!), [columnDefs]);
  const width = table.getTotalSize();

  // A new filter or order starts at the top.
  const orderKey = JSON.stringify([filter, sort]);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [orderKey]);

  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const keyboard = useRowKeyboard(bodyRef, virtualizer.scrollToIndex, count);
  const tabbable = items.some((item) => item.index === keyboard.active) ? keyboard.active : (items[0]?.index ?? 0);

  return (
    <div className="flex flex-col gap-2">
      {blocks.errors.length > 0 && (
        <Alert
          title="Could not load some records"
          action={
            <Button variant="secondary" size="sm" onClick={blocks.retry}>
              Retry
            </Button>
          }
        >
          {blocks.errors[0]!.message}
        </Alert>
      )}
      <div ref={scrollRef} className="relative max-h-[min(70vh,640px)] overflow-auto rounded-lg border border-border bg-surface">
        <table role="grid" aria-label="Records" aria-rowcount={count + 1} aria-colcount={columns.length} className="grid text-sm" style={{ width, minWidth: "100%" }}>
          <thead role="rowgroup" className="sticky top-0 z-10 grid border-b border-border bg-surface">
            {table.getHeaderGroups().map((group) => (
              <tr role="row" key={group.id} aria-rowindex={1} className="flex w-full">
                {group.headers.map((header) => {
                  const column = header.column.columnDef.meta!.column;
                  const direction = header.column.getIsSorted();
                  const Icon = direction === "asc" ? ArrowUp : direction === "desc" ? ArrowDown : ArrowUpDown;
                  return (
                    <th
                      role="columnheader"
                      key={header.id}
                      aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none"}
                      className="flex shrink-0 items-stretch text-xs font-medium text-fg-muted"
                      style={{ width: header.getSize() }}
                    >
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        title={`Sort by ${column.label}`}
                        className={cn(
                          "flex w-full min-w-0 items-center gap-1.5 px-3 py-2.5 tracking-wide uppercase hover:bg-surface-muted hover:text-fg",
                          column.type === "number" && "flex-row-reverse",
                          column.type === "boolean" && "justify-center",
                          direction && "text-fg",
                        )}
                      >
                        <span className="truncate">{flexRender(header.column.columnDef.header, header.getContext())}</span>
                        <Icon aria-hidden className={cn("size-3.5 shrink-0", !direction && "opacity-40")} />
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody ref={bodyRef} role="rowgroup" className="relative grid" style={{ height: virtualizer.getTotalSize() }} onKeyDown={(event) => keyboard.onKeyDown(event, rowsById, onOpen)}>
            {items.map((item) => (
              <RecordRow
                key={item.key}
                row={rowsById[String(item.index)]}
                index={item.index}
                start={item.start}
                tabIndex={item.index === tabbable ? 0 : -1}
                widths={widths}
                onOpen={onOpen}
                onFocusRow={keyboard.setActive}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * One row: its record once its block has arrived, placeholders (and `aria-busy`) until then. One
 * component for both, so the `<tr>` a keyboard user focused stays when its record arrives.
 * Memoized: while scrolling, a row that stays in view keeps its props (its react-table row and
 * offset are stable), so only the rows coming into view render.
 */
const RecordRow = memo(function RecordRow({
  row,
  index,
  start,
  tabIndex,
  widths,
  onOpen,
  onFocusRow,
}: {
  row: Row<LoadedRecord> | undefined;
  index: number;
  start: number;
  tabIndex: number;
  widths: number[];
  onOpen: (loaded: LoadedRecord) => void;
  onFocusRow: (index: number) => void;
}) {
  return (
    <tr
      role="row"
      data-index={index}
      aria-rowindex={index + 2}
      aria-busy={row ? undefined : true}
      tabIndex={tabIndex}
      onClick={row && (() => onOpen(row.original))}
      onFocus={() => onFocusRow(index)}
      className={cn(
        // Strict containment: a row's layout and paint never reach the rest of the table while scrolling.
        "absolute left-0 flex w-full items-center border-b border-border/60 [contain:strict] focus-visible:bg-accent/5 focus-visible:outline-offset-[-2px]",
        row && "cursor-pointer hover:bg-surface-muted/60",
      )}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
    >
      {row
        ? row.getVisibleCells().map((cell) => (
            <td role="gridcell" key={cell.id} className="shrink-0 truncate px-3" style={{ width: cell.column.getSize() }}>
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </td>
          ))
        : widths.map((width, column) => (
            <td role="gridcell" key={column} className="shrink-0 px-3" style={{ width }}>
              <Skeleton className="h-3 w-3/4" />
            </td>
          ))}
    </tr>
  );
});

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generics must match the declaration they extend
  interface ColumnMeta<TData, TValue> {
    column: ModelColumn;
  }
}

function toColumnDef(column: ModelColumn, isTitle: boolean): ColumnDef<LoadedRecord> {
  return {
    id: column.slug,
    accessorFn: (row) => row.record[column.slug],
    header: column.label,
    // Wide enough for the header's label (upper case, with the sort icon), at least the type's width.
    size: Math.max(isTitle ? 240 : WIDTHS[column.type], column.label.length * 9 + 48),
    meta: { column },
    cell: (context) => <RecordCell value={context.getValue()} type={column.type} strong={isTitle} />,
  };
}

function RecordCell({ value, type, strong }: { value: unknown; type: ModelColumn["type"]; strong: boolean }) {
  const cell = formatCell(value, type);
  return (
    <span title={cell.title} className={cn("block truncate", cell.numeric && "text-right tabular-nums", strong && "font-medium", type === "boolean" && "text-center")}>
      {cell.text}
    </span>
  );
}

/** Arrow keys, Page Up/Down, Home and End move the focused row (scrolling it into view); Enter and Space open it. */
function useRowKeyboard(bodyRef: RefObject<HTMLElement | null>, scrollToIndex: (index: number) => void, count: number) {
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  useEffect(() => {
    if (pendingFocus.current === null) return;
    // The row is in the page once the virtualizer has scrolled to it, a render or two later.
    const row = bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${pendingFocus.current}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, rowsById: Record<string, Row<LoadedRecord>>, onOpen: (loaded: LoadedRecord) => void) => {
    const index = Number((event.target as HTMLElement).closest("tr")?.dataset.index ?? active);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE_ROWS,
      PageUp: index - PAGE_ROWS,
      Home: 0,
      End: count - 1,
    };
    if (event.key === "Enter" || event.key === " ") {
      const row = rowsById[String(index)];
      if (row) {
        event.preventDefault();
        onOpen(row.original);
      }
      return;
    }
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(count - 1, moves[event.key]!));
    setActive(next);
    pendingFocus.current = next;
    scrollToIndex(next);
  };

  return { active, setActive, onKeyDown };
}
