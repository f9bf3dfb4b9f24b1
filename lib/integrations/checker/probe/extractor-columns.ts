import type { ExtractorFetched, ExtractorFetching } from "@/lib/contract";
import { finding, type CheckCode } from "../codes";
import type { Segment } from "../json-path";
import type { Finding } from "../types";

type Page = ExtractorFetched | ExtractorFetching;

/**
 * The columns of one fetched page: unique slugs, and the id, title and time columns among them
 * (the model is created from them; a missing id column leaves no key to upsert by).
 */
export function columnProblems(page: Page, path: (inAnswer: Segment[]) => string, endpoint: string): Finding[] {
  const findings: Finding[] = [];
  const slugs = page.columns.map((column) => column.slug);
  const duplicate = slugs.findIndex((slug, index) => slugs.indexOf(slug) !== index);
  if (duplicate >= 0) {
    findings.push(finding("extractor.duplicate-columns", path(["columns", duplicate, "slug"]), `The column "${slugs[duplicate]}" is listed twice, so the model cannot be created.`, "List each column once.", endpoint));
  }
  const check = (code: CheckCode, key: "idColumnSlug" | "titleColumnSlug" | "timeColumnSlug", role: string) => {
    const slug = page[key];
    if (slug === undefined || slugs.includes(slug)) return;
    findings.push(finding(code, path([key]), `The ${role} column "${slug}" is not among the columns (${slugs.join(", ") || "none"}), so the sync fails.`, `Set ${key} to one of the columns, or add a "${slug}" column.`, endpoint));
  };
  check("extractor.id-column-missing", "idColumnSlug", "id");
  check("extractor.title-column-missing", "titleColumnSlug", "title");
  check("extractor.time-column-missing", "timeColumnSlug", "time");
  return findings;
}

/** The page's columns as one comparable string: a later page must announce the same ones. */
export function columnsKey(page: Page): string {
  return JSON.stringify([page.columns.map((c) => [c.slug, c.type]), page.idColumnSlug, page.titleColumnSlug, page.timeColumnSlug ?? null]);
}
