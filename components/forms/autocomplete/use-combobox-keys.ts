"use client";

import type { KeyboardEvent } from "react";

interface ComboboxKeys {
  open: boolean;
  activeIndex: number;
  /** The option holding the current value, where ArrowDown starts; -1 for none. */
  selectedIndex: number;
  count: number;
  setOpen(open: boolean): void;
  setActiveIndex(index: number): void;
  select(index: number): void;
  /** Escape on a closed list: drop the typed text. */
  reset(): void;
}

/**
 * The WAI-ARIA combobox keys: ArrowDown/ArrowUp open the list and move, Home/End jump while it is
 * open, Enter picks the active option (and does not submit the form), Escape closes, then resets.
 */
export function comboboxKeyDown({ open, activeIndex, selectedIndex, count, setOpen, setActiveIndex, select, reset }: ComboboxKeys) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    const move = (index: number) => {
      event.preventDefault();
      setOpen(true);
      setActiveIndex(count === 0 ? -1 : Math.max(0, Math.min(count - 1, index)));
    };
    switch (event.key) {
      case "ArrowDown":
        if (open) return move(activeIndex + 1);
        if (event.altKey) return setOpen(true);
        return move(Math.max(selectedIndex, 0));
      case "ArrowUp":
        return move(open ? activeIndex - 1 : count - 1);
      case "Home":
        if (open) move(0);
        return;
      case "End":
        if (open) move(count - 1);
        return;
      case "Enter":
        if (!open) return;
        event.preventDefault();
        if (activeIndex >= 0 && activeIndex < count) select(activeIndex);
        return;
      case "Escape":
        event.preventDefault();
        if (open) setOpen(false);
        else reset();
        return;
      case "Tab":
        setOpen(false);
        return;
    }
  };
}
