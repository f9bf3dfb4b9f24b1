// What Linux's /proc says of processes, for the benchmarks (CPU a server spent) and the production
// check (the web processes under a primary). Elsewhere than Linux: no fields, NaN CPU.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const ticksPerSecond = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

/** The fields of /proc/<pid>/stat after the command's name (state first, then the parent's pid…), or undefined once it is gone. */
function statFields(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  } catch {
    return undefined;
  }
}

/** The pids of every process now running. */
export function allPids(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

const fieldsCpuMs = (fields: string[]) => ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;

/** Whether the process runs (not gone, not a zombie). */
export function isAlive(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state !== undefined && state !== "Z";
}

/** The processes whose parent is `pid`. */
export function childrenOf(pid: number): number[] {
  return allPids().filter((child) => statFields(child)?.[1] === String(pid));
}

/** User + system CPU time so far of one process, in ms; NaN once it is gone. */
export function ownCpuMs(pid: number): number {
  const fields = statFields(pid);
  return fields ? fieldsCpuMs(fields) : Number.NaN;
}

/** User + system CPU time so far of a process and every process under it (the web processes of WEB_PROCESSES), in ms. */
export function treeCpuMs(pid: number): number {
  const own = statFields(pid);
  if (!own) return Number.NaN;
  const parents = new Map(allPids().map((candidate) => [candidate, Number(statFields(candidate)?.[1])]));
  let total = fieldsCpuMs(own);
  for (const candidate of parents.keys()) {
    let at = parents.get(candidate);
    while (at !== undefined && at > 1 && at !== pid) at = parents.get(at);
    if (at !== pid) continue;
    const fields = statFields(candidate);
    if (fields) total += fieldsCpuMs(fields);
  }
  return total;
}
