import "server-only";

export { getWorkspaceFile } from "./stored-files";
export { readFileRecords } from "./read-file";
export { FILE_FIELD, fileUploadMaxBytesOf, uploadBodyMaxBytes, uploadFile } from "./upload-file";
