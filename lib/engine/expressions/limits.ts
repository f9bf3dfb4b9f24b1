import { MAX_OUTPUT_BYTES } from "../limits";
import { type SandboxLimits } from "./sandbox-protocol";

const MiB = 1024 * 1024;

/** Per segment: 100 ms, 32 MiB beyond the scope, 256 KiB of QuickJS stack (about 1,500 nested calls). */
export const DEFAULT_LIMITS: SandboxLimits = { timeoutMs: 100, memoryBytes: 32 * MiB, stackBytes: 256 * 1024 };

/**
 * Most `{{ }}` segments and jsExpressions one config may hold. Real forms have a few dozen at
 * most (a group's items each evaluate their own configs, so item counts do not add up here); the
 * cap bounds what one node can ask of a sandbox thread, and the size of the batch sent to it.
 */
export const MAX_EXPRESSIONS_PER_CONFIG = 1_000;

/**
 * Time one config's expressions may take together, from when a sandbox thread starts them. Each
 * may take 100 ms, so without a total, 1,000 of them could hold a thread (of at most four) for
 * 100 s and stall every other run's configs behind it. Real configs need milliseconds; 5 s is
 * fifty slow expressions.
 */
export const CONFIG_TIME_LIMIT_MS = 5_000;

/**
 * Characters of data one config's plain paths (`{{nodes.a.b}}`, read without the sandbox) may
 * copy in all: 5 MiB, the most a computed config may hold (MAX_OUTPUT_BYTES). Each read copies
 * what it names, so a thousand reads of a large output would otherwise take gigabytes, and the
 * whole process with them, before the config's size is checked.
 */
export const MAX_READ_CHARS_PER_CONFIG = MAX_OUTPUT_BYTES;

/**
 * QuickJS counts its stack in WebAssembly memory, but the calls themselves run on the thread's
 * native stack, which fills much faster: 512 KiB of QuickJS stack needed a 16 MB thread to stop
 * deep parser recursion cleanly. Twice that ratio keeps overflows inside QuickJS.
 */
export function nativeStackMb(stackBytes: number): number {
  return Math.max(16, Math.ceil((stackBytes * 64) / MiB));
}

/** "32 MiB", "256 KiB", "100 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** "5 s", "300 ms". */
export function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
