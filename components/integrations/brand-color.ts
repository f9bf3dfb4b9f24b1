/** A manifest's color is untrusted text: only a plain `#rrggbb` ever reaches a style attribute. */
export function isHexColor(color: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(color);
}
