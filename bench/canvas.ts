// bench/canvas: against a production build (`npx next build` first), opens generated workflows of
// 100, 500 and 1000 nodes in the editor (Chromium) and prints the median over 3 loads of the time
// from navigation start until the canvas is ready (`data-canvas-ready="true"`) and a node answers a
// click; then, at 500 nodes, the frame times while dragging a node for ~2 s.
import type { Page } from "@playwright/test";
import { generateGraph } from "@/lib/workflow/testing/generate-graph";
import { launchChromium, median, percentile, startProductionApp } from "../scripts/support/production-app";

const SIZES = [100, 500, 1000];
const LOADS = 3;
const DRAG_NODES = 500;
const DRAG_MS = 2000;

async function createWorkflow(base: string, cookie: string, size: number): Promise<string> {
  const response = await fetch(`${base}/api/v1/orchestration/workflows`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ name: `Bench ${size} nodes`, nodes: generateGraph(size) }),
  });
  if (!response.ok) throw new Error(`Creating the ${size}-node workflow failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { workflow: { uuid: string } }).workflow.uuid;
}

// Records, in the page, when the canvas turns ready and when a node first shows as selected.
const RECORD_MILESTONES = () => {
  const marks = ((window as unknown as { __canvasMarks: Record<string, number> }).__canvasMarks = {});
  new MutationObserver(() => {
    if (!("ready" in marks) && document.querySelector('[data-canvas-ready="true"]')) Object.assign(marks, { ready: performance.now() });
    if (!("selected" in marks) && document.querySelector(".react-flow__node.selected")) Object.assign(marks, { selected: performance.now() });
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-canvas-ready", "class"] });
  document.addEventListener("pointerdown", () => "pressed" in marks || Object.assign(marks, { pressed: performance.now() }), true);
};

/** One load: ms from navigation start to ready, to a node clicked right then showing as selected, and that click's own latency. */
async function load(page: Page, url: string): Promise<{ ready: number; clickable: number; clickLatency: number }> {
  await page.goto(url);
  await page.locator('[data-canvas-ready="true"]').waitFor({ timeout: 60_000 });
  await page.getByTestId("node-start").click();
  await page.locator(".react-flow__node.selected").waitFor();
  const marks = await page.evaluate(() => (window as unknown as { __canvasMarks: Record<string, number> }).__canvasMarks);
  return { ready: marks.ready!, clickable: marks.selected!, clickLatency: marks.selected! - marks.pressed! };
}

// Records requestAnimationFrame deltas in the page until stopFrames(). A string, not a function:
// the bundler's helpers (tsx) would not exist in the page.
const START_FRAMES = `(() => {
  const state = { frames: [], last: 0, on: true };
  window.__frames = state;
  const tick = (time) => {
    if (state.last) state.frames.push(time - state.last);
    state.last = time;
    if (state.on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const STOP_FRAMES = `(() => { window.__frames.on = false; return window.__frames.frames; })()`;

/** Frame times while the page sits idle: the display's own pace, the floor for the drag's figures. */
async function idleFrames(page: Page): Promise<number[]> {
  await page.evaluate(START_FRAMES);
  await page.waitForTimeout(DRAG_MS);
  return page.evaluate<number[]>(STOP_FRAMES);
}

/** Frame times while dragging a node with the mouse for `DRAG_MS`. */
async function dragFrames(page: Page): Promise<number[]> {
  const node = page.locator(".react-flow__node").filter({ has: page.locator(".react-flow__handle") }).nth(3);
  const box = (await node.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 3 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.evaluate(START_FRAMES);
  const began = Date.now();
  for (let step = 0; Date.now() - began < DRAG_MS; step++) {
    const angle = step / 12;
    await page.mouse.move(start.x + 160 * Math.sin(angle), start.y + 90 * Math.sin(angle * 2));
  }
  const frames = await page.evaluate<number[]>(STOP_FRAMES);
  await page.mouse.up();
  return frames;
}

async function main() {
  const { base, stop, cookie, signIn } = await startProductionApp();
  const browser = await launchChromium();
  try {
    const uuids = new Map<number, string>();
    for (const size of SIZES) uuids.set(size, await createWorkflow(base, cookie, size));
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await signIn(context);
    await context.addInitScript(RECORD_MILESTONES);
    const page = await context.newPage();
    // One load first so every measured load finds the app's scripts in the HTTP cache, as a returning operator does.
    await load(page, `${base}/workflows/${uuids.get(SIZES[0]!)}`);

    for (const size of SIZES) {
      const loads: Array<{ ready: number; clickable: number; clickLatency: number }> = [];
      for (let i = 0; i < LOADS; i++) loads.push(await load(page, `${base}/workflows/${uuids.get(size)}`));
      const ready = median(loads.map((entry) => entry.ready));
      const clickable = median(loads.map((entry) => entry.clickable));
      const clickLatency = median(loads.map((entry) => entry.clickLatency));
      console.log(
        `canvas: ${size} nodes: ready ${ready.toFixed(0)} ms after navigation start (median of ${LOADS}; loads ${loads.map((entry) => entry.ready.toFixed(0)).join(", ")} ms); a node clicked as soon as Playwright saw it ready showed selected at ${clickable.toFixed(0)} ms, ${clickLatency.toFixed(0)} ms after the press (target for 1000 nodes < 1000 ms; n8n: 1820 ms for 800)`,
      );
    }

    await load(page, `${base}/workflows/${uuids.get(DRAG_NODES)}`);
    const idle = await idleFrames(page);
    const frames = await dragFrames(page);
    const interval = median(idle);
    const late = frames.filter((frame) => frame > interval * 1.5).length;
    console.log(
      `canvas: dragging a node at ${DRAG_NODES} nodes for ${(DRAG_MS / 1000).toFixed(0)} s: ${frames.length} frames, p95 ${percentile(frames, 0.95).toFixed(1)} ms, median ${median(frames).toFixed(1)} ms, ${late} frame(s) over 1.5x the display interval (target p95 < 16.7 ms)`,
    );
    console.log(
      `canvas: the same page idle (the floor): ${idle.length} frames, p95 ${percentile(idle, 0.95).toFixed(1)} ms, median ${interval.toFixed(1)} ms: rAF deltas cannot go below the display's ${interval.toFixed(1)} ms interval`,
    );
  } finally {
    await browser.close();
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
