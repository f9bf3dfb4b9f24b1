"use client";

import { RefreshCw } from "lucide-react";
import { useEffect, useId, useState } from "react";
import type { IntegrationCallFilter } from "@/lib/api/integration-call-queries";
import { MAX_CALL_SEARCH_CHARS, type IntegrationCallStatusFilter } from "@/lib/contract";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { STATUS_FILTERS } from "./call-status-badge";

/** How long typing pauses before the search asks the server. */
const SEARCH_DELAY_MS = 300;

/** The inspector's filter bar: endpoint, status, text in the bodies, and Refresh. */
export function CallFilters({
  filter,
  endpoints,
  onChange,
  onRefresh,
  refreshing,
  summary,
}: {
  filter: IntegrationCallFilter;
  /** The endpoints the server's kept calls went to. */
  endpoints: readonly string[];
  onChange: (filter: IntegrationCallFilter) => void;
  onRefresh: () => void;
  refreshing: boolean;
  /** "12 calls", said politely when it changes. */
  summary?: string;
}) {
  const id = useId();
  const [search, setSearch] = useState(filter.search ?? "");
  useEffect(() => {
    const trimmed = search.trim() || undefined;
    if (trimmed === filter.search) return;
    const timer = setTimeout(() => onChange({ ...filter, search: trimmed }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filter, onChange]);
  // The selected endpoint stays offered while the list comes back without it.
  const offered = filter.endpoint && !endpoints.includes(filter.endpoint) ? [filter.endpoint, ...endpoints] : endpoints;

  return (
    <div className="flex flex-wrap items-end gap-4 rounded-lg border border-border bg-surface p-4">
      <div className="w-64">
        <Label htmlFor={`${id}-endpoint`}>Endpoint</Label>
        <Select id={`${id}-endpoint`} value={filter.endpoint ?? ""} onChange={(event) => onChange({ ...filter, endpoint: event.target.value || undefined })}>
          <option value="">All endpoints</option>
          {offered.map((endpoint) => (
            <option key={endpoint} value={endpoint}>
              {endpoint}
            </option>
          ))}
        </Select>
      </div>
      <div className="w-56">
        <Label htmlFor={`${id}-status`}>Status</Label>
        <Select
          id={`${id}-status`}
          value={filter.status ?? ""}
          onChange={(event) => onChange({ ...filter, status: (event.target.value || undefined) as IntegrationCallStatusFilter | undefined })}
        >
          <option value="">All statuses</option>
          {STATUS_FILTERS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </div>
      <form
        role="search"
        className="min-w-48 flex-1"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ ...filter, search: search.trim() || undefined });
        }}
      >
        <Label htmlFor={`${id}-search`}>Search the bodies</Label>
        <TextInput id={`${id}-search`} type="search" maxLength={MAX_CALL_SEARCH_CHARS} value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Text in the request or the answer" />
      </form>
      <div className="flex items-center gap-3">
        {summary && (
          <p className="text-sm whitespace-nowrap text-fg-muted" aria-live="polite">
            {summary}
          </p>
        )}
        <Button variant="secondary" onClick={onRefresh} disabled={refreshing}>
          <RefreshCw aria-hidden className={refreshing ? "size-4 animate-spin" : "size-4"} />
          {refreshing ? "Refreshing…" : "Refresh"}
        </Button>
      </div>
    </div>
  );
}
