import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Another revision of the project beside this one, for bench/engine-http's BENCH_BASELINE: a git
 * worktree in a scratch folder sharing this checkout's node_modules and production build (the
 * production server serves the API from its sources through tsx; the build serves only pages,
 * which the bench does not ask for). `remove` takes the worktree away again.
 */
export function checkoutBaseline(revision: string, distDir: string): { dir: string; commit: string; remove(): void } {
  const git = (...args: string[]) => {
    const result = spawnSync("git", args, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr.trim()}`);
    return result.stdout.trim();
  };
  const commit = git("rev-parse", "--short", `${revision}^{commit}`);
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "relay-baseline-")), "tree");
  git("worktree", "add", "--detach", dir, commit);
  fs.symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
  fs.symlinkSync(path.resolve(distDir), path.join(dir, path.basename(distDir)));
  return {
    dir,
    commit,
    remove() {
      git("worktree", "remove", "--force", dir);
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    },
  };
}
