import { describe, expect, it } from "vitest";
import { webProcessCount } from "./web-processes";

describe("webProcessCount", () => {
  it("is 1 unset or empty, and the whole number given from 1 to 64", () => {
    expect(webProcessCount(undefined)).toBe(1);
    expect(webProcessCount(" ")).toBe(1);
    expect(webProcessCount("2")).toBe(2);
    expect(webProcessCount(" 64 ")).toBe(64);
  });

  it("refuses anything else with a message naming the setting", () => {
    for (const value of ["0", "65", "-1", "1.5", "two", "0x2", "1e1"]) {
      expect(() => webProcessCount(value), value).toThrow(`WEB_PROCESSES must be a whole number from 1 to 64, not "${value}"`);
    }
  });
});
