/* eslint-disable @next/next/no-img-element -- data: URLs of untrusted markup; next/image adds nothing here */
"use client";

import { useState } from "react";
import { cn } from "@/lib/utils";
import { isHexColor } from "./brand-color";
import { iconSource } from "./icon-src";

const sizes = { md: ["size-10", "size-6"], lg: ["size-14", "size-8"] } as const;

/**
 * Renders an integration's icon from its manifest. The markup is untrusted, so it is only ever
 * shown through <img>: an SVG loaded as an image cannot run script or fetch anything. An icon
 * that does not load (invalid SVG, unreachable URL) falls back to the name's first letter; one
 * whose address is not http: or https: is refused, and the letter carries the reason as its tooltip.
 */
export function IntegrationIcon({
  icon,
  color,
  name,
  size = "md",
  className,
}: {
  icon: string;
  color: string;
  name: string;
  size?: keyof typeof sizes;
  className?: string;
}) {
  const source = iconSource(icon);
  const src = source.src;
  const refused = source.src === null ? source.refused : null;
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const [box, image] = sizes[size];
  return (
    <span
      className={cn("grid shrink-0 place-items-center overflow-hidden rounded-lg border border-border bg-surface", box, className)}
      style={{ backgroundColor: isHexColor(color) ? `${color}22` : undefined }}
    >
      {src && src !== failedSrc ? (
        <img src={src} alt="" className={image} onError={() => setFailedSrc(src)} />
      ) : (
        <span aria-hidden={!refused} title={refused ?? undefined} aria-label={refused ?? undefined} role={refused ? "img" : undefined} className="text-sm font-semibold">
          {(name.match(/[\p{L}\p{N}]/u)?.[0] ?? "?").toUpperCase()}
        </span>
      )}
    </span>
  );
}
