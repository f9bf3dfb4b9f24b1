export * from "./common";
export * from "./custom-integrations";
export * from "./health";
export * from "./integrations";
export * from "./connectors";
export * from "./accounts";
export * from "./openapi";
