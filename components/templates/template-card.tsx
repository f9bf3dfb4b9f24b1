"use client";

import { Play, Wrench } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import type { TemplateSummary } from "@/lib/contract";
import { UseTemplateDialog } from "./use-template-dialog";

/** A play's change kinds as words about its segment: "records entering the segment". */
const CHANGE_WORDS: Record<NonNullable<TemplateSummary["playHint"]>["changeKinds"][number], string> = {
  added: "entering",
  updated: "changing in",
  removed: "leaving",
};

/** One template in the gallery: what it does, tool or play, what it needs, and "Use template". */
export function TemplateCard({ template }: { template: TemplateSummary }) {
  const [open, setOpen] = useState(false);
  const headingId = `template-${template.slug}`;
  const Icon = template.kind === "tool" ? Wrench : Play;
  return (
    <Card role="article" aria-labelledby={headingId} className="flex h-full flex-col">
      <CardHeader>
        <div className="rounded-lg bg-accent/10 p-2 text-accent">
          <Icon aria-hidden className="size-4" />
        </div>
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="font-semibold break-words">
            {template.name}
          </h2>
          <div className="mt-1 flex flex-wrap items-center gap-1.5">
            <Badge tone={template.kind === "tool" ? "accent" : "success"}>{template.kind === "tool" ? "Tool" : "Play"}</Badge>
            <Badge>{template.category}</Badge>
          </div>
        </div>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col">
        <p className="mb-4 text-sm text-fg-muted">{template.description}</p>
        {template.playHint && (
          <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-2 gap-y-1 text-xs text-fg-muted">
            <dt className="font-medium text-fg">Records</dt>
            <dd>{template.playHint.model}</dd>
            <dt className="font-medium text-fg">Segment</dt>
            <dd>{template.playHint.segment}</dd>
            <dt className="font-medium text-fg">Runs for</dt>
            <dd>
              records {template.playHint.changeKinds.map((kind) => CHANGE_WORDS[kind]).join(", ")} the segment
              {template.playHint.schedule && `, ${template.playHint.schedule}`}
            </dd>
          </dl>
        )}
        <h3 className="mb-2 text-xs font-medium tracking-wide text-fg-muted uppercase">Needs</h3>
        {template.integrations.length === 0 ? (
          <p className="text-sm text-fg-muted">No connector</p>
        ) : (
          <ul aria-label={`${template.name} needs`} className="flex flex-wrap gap-1.5">
            {template.integrations.map((need) => (
              <li key={need.integrationSlug} title={need.purpose}>
                <Badge className="text-fg">{need.name}</Badge>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-auto flex pt-4">
          <Button size="sm" onClick={() => setOpen(true)} aria-describedby={headingId}>
            Use template
          </Button>
        </div>
      </CardContent>
      <UseTemplateDialog template={template} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
