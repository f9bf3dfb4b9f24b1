"use client";

import { ChevronLeft, LoaderCircle, Maximize, Network, Redo2, Undo2, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { useId, type ReactNode } from "react";
import { cn } from "@/lib/utils";
import { SaveStatus } from "../autosave/save-status";
import { useEditor } from "../editor-context";
import { ReleaseControls } from "./release-controls";
import { ShortcutsHelp } from "./shortcuts-help";

export interface ToolbarCommands {
  undo: () => void;
  redo: () => void;
  autoLayout: () => void;
  fitView: () => void;
}

/** The editor's top bar: back to the list, the workflow's name, save status, the canvas commands, and deploying. */
export function EditorToolbar({
  commands,
  layingOut,
  helpOpen,
  onHelpOpenChange,
  onReload,
  extra,
}: {
  commands: ToolbarCommands;
  layingOut: boolean;
  helpOpen: boolean;
  onHelpOpenChange: (open: boolean) => void;
  onReload: () => void;
  extra?: ReactNode;
}) {
  const canUndo = useEditor((state) => state.past.length > 0);
  const canRedo = useEditor((state) => state.future.length > 0);

  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-border bg-surface px-3">
      <Link href="/workflows" className="flex items-center gap-1 rounded-md px-1.5 py-1 text-sm text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg">
        <ChevronLeft aria-hidden className="size-4" />
        Workflows
      </Link>
      <span aria-hidden className="h-5 w-px bg-border" />
      <WorkflowNameInput />
      <SaveStatus onReload={onReload} />
      <div role="toolbar" aria-label="Canvas tools" className="ml-auto flex items-center gap-1">
        <ToolbarButton icon={Undo2} label="Undo" hint="Ctrl+Z" onClick={commands.undo} disabled={!canUndo} />
        <ToolbarButton icon={Redo2} label="Redo" hint="Ctrl+Shift+Z" onClick={commands.redo} disabled={!canRedo} />
        <span aria-hidden className="mx-1 h-5 w-px bg-border" />
        <ToolbarButton icon={layingOut ? LoaderCircle : Network} label="Auto layout" hint="Shift+L" onClick={commands.autoLayout} disabled={layingOut} showLabel spin={layingOut} />
        <ToolbarButton icon={Maximize} label="Fit view" hint="1" onClick={commands.fitView} showLabel />
        <span aria-hidden className="mx-1 h-5 w-px bg-border" />
        <ShortcutsHelp open={helpOpen} onOpenChange={onHelpOpenChange} />
        {extra}
      </div>
      <span aria-hidden className="h-5 w-px bg-border" />
      <ReleaseControls />
    </header>
  );
}

function WorkflowNameInput() {
  const name = useEditor((state) => state.name);
  const rename = useEditor((state) => state.rename);
  const id = useId();
  const blank = name.trim() === "";
  return (
    <div className="flex min-w-0 items-center">
      <label htmlFor={id} className="sr-only">
        Workflow name
      </label>
      <input
        id={id}
        value={name}
        onChange={(event) => rename(event.target.value)}
        maxLength={120}
        aria-invalid={blank || undefined}
        placeholder="Name this workflow"
        className={cn(
          "h-8 w-[clamp(10rem,24vw,22rem)] min-w-0 rounded-md border border-transparent bg-transparent px-2 text-sm font-semibold transition-colors hover:border-border focus:border-accent focus:bg-bg focus:outline-none",
          blank && "border-danger/60",
        )}
      />
    </div>
  );
}

function ToolbarButton({
  icon: Icon,
  label,
  hint,
  onClick,
  disabled,
  showLabel,
  spin,
}: {
  icon: LucideIcon;
  label: string;
  hint: string;
  onClick: () => void;
  disabled?: boolean;
  showLabel?: boolean;
  spin?: boolean;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={`${label} (${hint})`}
      className={cn(
        "inline-flex h-8 items-center gap-1.5 rounded-md text-sm text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg disabled:pointer-events-none disabled:opacity-40",
        showLabel ? "px-2.5" : "w-8 justify-center",
      )}
    >
      <Icon aria-hidden className={cn("size-4", spin && "animate-spin")} />
      {showLabel && <span className="hidden whitespace-nowrap 2xl:inline">{label}</span>}
    </button>
  );
}
