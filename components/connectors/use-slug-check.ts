"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { connectorSlugQueries } from "@/lib/api/connector-mutations";

const SLUG_PATTERN = /^[a-zA-Z0-9_]+$/;

/** Live slug validation: the alphabet at once, whether it is taken after a short pause. */
export function useSlugCheck(slug: string) {
  const [debounced, setDebounced] = useState(slug);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(slug), 300);
    return () => clearTimeout(timer);
  }, [slug]);
  const valid = slug.length > 0 && slug.length <= 64 && SLUG_PATTERN.test(slug);
  const exists = useQuery({ ...connectorSlugQueries.exists(debounced), enabled: valid && debounced === slug });
  if (!slug) return { ok: false, message: "Slug is required" };
  if (!valid) return { ok: false, message: "Use only letters, digits and underscores (at most 64)" };
  if (debounced !== slug || exists.isPending) return { ok: false, checking: true, message: "Checking…" };
  if (exists.data?.exists) return { ok: false, message: `The slug "${slug}" is already taken` };
  return { ok: true, message: "Available" };
}
