// bench/records-browser: the records browser over a 100,000-record model (BENCH_BROWSER_RECORDS), in
// Chromium against the production build (`npx next build` first, or NEXT_DIST_DIR): the time from
// navigation to the first rows painted, then frame times while scrolling (120 frames at 100 px and
// at 400 px a frame), against the same scroll of a static page in the same browser as the floor.
// The model is made through the real API: a generated CSV uploaded and imported.
import { launchChromium, percentile, startProductionApp } from "../scripts/support/production-app";

const RECORDS = Number(process.env.BENCH_BROWSER_RECORDS) || 100_000;

async function main() {
  const { base, stop, signIn, cookie } = await startProductionApp();
  const browser = await launchChromium();
  try {
    const headers = { cookie, origin: base };
    const lines = ["id,name,score,active,seenAt"];
    for (let index = 0; index < RECORDS; index++) {
      lines.push(`rec_${String(index).padStart(6, "0")},Record ${index},${(index * 7919) % 1000},${index % 3 === 0},${new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString()}`);
    }
    const form = new FormData();
    form.append("file", new Blob([`${lines.join("\n")}\n`], { type: "text/csv" }), "large.csv");
    const started = performance.now();
    const uploaded = await fetch(`${base}/api/v1/workspace/files`, { method: "POST", headers, body: form });
    if (!uploaded.ok) throw new Error(`upload answered ${uploaded.status}: ${await uploaded.text()}`);
    const { file } = (await uploaded.json()) as { file: { uuid: string } };
    const created = await fetch(`${base}/api/v1/storage/models`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "Large", fileUuid: file.uuid }),
    });
    if (!created.ok) throw new Error(`model answered ${created.status}: ${await created.text()}`);
    const { model } = (await created.json()) as { model: { uuid: string } };
    console.log(`records-browser: ${RECORDS} records uploaded and imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    await signIn(context);
    const page = await context.newPage();
    const paints: number[] = [];
    for (let i = 0; i < 3; i++) {
      const navigated = performance.now();
      await page.goto(`${base}/models/${model.uuid}`);
      await page.getByRole("grid", { name: "Records" }).locator('tbody tr[aria-rowindex="2"]:not([aria-busy])').waitFor();
      paints.push(performance.now() - navigated);
    }
    const scroll = (selector: string, step: number) =>
      page.evaluate(
        async ({ selector, step }) => {
          const element = selector === "document" ? document.scrollingElement! : document.querySelector(selector)!.parentElement!;
          const times: number[] = [];
          let last = performance.now();
          for (let i = 0; i < 120; i++) {
            element.scrollTop += step;
            await new Promise(requestAnimationFrame);
            const now = performance.now();
            times.push(now - last);
            last = now;
          }
          return times;
        },
        { selector, step },
      );
    const grid = '[role="grid"][aria-label="Records"]';
    const slow = await scroll(grid, 100);
    const fast = await scroll(grid, 400);
    await page.setContent(`<div style="height:400000px;background:linear-gradient(#fff,#ddd)">${"<p>static</p>".repeat(2000)}</div>`);
    const floor = await scroll("document", 100);
    const summary = (times: number[]) => `median ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms`;
    console.log(`records-browser: first rows painted ${percentile(paints, 0.5).toFixed(0)} ms after navigation (median of 3)`);
    console.log(`records-browser: scroll frames at 100 px/frame: ${summary(slow)}; at 400 px/frame: ${summary(fast)}`);
    console.log(`records-browser: a static page's scroll frames in the same browser: ${summary(floor)} (the floor)`);
  } finally {
    await browser.close();
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
