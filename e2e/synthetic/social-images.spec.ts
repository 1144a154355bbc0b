/** A story's social image (its og:image), made by the server from the headline. */
import { imageSize } from "image-size";
import { expect, test } from "../fixtures";

test.describe("social images", () => {
  test("a headline with characters the image fonts lack still gets its social image, made offline", async ({
    request,
  }) => {
    const response = await request.get("/stories/synthetic-00009/social.png");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    const { type, width, height } = imageSize(await response.body());
    expect({ type, width, height }).toEqual({ type: "png", width: 1200, height: 630 });
  });
});
