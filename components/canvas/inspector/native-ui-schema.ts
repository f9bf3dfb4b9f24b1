/**
 * What the inspector adds to the built-in actions' uiSchema (the native integration sends none):
 * a switch route's `uuid` and a group's `_nodes` are kept by the editor, not typed in.
 */
const NATIVE_UI_SCHEMA: Record<string, Record<string, unknown>> = {
  switch: { routes: { items: { uuid: { "ui:widget": "hidden" } } } },
  group: { _nodes: { "ui:widget": "hidden" } },
  httpRequest: { "ui:order": ["method", "url", "headers", "body"] },
};

/** The uiSchema of a built-in action: the integration's own, with the inspector's additions. */
export function nativeUiSchema(actionSlug: string, uiSchema: Record<string, unknown> | undefined): Record<string, unknown> {
  return { ...NATIVE_UI_SCHEMA[actionSlug], ...uiSchema };
}
