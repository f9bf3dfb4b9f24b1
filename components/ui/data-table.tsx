import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A column heading: its text (or `srOnly` text for a column of buttons) and the `<th>`'s extra classes (width, alignment). */
export type DataTableColumn = string | { label: string; className?: string; srOnly?: boolean };

interface DataTableProps {
  /** What the table holds, for screen readers (`Runs, newest first`). */
  caption: ReactNode;
  columns: readonly DataTableColumn[];
  /** The `<table>`'s own classes, for a fixed layout or a minimum width. */
  tableClassName?: string;
  /** The `<tr>` rows. */
  children: ReactNode;
}

/**
 * The lists' table: a bordered, horizontally scrolling frame, a screen-reader caption, the
 * uppercase heading row and ruled rows. One shell so every list looks and reads the same; the
 * rows stay each list's own.
 * @example <DataTable caption="Tools, newest first" columns={["Tool", { label: "Runs", className: "text-right" }]}>{rows}</DataTable>
 */
export function DataTable({ caption, columns, tableClassName, children }: DataTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className={cn("w-full text-sm", tableClassName)}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border text-left text-xs font-medium tracking-wide text-fg-muted uppercase">
          <tr>
            {columns.map((column) => {
              const { label, className, srOnly } = typeof column === "string" ? { label: column } : column;
              return (
                <th key={label} scope="col" className={cn("px-4 py-2.5 font-medium whitespace-nowrap", className)}>
                  {srOnly ? <span className="sr-only">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">{children}</tbody>
      </table>
    </div>
  );
}
