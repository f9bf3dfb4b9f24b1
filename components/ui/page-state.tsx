import { SearchX } from "lucide-react";
import type { ReactNode } from "react";
import { ButtonLink } from "./button-link";
import { EmptyState } from "./empty-state";
import { QueryError } from "./query-error";

/** How the load of a page's resource stands, as a TanStack Query result reports it. */
interface PageLoad {
  error: Error | null;
  isFetching: boolean;
  refetch: () => unknown;
}

/**
 * A detail page before its resource shows: the skeleton while it loads, "<Thing> not found" with
 * the way back to its list when there is no such resource, or the failure with Retry.
 * @example if (!query.data) return <PageState load={query} thing="run" missing={isNotFound(query.error)} back={{ href: "/runs", label: "See all runs" }} id={uuid}><Skeleton className="h-14" /></PageState>;
 */
export function PageState({
  load,
  thing,
  missing,
  back,
  id,
  children,
}: {
  load: PageLoad;
  /** What the page shows, in lower case: `model` gives "Loading the model", "Model not found", "Could not load the model". */
  thing: string;
  /** Whether the error means there is no such resource (a 404), rather than a failed load. */
  missing: boolean;
  /** The list "not found" leads back to. */
  back: { href: string; label: string };
  /** The id asked for, named under "not found". */
  id: string;
  /** The skeleton's blocks, shaped like the page. */
  children: ReactNode;
}) {
  if (!load.error) {
    return (
      <div aria-busy="true" aria-label={`Loading the ${thing}`} className="flex flex-col gap-6">
        {children}
      </div>
    );
  }
  if (missing) {
    return (
      <EmptyState
        icon={<SearchX className="size-5" />}
        title={`${thing.charAt(0).toUpperCase()}${thing.slice(1)} not found`}
        action={
          <ButtonLink href={back.href} variant="primary">
            {back.label}
          </ButtonLink>
        }
      >
        There is no {thing} with the id <code className="font-mono text-xs break-all">{id}</code>. It may have been deleted, or it belongs to another
        workspace.
      </EmptyState>
    );
  }
  return <QueryError title={`Could not load the ${thing}`} error={load.error} onRetry={() => load.refetch()} retrying={load.isFetching} />;
}
