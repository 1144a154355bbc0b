import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ErrorPage from "./error";

describe("error page", () => {
  it("says something went wrong without revealing the error", () => {
    const error = Object.assign(new Error("ENOENT: /srv/secret/path.json"), { digest: "12345" });
    const html = renderToStaticMarkup(<ErrorPage error={error} retry={() => {}} />);
    expect(html).toContain("Sorry, something went wrong");
    expect(html).not.toMatch(/ENOENT|secret|12345/);
  });
});
