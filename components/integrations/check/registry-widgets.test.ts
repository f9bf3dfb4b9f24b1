import { expect, it } from "vitest";
import { FIELD_COMPONENTS, RELAY_WIDGETS, WIDGET_COMPONENTS } from "@/lib/contract/integration/ui-widgets";
import { fields, widgets } from "@/components/forms/registry";

// The contract checker judges widget names by lib/contract's lists: they must name what the
// forms' registry really renders, or the checker would pass a form that fails (or fail one that works).
it("every widget and field the form registry renders is one the checker accepts", () => {
  expect(Object.keys(widgets).filter((name) => !WIDGET_COMPONENTS.has(name))).toEqual([]);
  expect(Object.keys(fields).filter((name) => !FIELD_COMPONENTS.has(name))).toEqual([]);
});

it("every widget of Relay's own the checker accepts is registered", () => {
  const registered = new Set([...Object.keys(widgets), ...Object.keys(fields)]);
  expect(RELAY_WIDGETS.filter((name) => !registered.has(name))).toEqual([]);
});
