import type { CheckFinding } from "@/lib/contract";
import { plural } from "../format";
import { FindingsList } from "./findings-list";

/**
 * The contract checker's lint in the registration preview. Nothing here blocks registering: a
 * manifest the app cannot use at all is refused before the preview, as it always was.
 */
export function ManifestFindings({ findings }: { findings: CheckFinding[] }) {
  if (findings.length === 0) {
    return <p className="text-sm text-success">The contract checker found no problems in this manifest.</p>;
  }
  const errors = findings.filter((finding) => finding.severity === "error").length;
  return (
    <section aria-label="Contract check" className="space-y-3">
      <p className="text-sm">
        <span className="font-medium">The contract checker found {plural(findings.length, "problem")}.</span>{" "}
        <span className="text-fg-muted">
          {errors > 0 ? "You can register anyway, but operators will meet the errors in forms and runs." : "They do not block registration."}
        </span>
      </p>
      <FindingsList findings={findings} heading="h4" />
    </section>
  );
}
