"use client";

import { useQuery } from "@tanstack/react-query";
import { LogOut, UserRound } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useSignOutMutation } from "@/lib/api/account-mutations";
import { accountQueries } from "@/lib/api/account-queries";

const item = "flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm hover:bg-surface-muted";

/** Who is signed in, with their role, the settings pages and signing out (here or everywhere). */
export function AccountMenu() {
  const whoami = useQuery(accountQueries.whoami());
  const signOut = useSignOutMutation();
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (!details.current?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !details.current.contains(event.target as Node)) details.current.open = false;
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  const user = whoami.data?.user;
  // A full load, not a client navigation: nothing of the ended session stays in memory, and no
  // query of the old page refetches into a 401 on the way out.
  const leave = (everywhere: boolean) => signOut.mutate(everywhere, { onSuccess: () => window.location.replace("/login") });
  return (
    <details ref={details} className="relative">
      <summary className="flex h-8 cursor-pointer list-none items-center gap-2 rounded-md px-2 text-sm hover:bg-surface-muted" aria-label="Account">
        <UserRound className="size-4" aria-hidden />
        <span className="hidden max-w-40 truncate sm:inline">{user?.name ?? ""}</span>
      </summary>
      <div className="absolute right-0 z-40 mt-1 w-60 rounded-md border border-border bg-surface p-1 shadow-md">
        {user && (
          <div className="border-b border-border px-2 py-1.5 text-xs text-fg-muted">
            <div className="truncate font-medium text-fg">{user.email}</div>
            {whoami.data?.role} of {whoami.data?.workspace.name}
          </div>
        )}
        <Link className={item} href="/settings/members">
          Members
        </Link>
        <Link className={item} href="/settings/tokens">
          API tokens
        </Link>
        <Link className={item} href="/settings/audit">
          Audit log
        </Link>
        <button type="button" className={item} onClick={() => leave(false)} disabled={signOut.isPending}>
          <LogOut className="size-4" aria-hidden /> Sign out
        </button>
        <button type="button" className={item} onClick={() => leave(true)} disabled={signOut.isPending}>
          Sign out everywhere
        </button>
      </div>
    </details>
  );
}
