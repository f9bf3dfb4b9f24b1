import type { Problem } from "@/lib/contract";
import { Alert } from "@/components/ui/alert";
import { ApiError } from "@/lib/api/api-fetch";
import { plural } from "../format";

/**
 * Why a registration, refresh or URL change failed: every manifest problem with its path, so an
 * integration developer can fix them, or else the server's message (unreachable, timed out…).
 */
export function MutationError({ error, title, heading = "h3" }: { error: Error; title: string; heading?: "h3" | "h4" }) {
  const problems = error instanceof ApiError ? (error.problems ?? []) : [];
  if (problems.length === 0) return <Alert title={title}>{error.message}</Alert>;
  return <ManifestProblems message={error.message} problems={problems} heading={heading} />;
}

function ManifestProblems({ message, problems, heading: Heading }: { message: string; problems: Problem[]; heading: "h3" | "h4" }) {
  return (
    <div role="alert" className="rounded-lg border border-danger/30 bg-danger/5 p-4 text-sm">
      <Heading className="font-medium text-danger">The manifest has {plural(problems.length, "problem")}</Heading>
      <p className="mt-1 break-words text-fg-muted">{message}</p>
      <ul aria-label="Manifest problems" className="mt-3 space-y-1.5">
        {problems.map((problem, index) => (
          <li key={`${problem.path}-${index}`} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
            <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs break-all text-fg">{problem.path}</code>
            <span className="min-w-0 break-words">{problem.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
