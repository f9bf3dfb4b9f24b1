import type { ExpressionObject, WorkflowNode } from "@/lib/contract";
import { newNativeNode } from "../new-node";

const STEP_Y = 166;
const ARM_X = 200;

type Slot = { uuid: string; childIndex: number };

/**
 * A deterministic, valid graph of exactly `count` built-in nodes (at least 2): start, then a
 * repeating pattern of variables nodes, branch diamonds whose arms re-merge, filters, splits and
 * delays, then one end node. Expressions read upstream outputs (`{{nodes.vars_3.count + 1}}`,
 * `{{nodes.check_4.condition}}`), so validation exercises its reference checks. Benchmarks and the
 * canvas reuse it.
 * @example validateNodes(generateGraph(1000), catalog).outcome // "valid"
 */
export function generateGraph(count: number): WorkflowNode[] {
  const total = Math.max(2, Math.floor(count));
  const nodes: WorkflowNode[] = [];
  const byUuid = new Map<string, WorkflowNode>();
  let open: Slot[] = [];
  let row = 0;
  let lastVariables = "start";
  let lastCount = "0";

  const add = (slug: string, actionSlug: string, config: Record<string, unknown>, x = 0): WorkflowNode => {
    const node = newNativeNode({ uuid: generatedUuid(nodes.length), slug, actionSlug, config, position: { x, y: row * STEP_Y } });
    nodes.push(node);
    byUuid.set(node.uuid, node);
    return node;
  };
  const join = (node: WorkflowNode) => {
    for (const { uuid, childIndex } of open) byUuid.get(uuid)!.childrenUuids[childIndex] = node.uuid;
  };
  const slotsOf = (node: WorkflowNode): Slot[] => node.childrenUuids.map((_, childIndex) => ({ uuid: node.uuid, childIndex }));

  open = slotsOf(add("start", "start", {}));
  for (let step = 1; nodes.length < total - 1; step++) {
    row++;
    const left = total - 1 - nodes.length;
    const pattern = step % 5;
    if (pattern === 2 && left >= 3) {
      const check = add(`check_${step}`, "branch", { condition: template(`{{nodes.${lastVariables}.count % 2 === 0}}`) });
      join(check);
      row++;
      const arms = ["yes", "no"].map((arm, childIndex) => {
        const node = add(`${arm}_${step}`, "variables", variables({ picked: `{{nodes.check_${step}.condition}}`, count: `{{${lastCount} + ${childIndex}}}` }), childIndex ? ARM_X : -ARM_X);
        check.childrenUuids[childIndex] = node.uuid;
        return node;
      });
      open = arms.flatMap(slotsOf);
    } else if (pattern === 3) {
      const node = add(`keep_${step}`, "filter", { filter: template(`{{nodes.${lastVariables}.count >= 0}}`) });
      join(node);
      open = slotsOf(node);
    } else if (pattern === 4) {
      const node = step % 2 === 0 ? add(`split_${step}`, "split", { percentage: 50 }) : add(`wait_${step}`, "delay", { minutes: 0 });
      join(node);
      open = slotsOf(node);
    } else {
      const slug = `vars_${step}`;
      const node = add(slug, "variables", variables({ count: `{{${lastCount} + 1}}`, label: `{{nodes.start.name ?? "row"}} ${step}` }));
      join(node);
      open = slotsOf(node);
      lastVariables = slug;
      lastCount = `nodes.${slug}.count`;
    }
  }
  row++;
  join(add("end", "end", variables({ result: `{{${lastCount}}}` })));
  return nodes;
}

function generatedUuid(index: number): string {
  return `00000000-0000-4000-9000-${index.toString(16).padStart(12, "0")}`;
}

function template(expression: string): ExpressionObject {
  return { kind: "templateExpression", expression, instructTo: "none", fromRecipe: false };
}

function variables(values: Record<string, string>): Record<string, unknown> {
  return { variables: Object.entries(values).map(([name, text]) => ({ name, type: "any", value: template(text) })) };
}
