import { logoImage } from "@/app/_lib/social-image";

export const dynamic = "force-static";

export function GET() {
  return logoImage();
}
