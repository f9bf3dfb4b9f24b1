import { test as base, expect, type APIRequestContext } from "@playwright/test";
import { E2E_DEMO_URL } from "./ports";

/** A client for the demo integration server's test hooks (`/_demo/*`). */
export interface DemoServer {
  url: string;
  stats(): Promise<{ calls: Record<string, number>; idempotencyKeys: Record<string, number> }>;
  reset(): Promise<void>;
}

export const test = base.extend<{ demo: DemoServer }>({
  demo: async ({ request }, provide) => {
    await provide(demoServer(request));
  },
});

function demoServer(request: APIRequestContext): DemoServer {
  return {
    url: E2E_DEMO_URL,
    async stats() {
      const response = await request.get(`${E2E_DEMO_URL}/_demo/stats`);
      expect(response.ok()).toBe(true);
      return response.json();
    },
    async reset() {
      const response = await request.post(`${E2E_DEMO_URL}/_demo/reset`);
      expect(response.ok()).toBe(true);
    },
  };
}

export { expect };
