"use client";

import { useEffect, useId, useState } from "react";
import { Label } from "@/components/ui/select";
import { SearchInput } from "@/components/ui/search-input";

const DEBOUNCE_MS = 300;

/**
 * The search box keeps what is typed locally and writes it to the URL once typing pauses, so the
 * list does not refetch on every keystroke. A search changed from outside (Clear filters, a link)
 * replaces the text.
 */
export function CatalogSearch({ value, onSearch }: { value: string; onSearch: (search: string) => void }) {
  const id = useId();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== text.trim()) setText(value);
  }

  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <form
      role="search"
      className="min-w-0 flex-1 basis-64"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <Label htmlFor={id}>Search integrations</Label>
      <SearchInput
        id={id}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Name, slug or description"
      />
    </form>
  );
}
