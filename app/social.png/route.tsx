import { socialImage } from "@/app/_lib/social-image";
import { site } from "@/site.config.mjs";

export const dynamic = "force-static";

export function GET() {
  return socialImage({ title: site.description });
}
