/**
 * GET /healthz: for load balancers and operators. 200 with the build this process serves, the
 * version of the content (npm run publish) and how many stories are public. It runs on every request (never cached), so a 200 means
 * Next's request handling works, not only that the port is open.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { contentVersion, getAllStories } from "@/lib/content";

export const dynamic = "force-dynamic";

let buildId: Promise<string> | undefined;

export async function GET() {
  // The folder Next serves from; BUILD_ID sits in it, in the project and in a standalone copy.
  buildId ??= readFile(path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"), "utf8")
    .then((id) => id.trim())
    .catch(() => "unknown");
  return Response.json(
    {
      status: "ok",
      buildId: await buildId,
      content: contentVersion(),
      stories: getAllStories().length,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
