"use client";

import { useQuery } from "@tanstack/react-query";
import { FileJson, SearchX } from "lucide-react";
import { useDeferredValue, useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageState } from "@/components/ui/page-state";
import { Label } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { SearchInput } from "@/components/ui/search-input";
import { openApiQueries } from "@/lib/api/openapi-queries";
import { OperationItem } from "./operation-item";
import { filterGroups, groupOperations, tagAnchor } from "./operations";

/**
 * The API reference: every operation of the OpenAPI document the server generates from its route
 * table, grouped by area, narrowed by a filter, each opening to its parameters, body, answers and
 * a curl command.
 */
export function ApiReference() {
  const query = useQuery(openApiQueries.document());
  const filterId = useId();
  const [filter, setFilter] = useState("");
  const deferredFilter = useDeferredValue(filter);
  const groups = useMemo(() => (query.data ? groupOperations(query.data) : []), [query.data]);
  const shown = useMemo(() => filterGroups(groups, deferredFilter), [groups, deferredFilter]);

  if (!query.data) {
    return (
      <PageState load={query} thing="API reference" missing={false} back={{ href: "/integrations", label: "See the integrations" }} id="openapi.json">
        <Skeleton className="h-20" />
        {Array.from({ length: 6 }, (_, index) => (
          <Skeleton key={index} className="h-11" />
        ))}
      </PageState>
    );
  }
  const doc = query.data;
  const base = doc.servers[0]?.url ?? "/api/v1";
  const total = groups.reduce((sum, group) => sum + group.operations.length, 0);
  const matching = shown.reduce((sum, group) => sum + group.operations.length, 0);
  if (total === 0) {
    return (
      <EmptyState icon={<FileJson className="size-5" />} title="No operations">
        The API describes no operations. This build&apos;s route table is empty.
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <form role="search" onSubmit={(event) => event.preventDefault()} className="rounded-lg border border-border bg-surface p-4">
        <Label htmlFor={filterId}>Filter operations</Label>
        <SearchInput
          id={filterId}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder="Method, path, summary or area: post connectors"
          aria-describedby={`${filterId}-count`}
        />
        <p id={`${filterId}-count`} role="status" className="mt-2 text-xs text-fg-muted">
          {matching === total ? `${total} operations` : `${matching} of ${total} operations`}
          {doc.servers.length > 1 && <> · served under {doc.servers.map((server) => server.url).join(" and ")}</>}
        </p>
      </form>
      {shown.length === 0 ? (
        <EmptyState
          icon={<SearchX className="size-5" />}
          title="No operations match"
          action={
            <Button variant="secondary" onClick={() => setFilter("")}>
              Clear the filter
            </Button>
          }
        >
          Nothing matches &ldquo;{deferredFilter}&rdquo;. Try a method, part of a path, or an area such as Connectors.
        </EmptyState>
      ) : (
        <div className="grid gap-8 lg:grid-cols-[11rem_minmax(0,1fr)]">
          <nav aria-label="API areas" className="hidden lg:block">
            <ul className="sticky top-4 space-y-0.5 text-sm">
              {shown.map((group) => (
                <li key={group.tag}>
                  <a href={`#${tagAnchor(group.tag)}`} className="flex justify-between gap-2 rounded px-2 py-1 text-fg-muted hover:bg-surface-muted hover:text-fg">
                    <span className="truncate">{group.tag}</span>
                    <span className="text-xs tabular-nums">{group.operations.length}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="flex min-w-0 flex-col gap-8">
            {shown.map((group) => (
              <section key={group.tag} aria-labelledby={tagAnchor(group.tag)}>
                <h2 id={tagAnchor(group.tag)} className="mb-3 scroll-mt-4 text-base font-semibold">
                  {group.tag}
                </h2>
                <ul aria-label={`${group.tag} operations`} className="flex flex-col gap-2">
                  {group.operations.map((entry) => (
                    <OperationItem key={`${entry.method} ${entry.path}`} entry={entry} base={base} components={doc.components.schemas} />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
