// Renders public/icon.svg into the PNG icons and favicon.ico (run after changing the SVG: node scripts/render-icons.mjs).
import { chromium } from "@playwright/test";
import fs from "node:fs";
const svg = fs.readFileSync("public/icon.svg", "utf8");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const out = {};
for (const size of [16, 32, 48, 180, 192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
  out[size] = await page.screenshot({ omitBackground: true });
  await page.close();
}
await browser.close();
fs.writeFileSync("public/apple-touch-icon.png", out[180]);
fs.writeFileSync("public/icon-192.png", out[192]);
fs.writeFileSync("public/icon-512.png", out[512]);
// favicon.ico: an ICO directory of PNG images (16, 32, 48), which every current browser reads.
const sizes = [16, 32, 48];
const header = Buffer.alloc(6); header.writeUInt16LE(0, 0); header.writeUInt16LE(1, 2); header.writeUInt16LE(sizes.length, 4);
let offset = 6 + 16 * sizes.length;
const entries = []; const images = [];
for (const s of sizes) {
  const png = out[s]; const e = Buffer.alloc(16);
  e.writeUInt8(s, 0); e.writeUInt8(s, 1); e.writeUInt8(0, 2); e.writeUInt8(0, 3);
  e.writeUInt16LE(1, 4); e.writeUInt16LE(32, 6); e.writeUInt32LE(png.length, 8); e.writeUInt32LE(offset, 12);
  offset += png.length; entries.push(e); images.push(png);
}
fs.writeFileSync("public/favicon.ico", Buffer.concat([header, ...entries, ...images]));
