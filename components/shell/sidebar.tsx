"use client";

import { Zap } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { inSection, navItems } from "./nav-items";

export function Sidebar() {
  const pathname = usePathname();
  return (
    <aside className="hidden w-56 shrink-0 flex-col border-r border-border bg-surface md:flex">
      <Link href="/integrations" className="flex h-14 items-center gap-2 border-b border-border px-4 font-semibold">
        <span aria-hidden className="grid size-7 place-items-center rounded-md bg-accent text-accent-fg">
          <Zap className="size-4" />
        </span>
        Relay
      </Link>
      <nav aria-label="Main" className="flex flex-col gap-0.5 p-2">
        {navItems.map((item) => {
          const { href, label, icon: Icon } = item;
          const active = inSection(item, pathname);
          return (
            <Link
              key={href}
              href={href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-2.5 rounded-md px-3 py-2 text-sm transition-colors",
                active ? "bg-surface-muted font-medium text-fg" : "text-fg-muted hover:bg-surface-muted hover:text-fg",
              )}
            >
              <Icon aria-hidden className="size-4" />
              {label}
            </Link>
          );
        })}
      </nav>
    </aside>
  );
}
