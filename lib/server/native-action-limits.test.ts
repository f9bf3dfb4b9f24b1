import { expect, it } from "vitest";
import { MAX_DELAY_MINUTES } from "@/lib/engine/delay";
import { nativeActions } from "@/lib/integrations/native/native-actions";

// The built-in actions' forms (lib/integrations) state the limits the engine enforces, so a form
// refuses what a run would fail on; the two layers may not import each other, this one sees both.
it("the delay's form allows at most the engine's longest delay", () => {
  expect(nativeActions.delay!.config.jsonSchema).toMatchObject({ properties: { minutes: { minimum: 0, maximum: MAX_DELAY_MINUTES } } });
});
