import type { Integration, ManifestExtractor } from "@/lib/contract";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CapabilityItem } from "./capability-item";
import { ConfigFormPreview } from "./config-form-preview";
import { NoneDeclared } from "./detail-section";

export function ExtractorList({ integration }: { integration: Integration }) {
  const extractors = Object.entries(integration.extractors);
  if (extractors.length === 0) return <NoneDeclared>No extractors declared.</NoneDeclared>;
  return (
    <Card>
      <ul aria-label={`${integration.name} extractors`} className="divide-y divide-border">
        {extractors.map(([slug, extractor]) => (
          <CapabilityItem key={slug} id={`extractor-${slug}`} name={extractor.name} slug={slug} description={extractor.description}>
            <div className="mt-2 flex flex-wrap gap-1.5">
              <Badge className="text-fg">Mode: {modeText(extractor.mode)}</Badge>
              <Badge>Preview: {extractor.preview}</Badge>
              {extractor.mode.kind === "fetch" && extractor.mode.minIntervalInSeconds !== undefined && (
                <Badge>At most every {extractor.mode.minIntervalInSeconds} s</Badge>
              )}
            </div>
            <ConfigFormPreview config={extractor.config} name={extractor.name} />
          </CapabilityItem>
        ))}
      </ul>
    </Card>
  );
}

function modeText(mode: ManifestExtractor["mode"]): string {
  if (mode.kind === "ingest") return mode.autoIngest ? "ingest, automatic" : "ingest";
  return mode.isIncremental ? "fetch, incremental" : "fetch, full sync";
}
