import { Blocks, BookOpen, Database, History, LayoutTemplate, Plug, Rows3, Settings, Workflow, Wrench, Zap, type LucideIcon } from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  /** Other paths that belong to the section (a segment's page is part of Models). */
  also?: readonly string[];
}

export const navItems: readonly NavItem[] = [
  { href: "/integrations", label: "Integrations", icon: Blocks },
  { href: "/connectors", label: "Connectors", icon: Plug },
  { href: "/models", label: "Models", icon: Database, also: ["/segments"] },
  { href: "/workflows", label: "Workflows", icon: Workflow },
  { href: "/tools", label: "Tools", icon: Wrench },
  { href: "/plays", label: "Plays", icon: Zap },
  { href: "/templates", label: "Templates", icon: LayoutTemplate },
  { href: "/runs", label: "Runs", icon: History },
  { href: "/batches", label: "Batches", icon: Rows3 },
  { href: "/api-reference", label: "API reference", icon: BookOpen },
  { href: "/settings", label: "Settings", icon: Settings },
];

/** Whether `pathname` is in the item's section: its path, a path below it, or one of its `also`. */
export function inSection(item: NavItem, pathname: string): boolean {
  return [item.href, ...(item.also ?? [])].some((href) => pathname === href || pathname.startsWith(`${href}/`));
}
