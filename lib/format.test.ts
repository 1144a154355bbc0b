import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNames, initials, nameListParts } from "./format";

describe("dates", () => {
  it("are the newsroom's calendar day, not the server's: late evening in summer is the next day in London", () => {
    expect(formatDate("2025-06-07T11:00:00Z")).toBe("7 June 2025");
    expect(formatDate("2025-06-07T23:30:00Z")).toBe("8 June 2025");
    expect(formatDate("2025-12-01T23:30:00Z")).toBe("1 December 2025");
  });

  it("with a time, say the hour in London and whether it is summer time", () => {
    expect(formatDateTime("2025-06-07T11:00:00Z")).toBe("7 June 2025 at 12:00 BST");
    expect(formatDateTime("2025-12-01T16:30:00Z")).toBe("1 December 2025 at 16:30 GMT");
  });
});

describe("initials", () => {
  it("are the first and last names' first letters, capitals", () => {
    expect(initials("Nathan Morgan")).toBe("NM");
    expect(initials("ada  lovelace")).toBe("AL");
    expect(initials("Mary Ann de la Cruz")).toBe("MC");
  });

  it("are one letter for one name, and a question mark for none", () => {
    expect(initials("Plato")).toBe("P");
    expect(initials("   ")).toBe("?");
  });
});

describe("a list of names", () => {
  it("reads as a British byline does, without a comma before 'and'", () => {
    expect(formatNames(["Jane Doe"])).toBe("Jane Doe");
    expect(formatNames(["Jane Doe", "Sam Lee"])).toBe("Jane Doe and Sam Lee");
    expect(formatNames(["Jane Doe", "Sam Lee", "Ana Ruiz"])).toBe("Jane Doe, Sam Lee and Ana Ruiz");
  });

  it("comes apart into names and the words between them, so each name can be a link", () => {
    expect(nameListParts(["Jane Doe", "Sam Lee", "Ana Ruiz"])).toEqual([
      { name: "Jane Doe" },
      { text: ", " },
      { name: "Sam Lee" },
      { text: " and " },
      { name: "Ana Ruiz" },
    ]);
  });
});
