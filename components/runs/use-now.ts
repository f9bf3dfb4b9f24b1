"use client";

import { useEffect, useState } from "react";

/** The current time in ms, ticking every second while `live`; for durations of unfinished runs. */
export function useNow(live: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live]);
  return now;
}
