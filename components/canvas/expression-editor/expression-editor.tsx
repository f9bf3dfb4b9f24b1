"use client";

import { CircleX, TriangleAlert } from "lucide-react";
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { ExpressionEditorProps } from "@/components/forms/expression-editor-props";
import { inputClass } from "@/components/forms/input-class";
import { cn } from "@/lib/utils";
import { expressionProblems } from "./check-expression";
import { applyCompletion, completeAt, type Completion } from "./completions";
import { CompletionListbox, completionOptionId } from "./completion-listbox";
import { useExpressionScope } from "./expression-scope-context";

/**
 * The workflow editor's expression editor: a textarea for `{{ }}` templates that completes
 * `nodes.<upstream slug>.<field>` (a combobox: arrows move, Enter or Tab accepts, Escape closes;
 * Ctrl+Space opens it) and flags, as you type, syntax errors and reads that cannot work.
 */
export function ExpressionEditor(props: ExpressionEditorProps) {
  const { id, label, value, onChange, onBlur, onFocus, disabled, readOnly, required, autoFocus, invalid, describedBy, language } = props;
  const scope = useExpressionScope();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const [completion, setCompletion] = useState<Completion | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const problems = useMemo(() => expressionProblems(value, scope, language), [value, scope, language]);

  // An accepted completion changes the text through the form; the caret goes after it once it is back.
  useLayoutEffect(() => {
    const element = textarea.current;
    if (pendingCaret.current === null || !element || element.value !== value) return;
    element.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  }, [value]);

  const listboxId = `${id}__completions`;
  const problemsId = `${id}__expression-problems`;
  const open = completion !== null && !readOnly && !disabled;

  const suggest = (text: string, caret: number) => {
    setCompletion(completeAt(text, caret, scope, language));
    setActiveIndex(0);
  };

  const accept = (index: number) => {
    const item = completion?.items[index];
    if (!completion || !item) return;
    const next = applyCompletion(value, completion, item);
    pendingCaret.current = next.caret;
    onChange(next.text);
    suggest(next.text, next.caret);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === " " && event.ctrlKey) {
      event.preventDefault();
      const caret = event.currentTarget.selectionStart;
      return suggest(value, caret);
    }
    if (!open) return;
    const count = completion.items.length;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        return setActiveIndex((activeIndex + 1) % count);
      case "ArrowUp":
        event.preventDefault();
        return setActiveIndex((activeIndex - 1 + count) % count);
      case "Enter":
      case "Tab":
        event.preventDefault();
        return accept(activeIndex);
      case "Escape":
        event.preventDefault();
        event.stopPropagation();
        return setCompletion(null);
    }
  };

  const hasError = problems.some((problem) => problem.severity === "error");
  return (
    <div className="flex flex-col gap-1.5">
      <div className="relative">
        <textarea
          ref={textarea}
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listboxId}
          aria-activedescendant={open ? completionOptionId(listboxId, activeIndex) : undefined}
          aria-invalid={invalid || hasError || undefined}
          aria-describedby={[describedBy, problems.length > 0 ? problemsId : undefined].filter(Boolean).join(" ") || undefined}
          rows={1}
          spellCheck={false}
          autoComplete="off"
          className={cn(inputClass, "block h-auto min-h-9 resize-none py-2 font-mono text-[13px] leading-5 [field-sizing:content]")}
          placeholder="{{ nodes.start.email }}"
          value={value}
          disabled={disabled}
          readOnly={readOnly}
          required={required}
          autoFocus={autoFocus}
          onChange={(event) => {
            onChange(event.target.value);
            suggest(event.target.value, event.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setCompletion(null);
            onBlur?.();
          }}
          onFocus={onFocus}
        />
        {open && <CompletionListbox id={listboxId} label={`Suggestions for ${label}`} items={completion.items} activeIndex={activeIndex} onSelect={accept} onHover={setActiveIndex} />}
      </div>
      {problems.length > 0 && (
        <ul id={problemsId} aria-live="polite" className="space-y-0.5 text-xs">
          {problems.map((problem) => (
            <li key={problem.message} className={cn("flex items-start gap-1.5", problem.severity === "error" ? "text-danger" : "text-amber-700 dark:text-amber-400")}>
              {problem.severity === "error" ? <CircleX aria-hidden className="mt-px size-3.5 shrink-0" /> : <TriangleAlert aria-hidden className="mt-px size-3.5 shrink-0" />}
              <span className="break-words">{problem.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
