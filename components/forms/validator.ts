import { customizeValidator } from "@rjsf/validator-ajv8";
import { toPath, type ErrorTransformer, type RJSFValidationError, type ValidatorType } from "@rjsf/utils";
import { isExpressionValue } from "./expression-value";
import { humanizeKey } from "./field-title";

const ajvValidator = customizeValidator();

/**
 * The one validator every SchemaForm shares. ajv compiles a schema once and reuses it for the
 * same schema object, so callers must keep their schema's identity stable (see `decorateSchema`).
 * It accepts an expression object wherever a value is expected (docs/architecture.md, decision 7):
 * errors at or under a value that is an expression are dropped, since the value is only known once
 * a run computes it.
 */
export const formValidator: ValidatorType = Object.assign(Object.create(ajvValidator) as ValidatorType, {
  validateFormData(
    formData: unknown,
    schema: Parameters<ValidatorType["validateFormData"]>[1],
    customValidate?: Parameters<ValidatorType["validateFormData"]>[2],
    transformErrors?: ErrorTransformer,
    uiSchema?: Parameters<ValidatorType["validateFormData"]>[4],
  ) {
    const transform: ErrorTransformer = (errors, ui) => {
      const kept = dropExpressionErrors(errors, formData);
      return transformErrors ? transformErrors(kept, ui) : kept;
    };
    return ajvValidator.validateFormData(formData, schema, customValidate, transform, uiSchema);
  },
});

/** Errors whose data path reaches an expression object are not errors yet. */
export function dropExpressionErrors(errors: RJSFValidationError[], formData: unknown): RJSFValidationError[] {
  return errors.filter((error) => {
    let value = formData;
    for (const segment of toPath(error.property ?? "")) {
      if (isExpressionValue(value)) return false;
      value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[segment] : undefined;
    }
    return !isExpressionValue(value);
  });
}

/** Plainer messages than ajv's: "Email is required" under the field, not "must have required property 'Email'". */
export const transformErrors: ErrorTransformer = (errors) =>
  errors.map((error) => {
    if (error.name !== "required") return error;
    const missing = typeof error.params?.missingProperty === "string" ? error.params.missingProperty : "";
    const message = `${error.title || humanizeKey(missing) || "This field"} is required`;
    return { ...error, message, stack: message };
  });
