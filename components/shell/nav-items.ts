import { Blocks, Database, History, Plug, Rows3, Settings, Workflow, type LucideIcon } from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

export const navItems: readonly NavItem[] = [
  { href: "/integrations", label: "Integrations", icon: Blocks },
  { href: "/connectors", label: "Connectors", icon: Plug },
  { href: "/models", label: "Models", icon: Database },
  { href: "/workflows", label: "Workflows", icon: Workflow },
  { href: "/runs", label: "Runs", icon: History },
  { href: "/batches", label: "Batches", icon: Rows3 },
  { href: "/settings", label: "Settings", icon: Settings },
];
