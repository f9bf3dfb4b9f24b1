import type { NativeIntegration } from "../sdk";
import { gmail } from "./gmail";
import { openai } from "./openai";
import { slack } from "./slack";

/** The integrations written with the SDK, in catalog order. Add a new provider here. */
export const sdkIntegrations: readonly NativeIntegration[] = [slack, gmail, openai];

const bySlug = new Map(sdkIntegrations.map((integration) => [integration.slug, integration]));

/** The SDK integration with this slug, or undefined. */
export function getSdkIntegration(slug: string): NativeIntegration | undefined {
  return bySlug.get(slug);
}
