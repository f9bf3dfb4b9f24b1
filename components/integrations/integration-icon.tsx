/* eslint-disable @next/next/no-img-element -- data: URLs of untrusted markup; next/image adds nothing here */
import { cn } from "@/lib/utils";

/**
 * Renders an integration's icon from its manifest. The markup is untrusted, so it is only ever
 * shown through <img>: an SVG loaded as an image cannot run script or fetch anything.
 */
export function IntegrationIcon({ icon, color, name, className }: { icon: string; color: string; name: string; className?: string }) {
  const src = toImageSrc(icon);
  return (
    <span
      className={cn("grid size-10 shrink-0 place-items-center overflow-hidden rounded-lg border border-border", className)}
      style={{ backgroundColor: isHexColor(color) ? `${color}22` : undefined }}
    >
      {src ? (
        <img src={src} alt="" className="size-6" />
      ) : (
        <span aria-hidden className="text-sm font-semibold">
          {name.slice(0, 1).toUpperCase()}
        </span>
      )}
    </span>
  );
}

function toImageSrc(icon: string): string | null {
  const trimmed = icon.trim();
  if (trimmed.startsWith("<svg") || trimmed.startsWith("<?xml")) {
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(trimmed)}`;
  }
  if (/^(https?:|data:image\/)/.test(trimmed)) return trimmed;
  return null;
}

function isHexColor(color: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(color);
}
