"use client";

import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { useCallback } from "react";
import { recordQueries } from "@/lib/api/segment-queries";
import type { FetchRecordsResponseBody, Filter, RecordSort } from "@/lib/contract";
import { useDebouncedValue } from "./use-debounced-value";

/** Records are fetched in blocks of this many, by offset, each block cached on its own. */
export const BLOCK_SIZE = 200;

/** A record and its position in the current order. */
export interface LoadedRecord {
  index: number;
  record: Record<string, unknown>;
}

interface Blocks {
  /** The loaded records of the blocks in view, by position. */
  rows: LoadedRecord[];
  errors: Error[];
  retry: () => void;
}

/**
 * The records at positions `first`..`last` of a model under a filter and sort, fetched a block
 * at a time. While the range keeps moving (a fast scroll) only cached blocks show; the blocks
 * in view are fetched once it rests, and a block scrolled away before its answer is aborted.
 */
export function useRecordBlocks({ modelUuid, filter, sort, first, last }: { modelUuid: string; filter: Filter; sort: RecordSort; first: number; last: number }): Blocks {
  const firstBlock = Math.floor(first / BLOCK_SIZE);
  const lastBlock = Math.max(firstBlock, Math.floor(last / BLOCK_SIZE));
  const settled = useDebouncedValue(`${firstBlock}:${lastBlock}`, 120).split(":").map(Number);
  const blocks = Array.from({ length: lastBlock - firstBlock + 1 }, (_, i) => firstBlock + i);

  const combine = useCallback(
    (results: UseQueryResult<FetchRecordsResponseBody>[]): Blocks => ({
      rows: results.flatMap((result, i) =>
        (result.data?.records ?? []).map((record, offset) => ({ index: (firstBlock + i) * BLOCK_SIZE + offset, record })),
      ),
      errors: results.flatMap((result) => (result.error ? [result.error] : [])),
      retry: () => results.forEach((result) => result.error && result.refetch()),
    }),
    [firstBlock],
  );

  return useQueries({
    queries: blocks.map((block) => ({
      ...recordQueries.page({ modelUuid, filter, sort, offset: block * BLOCK_SIZE, limit: BLOCK_SIZE }),
      enabled: block >= settled[0]! && block <= settled[1]!,
    })),
    combine,
  });
}
