"use client";

import { cn } from "@/lib/utils";
import type { CompletionItem } from "./completions";

/** The id `aria-activedescendant` points at for option `index`. */
export const completionOptionId = (listboxId: string, index: number) => `${listboxId}-${index}`;

interface CompletionListboxProps {
  id: string;
  label: string;
  items: CompletionItem[];
  activeIndex: number;
  onSelect(index: number): void;
  onHover(index: number): void;
}

/** The suggestions under an expression editor: each option a slug or field, with its title or a preview of its value. */
export function CompletionListbox({ id, label, items, activeIndex, onSelect, onHover }: CompletionListboxProps) {
  return (
    <div id={id} role="listbox" aria-label={label} className="absolute inset-x-0 top-full z-30 mt-1 max-h-60 overflow-auto rounded-md border border-border bg-surface py-1 shadow-lg">
      {items.map((item, index) => (
        <div
          key={item.label}
          id={completionOptionId(id, index)}
          role="option"
          aria-selected={index === activeIndex}
          aria-labelledby={`${completionOptionId(id, index)}-label`}
          aria-describedby={item.detail ? `${completionOptionId(id, index)}-detail` : undefined}
          // Keeps focus (and the caret) in the textarea.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onSelect(index)}
          onMouseMove={() => index !== activeIndex && onHover(index)}
          className={cn("flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5 text-sm", index === activeIndex ? "bg-accent/10" : "")}
        >
          <span id={`${completionOptionId(id, index)}-label`} className="truncate font-mono text-[13px] text-fg">
            {item.label}
          </span>
          {item.detail && (
            <span id={`${completionOptionId(id, index)}-detail`} className="truncate text-xs text-fg-muted">
              {item.detail}
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
