import { PermanentNodeError } from "./errors";

/** What a built-in flow node produced: its output, the child to continue to (null: stop) and a title. */
export interface StepResult {
  output: unknown;
  childIndex: number | null;
  title: string;
}

interface StepInput {
  config: Record<string, unknown>;
  data: Record<string, unknown>;
  random: () => number;
}

/**
 * Flow-control actions whose whole behaviour is a function of the computed config. `delay` is
 * not here (it waits, which the walker does so a restart can resume it) and neither are actions
 * with IO (httpRequest), which go through the action port.
 */
export const FLOW_STEPS: Record<string, (input: StepInput) => StepResult> = {
  start: ({ data }) => ({ output: data, childIndex: 0, title: "Started" }),
  end: ({ config }) => ({ output: variablesOf(config), childIndex: null, title: "Finished" }),
  variables: ({ config }) => {
    const output = variablesOf(config);
    return { output, childIndex: 0, title: `${Object.keys(output).length} variable(s) set` };
  },
  filter: ({ config }) => {
    const passed = isTruthy(config.filter);
    return { output: { passed }, childIndex: passed ? 0 : null, title: passed ? "Passed" : "Stopped: the condition is false" };
  },
  branch: ({ config }) => {
    const condition = isTruthy(config.condition);
    return { output: { condition }, childIndex: condition ? 0 : 1, title: condition ? "Yes" : "No" };
  },
  switch: ({ config }) => {
    const routes = Array.isArray(config.routes) ? (config.routes as Array<Record<string, unknown>>) : [];
    const index = routes.findIndex((route) => isTruthy(route?.value));
    if (index === -1) return { output: { route: null, index: null }, childIndex: null, title: "No route matched" };
    const name = String(routes[index]?.name ?? `Route ${index + 1}`);
    return { output: { route: name, index }, childIndex: index, title: name };
  },
  split: ({ config, random }) => {
    const percentage = Number(config.percentage);
    if (!Number.isFinite(percentage)) throw new PermanentNodeError("Split needs a percentage between 0 and 100");
    const variant = random() * 100 < percentage ? "A" : "B";
    return { output: { variant }, childIndex: variant === "A" ? 0 : 1, title: variant };
  },
};

/**
 * A condition's truth. Mixed templates turn booleans into text, so the words Cargo users write
 * ("false", "0", "null", "undefined", "") count as false too.
 */
export function isTruthy(value: unknown): boolean {
  if (typeof value === "string") return !["", "false", "0", "null", "undefined", "no"].includes(value.trim().toLowerCase());
  return Boolean(value);
}

type Variable = { name?: unknown; type?: unknown; value?: unknown };

/** `{variables: [{name, type, value}]}` → `{name: value}`, each value converted to its declared type. */
export function variablesOf(config: Record<string, unknown>): Record<string, unknown> {
  const variables = Array.isArray(config.variables) ? (config.variables as Variable[]) : [];
  const output: Record<string, unknown> = {};
  for (const variable of variables) {
    if (typeof variable?.name !== "string" || variable.name === "") continue;
    output[variable.name] = convert(variable.value, typeof variable.type === "string" ? variable.type : "any");
  }
  return output;
}

function convert(value: unknown, type: string): unknown {
  if (value === undefined || value === null) return value ?? null;
  switch (type) {
    case "number": {
      if (typeof value === "number") return value;
      const number = Number(value);
      if (typeof value === "string" && value.trim() !== "" && Number.isFinite(number)) return number;
      throw new PermanentNodeError(`Variable value ${JSON.stringify(value)} is not a number`);
    }
    case "boolean":
      return typeof value === "boolean" ? value : isTruthy(value);
    case "string":
      return typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
    default:
      return value;
  }
}
