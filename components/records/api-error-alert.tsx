import { Alert } from "@/components/ui/alert";
import { ApiError } from "@/lib/api/api-fetch";

/** A failed request: the server's message and, for a 400 with problems, each one with its path (the first 100, and how many more). */
export function ApiErrorAlert({ title, error }: { title: string; error: Error }) {
  const problems = error instanceof ApiError ? (error.problems ?? []) : [];
  const leftOff = error instanceof ApiError ? ((error.body as { problemsLeftOff?: number } | undefined)?.problemsLeftOff ?? 0) : 0;
  return (
    <Alert title={title}>
      <p>{error.message}</p>
      {problems.length > 0 && (
        <ul className="mt-2 list-disc space-y-0.5 pl-5">
          {problems.map((problem, index) => (
            <li key={index}>
              <code className="font-mono text-xs">{problem.path}</code>: {problem.message}
            </li>
          ))}
          {leftOff > 0 && <li>and {leftOff} more</li>}
        </ul>
      )}
    </Alert>
  );
}
