import type { PaletteItem } from "./palette-items";

/** The drag-and-drop type a palette item travels as, from the palette to the canvas. */
export const PALETTE_ITEM_MIME = "application/x-relay-palette-item";

export function writePaletteItem(dataTransfer: DataTransfer, entry: PaletteItem) {
  dataTransfer.setData(PALETTE_ITEM_MIME, JSON.stringify(entry));
  dataTransfer.effectAllowed = "copy";
}

/** The palette item being dropped, or null for anything else dragged onto the canvas. */
export function readPaletteItem(dataTransfer: DataTransfer): PaletteItem | null {
  const text = dataTransfer.getData(PALETTE_ITEM_MIME);
  if (!text) return null;
  try {
    return JSON.parse(text) as PaletteItem;
  } catch {
    return null;
  }
}
