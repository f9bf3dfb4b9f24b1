export * from "./filter";
export * from "./files";
export * from "./models";
export * from "./segments";
export * from "./batches";
export * from "./batch-webhooks";
export * from "./workflow-records";
