import { formatCell } from "@/components/records/cell-format";
import type { ModelColumn } from "@/lib/contract";
import { cn } from "@/lib/utils";

/** The first records an extractor gives, before anything is saved: a small table, scrolling sideways. */
export function PreviewTable({ columns, records, caption }: { columns: ModelColumn[]; records: Record<string, unknown>[]; caption: string }) {
  if (records.length === 0) return <p className="text-sm text-fg-muted">The extractor gave no records for this config.</p>;
  const shown = columns.length > 0 ? columns : Object.keys(records[0]!).map((slug): ModelColumn => ({ slug, label: slug, type: "any" }));
  return (
    <div className="max-h-72 overflow-auto rounded-md border border-border">
      <table className="w-full text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-surface-muted text-left text-fg-muted">
          <tr>
            {shown.map((column) => (
              <th key={column.slug} scope="col" className={cn("px-3 py-2 font-medium whitespace-nowrap", column.type === "number" && "text-right")}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {records.map((record, index) => (
            <tr key={index}>
              {shown.map((column) => {
                const cell = formatCell(record[column.slug], column.type);
                return (
                  <td key={column.slug} title={cell.title} className={cn("max-w-56 truncate px-3 py-1.5 whitespace-nowrap", cell.numeric && "text-right tabular-nums")}>
                    {cell.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
