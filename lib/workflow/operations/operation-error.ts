/** An operation that cannot apply to the graph as it is (unknown uuid, child index out of range, …). */
export class WorkflowOperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkflowOperationError";
  }
}
