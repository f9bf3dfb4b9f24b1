import { Plug } from "lucide-react";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";

/** What a page that needs connectors shows before there are any: why, and the way to add one. */
export function NoConnectors({ children }: { children: ReactNode }) {
  return (
    <EmptyState
      icon={<Plug className="size-5" />}
      title="No connectors yet"
      action={
        <ButtonLink href="/connectors/new" variant="primary">
          Add a connector
        </ButtonLink>
      }
    >
      {children}
    </EmptyState>
  );
}
