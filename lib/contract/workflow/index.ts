export * from "./expression";
export * from "./node";
export * from "./release";
export * from "./run";
export * from "./template";
export * from "./tool";
export * from "./validation";
export * from "./workflow";
