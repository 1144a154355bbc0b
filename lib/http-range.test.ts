import { describe, expect, it } from "vitest";
import { UNSATISFIABLE, byteRange } from "./http-range.mjs";

describe("byteRange", () => {
  it("reads the three forms of one range, clipped to the body", () => {
    expect(byteRange("bytes=0-9", 100)).toEqual({ start: 0, end: 9 });
    expect(byteRange("bytes=90-", 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange("bytes=50-1000", 100)).toEqual({ start: 50, end: 99 });
    expect(byteRange("bytes=-1000", 100)).toEqual({ start: 0, end: 99 });
  });

  it("calls a range that starts beyond the body unsatisfiable (416)", () => {
    expect(byteRange("bytes=100-", 100)).toBe(UNSATISFIABLE);
    expect(byteRange("bytes=999999-", 100)).toBe(UNSATISFIABLE);
    expect(byteRange("bytes=99999999999999999999999-", 100)).toBe(UNSATISFIABLE);
    expect(byteRange("bytes=-0", 100)).toBe(UNSATISFIABLE);
    expect(byteRange("bytes=0-", 0)).toBe(UNSATISFIABLE);
  });

  it("ignores what is malformed, another unit, or several ranges (the whole body is sent)", () => {
    for (const header of [
      "bytes=abc",
      "bytes=5-1",
      "bytes=-",
      "bytes=",
      "bytes=1-2-3",
      "bytes=0-0,2-3",
      "bytes = 0-1",
      "items=0-1",
      "bytes=0x10-",
      "bytes=1e3-",
      "",
    ]) {
      expect(byteRange(header, 100), header).toBeNull();
    }
  });
});
