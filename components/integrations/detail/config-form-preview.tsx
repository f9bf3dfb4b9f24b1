"use client";

import { ChevronRight } from "lucide-react";
import { useId, useState } from "react";
import type { ConfigSchema } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { plural } from "../format";
import { FieldTable } from "./field-table";
import { schemaFields } from "./schema-fields";

/** A collapsed, read-only look at the form an action or extractor is configured with. */
export function ConfigFormPreview({ config, name }: { config: ConfigSchema; name: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const fields = schemaFields(config.jsonSchema, config.uiSchema);
  if (fields.length === 0) return <p className="mt-3 text-xs text-fg-muted">No configuration.</p>;
  return (
    <div className="mt-3">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="inline-flex items-center gap-1 rounded text-sm font-medium text-accent hover:underline"
      >
        <ChevronRight aria-hidden className={cn("size-4 transition-transform", open && "rotate-90")} />
        Config form ({plural(fields.length, "field")})
      </button>
      <div id={panelId} hidden={!open} className="mt-2">
        {open && <FieldTable fields={fields} label={`${name} config fields`} />}
      </div>
    </div>
  );
}
