import { describe, expect, it } from "vitest";
import { iconSource } from "./icon-src";

describe("iconSource", () => {
  it("turns SVG markup into an image data: URL built by the app", () => {
    expect(iconSource(' <svg viewBox="0 0 1 1"/> ')).toEqual({ src: "data:image/svg+xml;charset=utf-8,%3Csvg%20viewBox%3D%220%200%201%201%22%2F%3E" });
  });

  it("loads an http: or https: URL", () => {
    expect(iconSource("https://cdn.example.com/logo.png")).toEqual({ src: "https://cdn.example.com/logo.png" });
  });

  it.each([
    ["javascript:alert(1)", "javascript:"],
    ["data:image/svg+xml,<svg onload=alert(1)>", "data:"],
    ["file:///etc/passwd", "file:"],
  ])("refuses %j with a message", (icon, scheme) => {
    expect(iconSource(icon)).toEqual({
      src: null,
      refused: `The icon was refused: its address uses ${scheme}, and only http: and https: addresses are allowed`,
    });
  });

  it("shows the initial, without a message, when there is no icon", () => {
    expect(iconSource("  ")).toEqual({ src: null, refused: null });
  });
});
