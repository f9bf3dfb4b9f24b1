import { useId, type ReactNode } from "react";

/** "Sync on a schedule": a checkbox with what it means for this extractor under it. */
export function ScheduleField({ checked, onChange, hint }: { checked: boolean; onChange: (checked: boolean) => void; hint: ReactNode }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={`${id}-hint`} className="mt-0.5 size-4 accent-accent" />
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          Sync on a schedule
        </label>
        <p id={`${id}-hint`} className="text-sm text-fg-muted">
          {hint}
        </p>
      </div>
    </div>
  );
}
