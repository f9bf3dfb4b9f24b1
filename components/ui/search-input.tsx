import { Search } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";
import { TextInput } from "./text-input";

/**
 * A search box: a `type="search"` text input with the magnifier inside it, autocomplete off. One
 * shape for the catalog's search and the API reference's filter; pair it with a <Label htmlFor>.
 */
export function SearchInput({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <div className="relative">
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-muted" />
      <TextInput type="search" autoComplete="off" className={cn("pl-9", className)} {...props} />
    </div>
  );
}
