"use client";

import { useState } from "react";
import { SchemaForm } from "@/components/forms/schema-form";
import { formValidator } from "@/components/forms/validator";

const FIELDS = 200;

/** A generated schema of 200 fields of mixed kinds, built once per page load. */
function benchSchema() {
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < FIELDS; i++) {
    const kind = i % 4;
    properties[`field_${i}`] =
      kind === 0
        ? { type: "string", title: `Text ${i}` }
        : kind === 1
          ? { type: "number", title: `Number ${i}` }
          : kind === 2
            ? { type: "string", title: `Choice ${i}`, enum: ["a", "b", "c"] }
            : { type: "boolean", title: `Flag ${i}` };
  }
  return { type: "object", required: ["field_0"], properties };
}

const schema = benchSchema();

declare global {
  interface Window {
    __ajvCompiles?: number;
  }
}

// Counts distinct validators ajv builds: the figure bench/form-typing reports next to the timing.
if (typeof window !== "undefined" && window.__ajvCompiles === undefined) {
  window.__ajvCompiles = 0;
  const ajv = (formValidator as unknown as { ajv: { compile: (s: object) => unknown } }).ajv;
  const compile = ajv.compile.bind(ajv);
  const built = new WeakSet<object>();
  ajv.compile = (s: object) => {
    const validate = compile(s) as object;
    if (!built.has(validate)) {
      built.add(validate);
      window.__ajvCompiles! += 1;
    }
    return validate;
  };
}

/** Test-only: a 200-field form for measuring keystroke-to-paint (bench/form-typing). */
export function DevFormBench() {
  const [data, setData] = useState<Record<string, unknown>>({});
  const [submitted, setSubmitted] = useState(0);
  const [baseline, setBaseline] = useState("");
  return (
    <>
      <label htmlFor="bench-baseline">Baseline input</label>
      <input id="bench-baseline" value={baseline} onChange={(e) => setBaseline(e.target.value)} />
      <p data-testid="bench-submits">{submitted}</p>
      <SchemaForm id="bench" schema={schema} formData={data} onChange={setData} onSubmit={() => setSubmitted((n) => n + 1)} submitLabel="Validate" />
    </>
  );
}
