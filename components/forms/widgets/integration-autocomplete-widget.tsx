"use client";

import { ariaDescribedByIds, type FormContextType, type RJSFSchema, type StrictRJSFSchema, type WidgetProps } from "@rjsf/utils";
import { ChevronDown, LoaderCircle, RefreshCw } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { groupOptions, sameValue, type ComboboxOption } from "../autocomplete/autocomplete-option";
import { AutocompleteListbox, optionId } from "../autocomplete/autocomplete-listbox";
import { AutocompleteNotes, noteIds } from "../autocomplete/autocomplete-notes";
import { comboboxKeyDown } from "../autocomplete/use-combobox-keys";
import { useAutocompleteOptions } from "../hooks/use-autocomplete-options";
import { useClearStaleValue } from "../hooks/use-clear-stale-value";
import { useDebouncedValue } from "../hooks/use-debounced-value";
import { useFieldPath } from "../hooks/use-field-path";
import { blockedHint, useResolvedParams } from "../hooks/use-resolved-params";
import { expressionText } from "../expression-value";
import { inputClass } from "../input-class";
import { useSchemaFormContext } from "../schema-form-context";

const SEARCH_DEBOUNCE_MS = 250;

/**
 * `IntegrationAutocompleteWidget`: a combobox whose options come from the connector's
 * `/autocompletes/:slug` (`ui:options.slug`), called with `ui:options.params` resolved against
 * the form. Until every param it reads has a value it is disabled and says which field to fill.
 * Typing searches (debounced); `ui:options.allowRefresh` adds a "Refresh options" button that
 * bypasses the caches. When the options cannot load, the input takes free text.
 */
export function IntegrationAutocompleteWidget<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(
  props: WidgetProps<T, S, F>,
) {
  const { id, name, htmlName, value, label, options, disabled, readonly, required, autofocus, rawErrors, onChange, onBlur, onFocus } = props;
  const slug = typeof options.slug === "string" ? options.slug : "";
  const { connectorUuid } = useSchemaFormContext();
  const { params, paramsKey, blockedBy } = useResolvedParams(options.params, useFieldPath(htmlName, name));
  const blocked = blockedBy.length > 0;

  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const search = useDebouncedValue(text ?? "", SEARCH_DEBOUNCE_MS);
  const source = useAutocompleteOptions({
    connectorUuid: connectorUuid ?? "",
    slug,
    params,
    search: text === null ? "" : search,
    filter: text ?? "",
    enabled: Boolean(connectorUuid && slug) && !blocked,
  });
  useClearStaleValue(source.all, paramsKey, value, onChange);

  const manual = !connectorUuid || source.failed;
  const selected = source.all.data?.results.find((result) => sameValue(result.value, value));
  const hasValue = value !== undefined && value !== null && value !== "";
  const typed = (text ?? "").trim();
  const rows = withFreeText(source.results ?? [], typed, !source.isLoading);
  const listboxId = `${id}-listbox`;
  const status = source.isLoading ? "Loading options…" : source.results && rows.length === 0 ? "No options" : undefined;

  const select = (index: number) => {
    const option = rows[index];
    if (!option) return;
    onChange(option.value);
    setText(null);
    setOpen(false);
    setActiveIndex(-1);
  };
  const inputDisabled = disabled || blocked;
  const expanded = open && !manual && !inputDisabled && !readonly;

  return (
    <div className="relative">
      <div className="flex gap-2">
        <div className="relative flex-1">
          <input
            id={id}
            name={htmlName || id}
            type="text"
            role={manual ? undefined : "combobox"}
            aria-expanded={manual ? undefined : expanded}
            aria-controls={manual ? undefined : listboxId}
            aria-autocomplete={manual ? undefined : "list"}
            aria-activedescendant={expanded && activeIndex >= 0 ? optionId(listboxId, activeIndex) : undefined}
            aria-busy={source.isLoading || undefined}
            aria-invalid={rawErrors?.length ? true : undefined}
            aria-required={required || undefined}
            aria-describedby={`${ariaDescribedByIds(id)} ${noteIds(id)}`}
            autoComplete="off"
            autoFocus={autofocus}
            disabled={inputDisabled}
            readOnly={readonly}
            placeholder={blocked ? undefined : manual ? "Type a value" : "Select or search…"}
            value={text ?? selected?.label ?? expressionText(value)}
            className={cn(inputClass, "pr-9")}
            onChange={(event) => {
              setText(event.target.value);
              if (manual) onChange(event.target.value === "" ? undefined : event.target.value);
              else {
                setOpen(true);
                setActiveIndex(-1);
              }
            }}
            onClick={() => !manual && setOpen(!open)}
            onKeyDown={
              manual || readonly
                ? undefined
                : comboboxKeyDown({
                    open: expanded,
                    activeIndex,
                    selectedIndex: rows.findIndex((option) => !option.custom && sameValue(option.value, value)),
                    count: rows.length,
                    setOpen,
                    setActiveIndex,
                    select,
                    reset: () => setText(null),
                  })
            }
            onFocus={() => onFocus(id, value)}
            onBlur={() => {
              setOpen(false);
              setText(null);
              onBlur(id, value);
            }}
          />
          <span aria-hidden className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-fg-muted">
            {source.isLoading ? <LoaderCircle className="size-4 animate-spin" /> : !manual && <ChevronDown className="size-4" />}
          </span>
        </div>
        {options.allowRefresh === true && (
          <Button
            variant="secondary"
            className="w-9 px-0"
            disabled={inputDisabled || readonly || !connectorUuid || source.isRefreshing}
            onClick={source.refresh}
            title="Refresh options"
          >
            <RefreshCw aria-hidden className={cn("size-4", source.isRefreshing && "animate-spin")} />
            <span className="sr-only">Refresh options</span>
          </Button>
        )}
      </div>
      {expanded && (
        <AutocompleteListbox
          id={listboxId}
          label={label}
          options={rows}
          value={value}
          activeIndex={activeIndex}
          status={status}
          onSelect={select}
          onHover={setActiveIndex}
        />
      )}
      <AutocompleteNotes
        id={id}
        hint={blocked ? blockedHint(blockedBy) : !connectorUuid ? "No connector selected: type a value by hand." : undefined}
        error={connectorUuid && !blocked && source.error ? source.error.message : undefined}
        onRetry={source.retry}
        custom={hasValue && source.all.isSuccess && !selected}
      />
    </div>
  );
}

/** The server's results in display order, plus a row keeping the typed text when nothing is exactly it. */
function withFreeText(results: Array<{ label: string; value: unknown; description?: string; parent?: string }>, typed: string, settled: boolean): ComboboxOption[] {
  const options: ComboboxOption[] = results.map(({ label, value, description, parent }) => ({ label, value, description, parent }));
  const needle = typed.toLowerCase();
  const exact = options.some((option) => option.label.toLowerCase() === needle || String(option.value).toLowerCase() === needle);
  if (typed && settled && !exact) options.push({ label: `Use “${typed}”`, value: typed, custom: true });
  return groupOptions(options).flatMap((group) => group.options.map(({ option }) => option));
}
