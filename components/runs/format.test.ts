import { describe, expect, it } from "vitest";
import { shortId } from "./format";

describe("shortId", () => {
  it("tells apart runs made within the same minute: their uuids share a time-ordered head", () => {
    const [a, b] = ["01a250d5-e94c-771b-bea4-f4bde96cc01f", "01a250d5-e94d-770b-8761-0ff9878be46c"];
    expect(shortId(a)).not.toBe(shortId(b));
    expect(shortId(a)).toBe("e96cc01f");
  });
});
