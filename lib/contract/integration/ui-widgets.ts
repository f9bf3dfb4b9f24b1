// The uiSchema names a manifest may use and Relay's forms render (components/forms/registry.ts
// plus what @rjsf/core 6 brings). Part of the wire: a server names widgets by string. The
// contract checker rejects other names; a test in components/integrations/check keeps this in
// step with the registry.

/** Relay's own data-bound and expression widgets, registered in components/forms/registry.ts. */
export const RELAY_WIDGETS = ["IntegrationAutocompleteWidget", "DynamicSchemaWidget", "ExpressionWidget", "OAuthWidget"] as const;

/**
 * Widget components by name: Relay's, and the core ones (some restyled under the same name). A
 * registered name wins over an alias, so `password` (registered too) suits any type.
 */
export const WIDGET_COMPONENTS: ReadonlySet<string> = new Set([
  ...RELAY_WIDGETS,
  "password",
  "AltDateTimeWidget",
  "AltDateWidget",
  "CheckboxWidget",
  "CheckboxesWidget",
  "ColorWidget",
  "DateTimeWidget",
  "DateWidget",
  "EmailWidget",
  "FileWidget",
  "HiddenWidget",
  "PasswordWidget",
  "RadioWidget",
  "RangeWidget",
  "RatingWidget",
  "SelectWidget",
  "TextWidget",
  "TextareaWidget",
  "TimeWidget",
  "URLWidget",
  "UpDownWidget",
]);

/** Field components by name (`ui:field`): Relay's and the core ones. */
export const FIELD_COMPONENTS: ReadonlySet<string> = new Set([
  "DynamicSchemaWidget",
  "AnyOfField",
  "ArrayField",
  "BooleanField",
  "CyclicSchemaField",
  "FallbackField",
  "LayoutGridField",
  "LayoutHeaderField",
  "LayoutMultiSchemaField",
  "NullField",
  "NumberField",
  "ObjectField",
  "OneOfField",
  "OptionalDataControlsField",
  "SchemaField",
  "StringField",
]);

/** The lowercase aliases the form library accepts, per JSON Schema type of the field (its `getWidget`). */
export const WIDGET_ALIASES: Readonly<Record<string, readonly string[]>> = {
  boolean: ["checkbox", "radio", "select", "hidden"],
  string: ["text", "password", "email", "hostname", "ipv4", "ipv6", "uri", "data-url", "radio", "select", "textarea", "hidden", "date", "datetime", "date-time", "alt-date", "alt-datetime", "time", "color", "file"],
  number: ["text", "select", "updown", "range", "radio", "hidden"],
  integer: ["text", "select", "updown", "range", "radio", "hidden"],
  array: ["select", "checkboxes", "files", "hidden"],
};
