import { Alert } from "./alert";
import { Button } from "./button";

/** A failed load: what failed, the server's message, and a Retry that is off while retrying. */
export function QueryError({ title, error, onRetry, retrying }: { title: string; error: Error; onRetry: () => void; retrying?: boolean }) {
  return (
    <Alert
      title={title}
      action={
        <Button variant="secondary" size="sm" onClick={onRetry} disabled={retrying}>
          Retry
        </Button>
      }
    >
      {error.message}
    </Alert>
  );
}
