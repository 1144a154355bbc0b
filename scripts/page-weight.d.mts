export type Weight = { files: number; raw: number; gzip: number };
export type PageWeight = { html: Weight; js: Weight; css: Weight };
export function fetchWire(
  url: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; wire: Buffer }>;
export function assetsOf(html: string): { js: string[]; css: string[] };
export function weigh(base: string, pagePath: string, options?: { status?: number }): Promise<PageWeight>;
