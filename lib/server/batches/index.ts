export { createBatch, executeBatch } from "./create-batch";
export { cancelBatch, getBatch, listBatches, retryFailedRuns } from "./batches";
export { downloadBatch } from "./batch-download";
export { countWorkflowRecords, listWorkflowRecords, workflowRecordMetrics } from "./workflow-records";
