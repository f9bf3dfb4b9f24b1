import {
  Boxes,
  Braces,
  Filter,
  Flag,
  GitBranch,
  Globe,
  Play,
  Route,
  Split,
  Timer,
  Zap,
  type LucideIcon,
} from "lucide-react";
import { IntegrationIcon } from "@/components/integrations/integration-icon";
import { cn } from "@/lib/utils";
import { useCanvasIntegration } from "../canvas-integrations";

const NATIVE_ICONS: Record<string, { icon: LucideIcon; tone: string }> = {
  start: { icon: Play, tone: "bg-emerald-500/12 text-emerald-600 dark:text-emerald-400" },
  end: { icon: Flag, tone: "bg-zinc-500/12 text-zinc-600 dark:text-zinc-300" },
  variables: { icon: Braces, tone: "bg-sky-500/12 text-sky-600 dark:text-sky-400" },
  filter: { icon: Filter, tone: "bg-amber-500/12 text-amber-600 dark:text-amber-400" },
  branch: { icon: GitBranch, tone: "bg-violet-500/12 text-violet-600 dark:text-violet-400" },
  switch: { icon: Route, tone: "bg-violet-500/12 text-violet-600 dark:text-violet-400" },
  split: { icon: Split, tone: "bg-fuchsia-500/12 text-fuchsia-600 dark:text-fuchsia-400" },
  delay: { icon: Timer, tone: "bg-orange-500/12 text-orange-600 dark:text-orange-400" },
  httpRequest: { icon: Globe, tone: "bg-teal-500/12 text-teal-600 dark:text-teal-400" },
  group: { icon: Boxes, tone: "bg-indigo-500/12 text-indigo-600 dark:text-indigo-400" },
};

/** A built-in action's icon (start, branch, delay…), the same on the canvas and in the palette. */
export function NativeActionIcon({ actionSlug, className }: { actionSlug: string; className?: string }) {
  const { icon: Icon, tone } = NATIVE_ICONS[actionSlug] ?? { icon: Zap, tone: "bg-accent/10 text-accent" };
  return (
    <span aria-hidden className={cn("grid size-8 shrink-0 place-items-center rounded-lg", tone, className)}>
      <Icon className="size-4" strokeWidth={2.25} />
    </span>
  );
}

/** The icon of a node: its built-in action's, or its integration's from the manifest. */
export function NodeIcon({ kind, actionSlug, integrationSlug, className }: { kind: "native" | "connector"; actionSlug: string; integrationSlug: string; className?: string }) {
  const integration = useCanvasIntegration(integrationSlug);
  if (kind === "native") return <NativeActionIcon actionSlug={actionSlug} className={className} />;
  return (
    <IntegrationIcon
      icon={integration?.icon ?? ""}
      color={integration?.color ?? ""}
      name={integration?.name ?? integrationSlug}
      className={cn("size-8 rounded-lg [&>img]:size-5", className)}
    />
  );
}
