import { describe, expect, it } from "vitest";
import { parseDateTime } from "./dates";

describe("parseDateTime", () => {
  it("normalises a date-time with an offset to UTC", () => {
    expect(parseDateTime("2025-06-07T12:00:00+01:00")).toBe("2025-06-07T11:00:00.000Z");
    expect(parseDateTime("2025-06-07T11:00Z")).toBe("2025-06-07T11:00:00.000Z");
  });

  it("accepts 29 February in a leap year only", () => {
    expect(parseDateTime("2024-02-29T09:00:00Z")).toBe("2024-02-29T09:00:00.000Z");
    expect(() => parseDateTime("2025-02-29T09:00:00Z")).toThrow(/not a real date/);
  });

  it.each([
    ["2025-02-31T10:00:00Z", /not a real date/],
    ["2025-13-01T10:00:00Z", /no month 13/],
    ["2025-06-07T24:30:00Z", /not a real time/],
    ["2025-06-07", /with a time zone/],
    ["2025-06-07T12:00:00", /with a time zone/],
    ["7 June 2025", /not an ISO 8601/],
  ])("rejects %s", (value, message) => {
    expect(() => parseDateTime(value)).toThrow(message);
  });

  it("rejects a value that is not a string", () => {
    expect(() => parseDateTime(20250607)).toThrow(/expected a date-time/);
  });
});
