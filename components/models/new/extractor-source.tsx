"use client";

import { ownEntry } from "@/lib/contract/own-entry";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { NoConnectors } from "@/components/connectors/no-connectors";
import { SchemaForm } from "@/components/forms/schema-form";
import { Alert } from "@/components/ui/alert";
import { Label, Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { connectorQueries } from "@/lib/api/connector-queries";
import { integrationQueries } from "@/lib/api/integration-queries";
import { usePreviewExtractorMutation } from "@/lib/api/model-mutations";
import type { ExtractorSource as Source, ManifestExtractor } from "@/lib/contract";
import { ApiErrorAlert } from "@/components/records/api-error-alert";
import { countOf } from "../format";
import { PreviewTable } from "./preview-table";

const PREVIEW_ROWS = 10;

/** The extractor a new model syncs from, once its config is chosen (and previewed, where the extractor allows). */
export interface ChosenExtractor {
  source: Source;
  extractor: ManifestExtractor;
}

/**
 * Connector → extractor → its config form → Preview (the count and the first records). Reports
 * the choice once previewed, and `null` as soon as anything changes after that.
 */
export function ExtractorSourceStep({ onChosen }: { onChosen: (chosen: ChosenExtractor | null) => void }) {
  const [connectorUuid, setConnectorUuid] = useState("");
  const [extractorSlug, setExtractorSlug] = useState("");
  const [config, setConfig] = useState<Record<string, unknown>>({});
  const [skippedPreview, setSkippedPreview] = useState(false);
  const withExtractors = useQuery(integrationQueries.list({ hasExtractors: "true" }));
  const connectors = useQuery(connectorQueries.list());
  const connector = connectors.data?.connectors.find((c) => c.uuid === connectorUuid);
  const integration = useQuery({ ...integrationQueries.detail(connector?.integrationSlug ?? ""), enabled: Boolean(connector) });
  const extractors = Object.entries(integration.data?.integration.extractors ?? {});
  const extractor = ownEntry(integration.data?.integration.extractors, extractorSlug);
  const preview = usePreviewExtractorMutation();

  const restart = () => {
    preview.reset();
    setSkippedPreview(false);
    onChosen(null);
  };
  const chooseConnector = (uuid: string) => {
    setConnectorUuid(uuid);
    setExtractorSlug("");
    setConfig({});
    restart();
  };
  const chooseExtractor = (slug: string) => {
    setExtractorSlug(slug);
    setConfig({});
    restart();
  };
  const submit = (values: Record<string, unknown>) => {
    if (!extractor) return;
    const source: Source = { connectorUuid, extractorSlug, config: values };
    if (extractor.preview === "none") {
      setSkippedPreview(true);
      onChosen({ source, extractor });
      return;
    }
    preview.mutate(source, { onSuccess: () => onChosen({ source, extractor }) });
  };

  if (connectors.isPending || withExtractors.isPending) return <Skeleton className="h-32" />;
  if (connectors.error) return <Alert title="Could not load connectors">{connectors.error.message}</Alert>;
  if (withExtractors.error) return <Alert title="Could not load integrations">{withExtractors.error.message}</Alert>;
  const slugs = new Set(withExtractors.data.integrations.map((i) => i.slug));
  const usable = connectors.data.connectors.filter((c) => slugs.has(c.integrationSlug));
  if (usable.length === 0) {
    return (
      <NoConnectors>
        Extractors read records through a connector. None of your connectors belongs to an integration with extractors yet: add one, or
        upload a CSV instead.
      </NoConnectors>
    );
  }

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <Label htmlFor="model-connector">Connector</Label>
          <Select id="model-connector" value={connectorUuid} onChange={(event) => chooseConnector(event.target.value)}>
            <option value="">Choose a connector…</option>
            {usable.map((c) => (
              <option key={c.uuid} value={c.uuid}>
                {c.name} ({c.integrationSlug})
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="model-extractor">Extractor</Label>
          <Select id="model-extractor" value={extractorSlug} disabled={!integration.data} onChange={(event) => chooseExtractor(event.target.value)}>
            <option value="">{connector ? "Choose an extractor…" : "Choose a connector first"}</option>
            {extractors.map(([slug, e]) => (
              <option key={slug} value={slug}>
                {e.name}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {integration.error && <Alert title="Could not load the integration">{integration.error.message}</Alert>}
      {extractor && <p className="text-sm text-fg-muted">{extractor.description}</p>}
      {extractor && (
        <SchemaForm
          key={`${connectorUuid}:${extractorSlug}`}
          id="extractor-config"
          schema={extractor.config.jsonSchema}
          uiSchema={extractor.config.uiSchema}
          formData={config}
          connectorUuid={connectorUuid}
          onChange={(next) => {
            setConfig(next);
            if (preview.data || preview.error || skippedPreview) restart();
          }}
          submitLabel={extractor.preview === "none" ? "Continue" : preview.isPending ? "Previewing…" : "Preview"}
          disabled={preview.isPending}
          onSubmit={submit}
        />
      )}
      <div aria-live="polite">
        {preview.error && <ApiErrorAlert title="Could not preview the extractor" error={preview.error} />}
        {preview.data && (
          <section aria-label="Preview" className="space-y-2">
            <p role="status" className="text-sm font-medium">
              {preview.data.count === null ? "The extractor does not say how many records it has." : `${countOf(preview.data.count, "record")} to sync`}
            </p>
            {extractor?.preview !== "count" && (
              <>
                <PreviewTable columns={preview.data.columns} records={preview.data.records.slice(0, PREVIEW_ROWS)} caption="First records of the extractor" />
                {preview.data.records.length > PREVIEW_ROWS && (
                  <p className="text-xs text-fg-muted">The first {PREVIEW_ROWS} of the first page&apos;s {preview.data.records.length} records.</p>
                )}
              </>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
