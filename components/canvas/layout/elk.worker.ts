// Runs ELK off the main thread: a 1000-node layout takes long enough to freeze the canvas otherwise.
import ELK, { type ElkNode } from "elkjs/lib/elk.bundled.js";

const elk = new ELK();
const scope = self as unknown as { onmessage: ((event: MessageEvent<{ id: number; graph: ElkNode }>) => void) | null; postMessage(message: unknown): void };

// elk.bundled.js installs its own message handler when loaded in a worker; this one replaces it.
scope.onmessage = (event) => {
  const { id, graph } = event.data;
  elk.layout(graph).then(
    (layout) => scope.postMessage({ id, layout }),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
