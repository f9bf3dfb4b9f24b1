/**
 * What a form hands the editor of a field in expression mode. SchemaForm takes the editor as a
 * component (`expressionEditor`), so an app can bring one that knows its scope (the workflow
 * editor completes `nodes.<slug>.<field>`); the plain textarea is the default.
 */
export interface ExpressionEditorProps {
  /** The field's id: the field's `<label for>` names the editor through it. */
  id: string;
  /** The field's title, for messages and the completion list's name. */
  label: string;
  /** The text: an expression object's `expression`, or a literal as text. */
  value: string;
  onChange(text: string): void;
  onBlur?(): void;
  onFocus?(): void;
  disabled?: boolean;
  readOnly?: boolean;
  required?: boolean;
  autoFocus?: boolean;
  /** Whether the field has errors (aria-invalid). */
  invalid?: boolean;
  /** Ids of elements describing the field (its description and errors), for aria-describedby. */
  describedBy?: string;
  /** `template`: `{{ }}` segments in text; `javascript`: the whole text is code (a jsExpression). */
  language: "template" | "javascript";
  /** The field's path in the outermost form (`["fields", "email"]`). */
  path: ReadonlyArray<string | number>;
}
