export { BufferedResponse } from "./buffered-response";
export { refusedRangeOf, type RefusedRange } from "./address-rules";
export { parseAllowlist, type Allowlist } from "./allowlist";
export { checkTarget, type OutboundPolicy, type OutboundTarget } from "./check-target";
export { createOutboundFetch, defaultOutboundFetch, type OutboundFetch, type OutboundOptions, type OutboundRequestInit } from "./outbound-fetch";
export { OutboundRefusedError, outboundRefusalOf } from "./outbound-refused-error";
export { MAX_REDIRECTS } from "./redirects";
export { systemResolver, type Resolver } from "./resolver";
