export * from "./api";
export * from "./integration";
export * from "./problems";
export * from "./workflow";
export * from "./manifest-url";
export * from "./stable-stringify";
export * from "./records";
export * from "./is-record";
