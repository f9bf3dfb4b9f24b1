"use client";

import { useEffect, useState } from "react";
import { relativeTime } from "./format";

/** "5 minutes ago", kept current; the exact ISO time is in the title and `dateTime`. */
export function RelativeTime({ iso }: { iso: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={iso}>
      {relativeTime(iso, now)}
    </time>
  );
}
