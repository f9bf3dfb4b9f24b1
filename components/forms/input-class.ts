/** The look of every text-like control in a SchemaForm, matching components/ui. */
export const inputClass =
  "h-9 w-full rounded-md border border-border bg-surface px-3 text-sm text-fg shadow-xs transition-colors " +
  "placeholder:text-fg-muted/70 focus-visible:border-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/30 " +
  "disabled:cursor-not-allowed disabled:bg-surface-muted disabled:text-fg-muted read-only:bg-surface-muted " +
  "aria-[invalid=true]:border-danger aria-[invalid=true]:focus-visible:ring-danger/30";

/** Small print under a control: hints and notes. */
export const hintClass = "mt-1.5 text-xs text-fg-muted";
