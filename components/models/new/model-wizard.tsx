"use client";

import { Database, FileSpreadsheet } from "lucide-react";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import type { WorkspaceFile } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { CsvSourceStep } from "./csv-source";
import { ExtractorSourceStep, type ChosenExtractor } from "./extractor-source";
import { NameStep } from "./name-step";

type SourceKind = "extractor" | "csv";

const SOURCES = [
  { kind: "extractor", label: "A connector's extractor", hint: "Synced from an integration, now and on a schedule", icon: Database },
  { kind: "csv", label: "A CSV file", hint: "Uploaded once, from your computer", icon: FileSpreadsheet },
] as const;

/** Source (an extractor, previewed; or an uploaded CSV) → name and dataset → Create. */
export function ModelWizard() {
  const [kind, setKind] = useState<SourceKind | null>(null);
  const [extractor, setExtractor] = useState<ChosenExtractor | null>(null);
  const [file, setFile] = useState<WorkspaceFile | null>(null);

  const choose = (next: SourceKind) => {
    setKind(next);
    setExtractor(null);
    setFile(null);
  };

  return (
    <div className="max-w-3xl space-y-6">
      <Card className="p-5">
        <fieldset>
          <legend className="mb-3 font-semibold">1. Source</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {SOURCES.map(({ kind: value, label, hint, icon: Icon }) => (
              <label
                key={value}
                className={cn(
                  "flex cursor-pointer items-start gap-3 rounded-lg border p-4 transition-colors",
                  kind === value ? "border-accent bg-accent/5" : "border-border hover:bg-surface-muted/60",
                )}
              >
                <input type="radio" name="model-source" value={value} checked={kind === value} onChange={() => choose(value)} className="mt-0.5 size-4 shrink-0 accent-accent" />
                <span className="min-w-0 flex-1">
                  <span className="block text-sm font-medium">{label}</span>
                  <span className="block text-sm text-fg-muted">{hint}</span>
                </span>
                <Icon aria-hidden className={cn("size-5 shrink-0", kind === value ? "text-accent" : "text-fg-muted")} />
              </label>
            ))}
          </div>
        </fieldset>
      </Card>

      {kind && (
        <Card className="p-5">
          <h2 className="mb-4 font-semibold">{kind === "extractor" ? "2. Extractor" : "2. CSV file"}</h2>
          {kind === "extractor" ? <ExtractorSourceStep onChosen={setExtractor} /> : <CsvSourceStep onUploaded={setFile} />}
        </Card>
      )}

      {kind === "extractor" && extractor && <NameStep key={JSON.stringify(extractor.source)} source={{ kind: "extractor", ...extractor }} />}
      {kind === "csv" && file && <NameStep key={file.uuid} source={{ kind: "csv", file }} />}
    </div>
  );
}
