import { checkManifestUrl } from "@/lib/contract";

/** What an integration icon shows: an image source, nothing (the initial), or why it was refused. */
export type IconSource = { src: string } | { src: null; refused: string | null };

/**
 * The `<img>` source of a manifest's icon. SVG markup becomes a `data:` URL built here, which an
 * `<img>` renders without running script. A URL must be http: or https:; a `data:`,
 * `javascript:` or other address from the manifest is refused with a message to show.
 * @example
 * iconSource("<svg …/>") // → { src: "data:image/svg+xml;charset=utf-8,%3Csvg…" }
 * iconSource("data:text/html,…") // → { src: null, refused: "The icon was refused: its address uses data:, …" }
 */
export function iconSource(icon: string): IconSource {
  const trimmed = icon.trim();
  if (trimmed === "") return { src: null, refused: null };
  if (trimmed.startsWith("<svg") || trimmed.startsWith("<?xml")) {
    return { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(trimmed)}` };
  }
  const check = checkManifestUrl(trimmed, "The icon");
  return check.ok ? { src: check.url } : { src: null, refused: check.message };
}
