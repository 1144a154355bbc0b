import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Avatar } from "./Avatar";

describe("Avatar", () => {
  it("draws initials, named for assistive technology, when there is no picture", () => {
    const html = renderToStaticMarkup(<Avatar name="Nathan Morgan" />);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Nathan Morgan"');
    expect(html).toContain(">NM<");
  });

  it("shows the picture, with the author's name as its text alternative", () => {
    const html = renderToStaticMarkup(<Avatar name="Jane Doe" picture="/authors/jane-doe.jpg" />);
    expect(html).toMatch(/<img[^>]+src="\/authors\/jane-doe.jpg"/);
    expect(html).toContain('alt="Jane Doe"');
    expect(html).not.toContain("JD");
  });

  it("is drawn at the size asked for, picture or initials", () => {
    expect(
      renderToStaticMarkup(<Avatar name="Jane Doe" picture="/authors/jane-doe.jpg" size={72} />),
    ).toMatch(/<img[^>]+width="72"[^>]+height="72"/);
    expect(renderToStaticMarkup(<Avatar name="Jane Doe" size={72} />)).toContain("width:72px;height:72px");
  });
});
