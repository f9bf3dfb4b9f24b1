"use client";

import { getDefaultRegistry } from "@rjsf/core";
import type { FieldProps } from "@rjsf/utils";
import { useState } from "react";
import { sameUiSchema } from "../same-ui-schema";

const CoreObjectField = getDefaultRegistry().fields.ObjectField!;

/**
 * RJSF's ObjectField, given the same uiSchema object for as long as its content stays the same.
 * SchemaField spreads a new uiSchema into every object field on every render, and ObjectField's
 * key-rename callback depends on it, so each keystroke handed all of an object's (memoized)
 * properties a new callback and re-rendered every one of them. With a stable uiSchema a property
 * re-renders only when its own value, schema, uiSchema or errors change. Changes still reach the
 * form by path (RJSF 6 `onChange(value, path)`), so a skipped property holds no stale data.
 */
export function ObjectField(props: FieldProps) {
  const [stable, setStable] = useState(props.uiSchema);
  let uiSchema = stable;
  if (!sameUiSchema(stable, props.uiSchema)) {
    setStable(props.uiSchema);
    uiSchema = props.uiSchema;
  }
  return <CoreObjectField {...props} uiSchema={uiSchema} />;
}
