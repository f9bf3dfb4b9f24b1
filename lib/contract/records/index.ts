export * from "./filter";
export * from "./files";
export * from "./models";
export * from "./segments";
export * from "./batches";
export * from "./workflow-records";
