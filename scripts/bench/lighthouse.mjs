// @ts-check
/**
 * Lighthouse 12.2.3 (npm run bench, part 3): mobile (simulated throttling) and desktop, the
 * median of `runs` runs per page: the four category scores, LCP, TBT and CLS, and the audits
 * that failed outside performance.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { chromiumFlags, chromiumPath } from "../lib/chromium.mjs";
import { median, root } from "../lib/bench-options.mjs";

/**
 * @typedef {{
 *   performance: number; accessibility: number; bestPractices: number; seo: number;
 *   lcpMs: number; tbtMs: number; cls: number; failing: string[];
 * }} Sample
 * @typedef {Sample & { samples: Sample[] }} LighthouseFigures
 * @typedef {"mobile" | "desktop"} FormFactor
 */

/**
 * One Lighthouse run; Chromium's trace recording fails now and then (NO_NAVSTART): up to 3 tries.
 *
 * @param {string} url
 * @param {FormFactor} formFactor
 * @returns {Sample}
 */
function lighthouseRun(url, formFactor) {
  for (let attempt = 1; ; attempt++) {
    try {
      return lighthouseOnce(url, formFactor);
    } catch (error) {
      if (attempt === 3) throw error;
      console.log(`  (retrying: ${/** @type {Error} */ (error).message.split("\n")[0].slice(0, 160)})`);
    }
  }
}

/**
 * @param {string} url
 * @param {FormFactor} formFactor
 * @returns {Sample}
 */
function lighthouseOnce(url, formFactor) {
  const cli = path.join(root, "node_modules/lighthouse/cli/index.js");
  const chromeFlags = ["--headless=new", ...chromiumFlags].join(" ");
  const run = spawnSync(
    process.execPath,
    [
      cli,
      url,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      `--chrome-flags=${chromeFlags}`,
      "--only-categories=performance,accessibility,best-practices,seo",
      ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
    ],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      // Lighthouse finds a Chromium of its own when neither is set.
      env: {
        ...process.env,
        ...(chromiumPath && !process.env.CHROME_PATH ? { CHROME_PATH: chromiumPath } : {}),
      },
    },
  );
  if (run.status !== 0) throw new Error(`lighthouse failed on ${url}: ${run.stderr.slice(-2000)}`);
  /**
   * The parts of Lighthouse's JSON report read here.
   * @type {{
   *   categories: Record<string, { id: string; score: number; auditRefs: { id: string; weight: number }[] }>;
   *   audits: Record<string, { score: number | null; numericValue: number }>;
   * }}
   */
  const report = JSON.parse(run.stdout);
  /** @param {string} id */
  const score = (id) => Math.round(report.categories[id].score * 100);
  /** @param {string} id */
  const audit = (id) => report.audits[id].numericValue;
  const failing = Object.values(report.categories)
    .filter((c) => c.id !== "performance")
    .flatMap((c) =>
      c.auditRefs.filter((ref) => {
        const refScore = report.audits[ref.id].score;
        return ref.weight > 0 && refScore !== null && refScore < 1;
      }),
    )
    .map((ref) => ref.id);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcpMs: Math.round(audit("largest-contentful-paint")),
    tbtMs: Math.round(audit("total-blocking-time")),
    cls: +audit("cumulative-layout-shift").toFixed(3),
    failing,
  };
}

/**
 * Runs Lighthouse on each of `pages` (name: path) at `base`, mobile then desktop, printing a table.
 *
 * @param {{ base: string; pages: Record<string, string>; runs: number }} options
 * @returns {Partial<Record<FormFactor, Record<string, LighthouseFigures>>>}
 */
export function lighthouse({ base, pages, runs }) {
  console.log(`\n== Lighthouse 12.2.3, median of ${runs} runs (simulated throttling on mobile) ==`);
  console.log("page      form      perf  a11y  best   seo     LCP      TBT     CLS  failing audits");
  /** @type {Partial<Record<FormFactor, Record<string, LighthouseFigures>>>} */
  const results = {};
  for (const formFactor of /** @type {const} */ (["mobile", "desktop"])) {
    for (const [name, pagePath] of Object.entries(pages)) {
      /** @type {Sample[]} */
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(lighthouseRun(base + pagePath, formFactor));
      /** @param {Exclude<keyof Sample, "failing">} key */
      const m = (key) => median(samples.map((s) => s[key]));
      const figures = {
        performance: m("performance"),
        accessibility: m("accessibility"),
        bestPractices: m("bestPractices"),
        seo: m("seo"),
        lcpMs: m("lcpMs"),
        tbtMs: m("tbtMs"),
        cls: m("cls"),
        failing: [...new Set(samples.flatMap((s) => s.failing))],
        samples,
      };
      (results[formFactor] ??= {})[name] = figures;
      console.log(
        `${name.padEnd(9)} ${formFactor.padEnd(8)} ${String(figures.performance).padStart(5)} ${String(figures.accessibility).padStart(5)} ${String(figures.bestPractices).padStart(5)} ${String(figures.seo).padStart(5)} ${`${figures.lcpMs} ms`.padStart(8)} ${`${figures.tbtMs} ms`.padStart(8)} ${String(figures.cls).padStart(7)}  ${figures.failing.join(", ") || "-"}`,
      );
    }
  }
  return results;
}
