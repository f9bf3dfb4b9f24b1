import "server-only";

export { HTTP_REQUEST_TIMEOUT_MS, runHttpRequest, type HttpRequestConfig, type HttpRequestOptions, type HttpRequestOutput } from "./http-request";
export { nativeActions } from "./native-actions";
export { NATIVE_INTEGRATION_SLUG, nativeIntegration } from "./native-integration";
export { getSdkIntegration, sdkIntegrations } from "./providers";
export {
  defineNativeAction,
  defineNativeIntegration,
  NativeActionError,
  type NativeAction,
  type NativeActionContext,
  type NativeActionErrorKind,
  type NativeAuth,
  type NativeAuthType,
  type NativeIntegration,
  type NativeIntegrationDefinition,
} from "./sdk";
export { authenticateNative, NATIVE_ACTION_TIMEOUT_MS, runNativeAction, type NativeAuthentication, type NativeCallOptions, type RunNativeActionOptions } from "./sdk-run";
