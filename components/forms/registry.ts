import type { RegistryFieldsType, RegistryWidgetsType, TemplatesType } from "@rjsf/utils";
import { ObjectField } from "./fields/object-field";
import { ArrayFieldItemButtonsTemplate } from "./templates/array-field-item-buttons-template";
import { ArrayFieldItemTemplate } from "./templates/array-field-item-template";
import { ArrayFieldTemplate } from "./templates/array-field-template";
import { BaseInputTemplate } from "./templates/base-input-template";
import { DescriptionFieldTemplate } from "./templates/description-field-template";
import { FieldErrorTemplate } from "./templates/field-error-template";
import { FieldTemplate } from "./templates/field-template";
import { ObjectFieldTemplate } from "./templates/object-field-template";
import { AddButton, SubmitButton } from "./templates/submit-button";
import { TitleFieldTemplate } from "./templates/title-field-template";
import { DynamicSchemaWidget } from "./widgets/dynamic-schema-widget";
import { ExpressionWidget } from "./widgets/expression-widget";
import { IntegrationAutocompleteWidget } from "./widgets/integration-autocomplete-widget";
import { OAuthWidget } from "./widgets/oauth-widget";
import { PasswordWidget } from "./widgets/password-widget";
import { CheckboxWidget, SelectWidget, TextareaWidget } from "./widgets/styled-core-widgets";

/** Widgets by the names manifests use in `ui:widget` (plus restyled core ones under their core names). */
export const widgets: RegistryWidgetsType = {
  IntegrationAutocompleteWidget,
  ExpressionWidget,
  OAuthWidget,
  password: PasswordWidget,
  PasswordWidget,
  SelectWidget,
  TextareaWidget,
  CheckboxWidget,
};

/**
 * Fields by name. `DynamicSchemaWidget` is a field because its value is an object; SchemaForm's
 * uiSchema decoration turns `"ui:widget": "DynamicSchemaWidget"` into `"ui:field"` as well.
 * `ObjectField` replaces the core one so a keystroke re-renders only the property it changed.
 */
export const fields: RegistryFieldsType = {
  DynamicSchemaWidget,
  ObjectField,
};

/** The app-styled templates every SchemaForm (and nested dynamic form) renders with. */
export const templates: Partial<Omit<TemplatesType, "ButtonTemplates">> & { ButtonTemplates: Partial<TemplatesType["ButtonTemplates"]> } = {
  FieldTemplate,
  FieldErrorTemplate,
  DescriptionFieldTemplate,
  TitleFieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  ArrayFieldItemButtonsTemplate,
  BaseInputTemplate,
  ButtonTemplates: { SubmitButton, AddButton },
};
