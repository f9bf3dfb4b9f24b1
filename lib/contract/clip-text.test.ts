import { describe, expect, it } from "vitest";
import { clipEnd, clipMiddle } from "./clip-text";

describe("clipEnd", () => {
  it("keeps text within the limit whole, and cuts longer text with a tail", () => {
    expect(clipEnd("abc", 3)).toBe("abc");
    expect(clipEnd("abcdef", 3)).toBe("abc…");
    expect(clipEnd("abcdef", 3, (length) => `… (${length} in all)`)).toBe("abc… (6 in all)");
  });

  it("never splits a surrogate pair", () => {
    expect(clipEnd("ab😀cd", 3)).toBe("ab…");
    expect(clipEnd("ab😀cd", 4)).toBe("ab😀…");
  });
});

describe("clipMiddle", () => {
  it("leaves the middle out, saying how much", () => {
    expect(clipMiddle("short", 10)).toBe("short");
    expect(clipMiddle("a".repeat(50) + "b".repeat(50), 10)).toBe("aaaaaaa… (90 characters left out) …bbb");
  });

  it("never splits a surrogate pair at either cut", () => {
    const text = "x".repeat(6) + "😀" + "y".repeat(90) + "😀" + "z";
    const clipped = clipMiddle(text, 10);
    expect(clipped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(clipped.startsWith("x".repeat(6) + "…")).toBe(true);
  });
});
