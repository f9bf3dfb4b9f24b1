import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <EmptyState
      title="Page not found"
      action={
        <Link href="/integrations" className="inline-flex h-9 items-center rounded-md bg-accent px-4 text-sm font-medium text-accent-fg">
          Go to integrations
        </Link>
      }
    >
      There is nothing at this address. It may have been moved or deleted.
    </EmptyState>
  );
}
