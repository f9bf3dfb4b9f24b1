import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** The settings pages' tables: a caption for screen readers, a header row, and the rows given. */
export function SettingsTable({ caption, columns, children }: { caption: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <Card>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-xs text-fg-muted">
          <tr>
            {columns.map((column, index) => (
              <th key={index} className="px-4 py-2 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </Card>
  );
}
