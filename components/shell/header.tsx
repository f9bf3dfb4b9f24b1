"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { inSection, navItems } from "./nav-items";
import { AccountMenu } from "./account-menu";
import { ThemeToggle } from "./theme-toggle";
import { WorkspaceSwitcher } from "./workspace-switcher";

export function Header() {
  const pathname = usePathname();
  const section = navItems.find((item) => inSection(item, pathname));
  return (
    <header className="flex h-14 items-center justify-between gap-4 border-b border-border bg-surface px-4 md:px-6">
      <div className="flex items-center gap-3 text-sm">
        <span className="font-medium">{section?.label ?? (pathname.startsWith("/playground") ? "Action playground" : "Home")}</span>
        <WorkspaceSwitcher />
      </div>
      <nav aria-label="Sections" className="flex min-w-0 gap-1 overflow-x-auto md:hidden">
        {navItems.map((item) => (
          <Link
            key={item.href}
            href={item.href}
            className={cn("rounded px-2 py-1 text-xs", inSection(item, pathname) ? "bg-surface-muted" : "text-fg-muted")}
          >
            {item.label}
          </Link>
        ))}
      </nav>
      <div className="flex items-center gap-1">
        <ThemeToggle />
        <AccountMenu />
      </div>
    </header>
  );
}
