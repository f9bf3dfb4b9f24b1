"use client";

import { Check } from "lucide-react";
import { cn } from "@/lib/utils";
import { groupOptions, sameValue, type ComboboxOption } from "./autocomplete-option";

interface AutocompleteListboxProps {
  id: string;
  /** The field's label, which names the listbox too. */
  label: string;
  options: ComboboxOption[];
  value: unknown;
  activeIndex: number;
  /** "Loading options…", "No options": shown above the (then empty) list. */
  status?: string;
  onSelect(index: number): void;
  onHover(index: number): void;
}

/** The option id `aria-activedescendant` points at. */
export const optionId = (listboxId: string, index: number) => `${listboxId}-option-${index}`;

/** The popup of an IntegrationAutocompleteWidget: options grouped by parent, each with its description. */
export function AutocompleteListbox({ id, label, options, value, activeIndex, status, onSelect, onHover }: AutocompleteListboxProps) {
  return (
    <div className="absolute inset-x-0 top-full z-20 mt-1 max-h-72 overflow-auto rounded-md border border-border bg-surface py-1 shadow-lg">
      {status && (
        <p role="status" className="px-3 py-2 text-sm text-fg-muted">
          {status}
        </p>
      )}
      <div id={id} role="listbox" aria-label={label}>
        {groupOptions(options).map((group, groupIndex) =>
          group.parent === undefined ? (
            group.options.map(({ option, index }) => <Option key={index} {...{ id, option, index, value, activeIndex, onSelect, onHover }} />)
          ) : (
            <div key={`group-${groupIndex}`} role="group" aria-label={group.parent}>
              <div aria-hidden className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-fg-muted uppercase">
                {group.parent}
              </div>
              {group.options.map(({ option, index }) => (
                <Option key={index} {...{ id, option, index, value, activeIndex, onSelect, onHover }} />
              ))}
            </div>
          ),
        )}
      </div>
    </div>
  );
}

interface OptionProps {
  id: string;
  option: ComboboxOption;
  index: number;
  value: unknown;
  activeIndex: number;
  onSelect(index: number): void;
  onHover(index: number): void;
}

function Option({ id, option, index, value, activeIndex, onSelect, onHover }: OptionProps) {
  const optionElementId = optionId(id, index);
  const selected = !option.custom && sameValue(option.value, value);
  return (
    <div
      id={optionElementId}
      role="option"
      aria-selected={selected}
      aria-labelledby={`${optionElementId}-label`}
      aria-describedby={option.description ? `${optionElementId}-description` : undefined}
      // Keeps focus in the input, so the click does not blur (and close) the combobox first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onSelect(index)}
      onMouseMove={() => index !== activeIndex && onHover(index)}
      className={cn(
        "flex cursor-pointer items-start gap-2 px-3 py-1.5 text-sm",
        index === activeIndex ? "bg-accent/10 text-fg" : "text-fg",
        option.custom && "italic",
      )}
    >
      <Check aria-hidden className={cn("mt-0.5 size-4 shrink-0 text-accent", !selected && "invisible")} />
      <span className="min-w-0">
        <span id={`${optionElementId}-label`} className="block truncate">
          {option.label}
        </span>
        {option.description && (
          <span id={`${optionElementId}-description`} className="block truncate text-xs text-fg-muted">
            {option.description}
          </span>
        )}
      </span>
    </div>
  );
}
