// @ts-check
/**
 * What every benchmark (scripts/bench/) shares: its command-line options, read from one table of
 * defaults, and where its figures are written. A benchmark module exports a function of its
 * options that returns its figures; scripts/bench.mjs runs weights, lighthouse, load, soak and
 * live in turn. live, publish and scale also export their defaults and run as scripts of their
 * own (`node scripts/bench/live.mjs --readers 10`), reading the command line with `runWhenMain`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/** The repository: benchmarks build, start and write relative to it, wherever they are run from. */
export const root = path.resolve(import.meta.dirname, "../..");

/**
 * @typedef {Record<string, number | string | boolean>} Defaults
 *   an option's default gives its type: a number is read as a number (`--port 4400`), a string
 *   as it is (`--counts 1,1000`), a boolean is a flag (`--build`)
 */
/**
 * @template {Defaults} D
 * @typedef {{ -readonly [K in keyof D]: D[K] extends number ? number : D[K] extends boolean ? boolean : string }} Options
 */

/**
 * The options given on the command line (`args`), each defaulting to `defaults`.
 *
 * @template {Defaults} D
 * @param {D} defaults
 * @param {string[]} [args]
 * @returns {Options<D>}
 */
export function benchOptions(defaults, args = process.argv.slice(2)) {
  /** @type {Record<string, { type: "string"; default: string } | { type: "boolean"; default: boolean }>} */
  const options = {};
  for (const [name, value] of Object.entries(defaults)) {
    options[name] =
      typeof value === "boolean"
        ? { type: "boolean", default: value }
        : { type: "string", default: String(value) };
  }
  const { values } = parseArgs({ args, options });
  return /** @type {Options<D>} */ (
    Object.fromEntries(
      Object.entries(defaults).map(([name, value]) => [
        name,
        typeof value === "number" ? Number(values[name]) : values[name],
      ]),
    )
  );
}

/**
 * Runs `bench` with the command line's options when `meta` is the module node was started with
 * (not when the module is imported, by scripts/bench.mjs say).
 *
 * @template {Defaults} D
 * @param {ImportMeta} meta
 * @param {D} defaults
 * @param {(options: Options<D>) => Promise<unknown>} bench
 */
export async function runWhenMain(meta, defaults, bench) {
  if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(meta.url)) {
    await bench(benchOptions(defaults));
  }
}

/**
 * Writes figures as JSON to .bench/<name> and returns the file's path.
 *
 * @param {string} name
 * @param {unknown} figures
 */
export function writeFigures(name, figures) {
  const file = path.join(root, ".bench", name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  return file;
}

/** @type {Set<() => unknown>} */
const running = new Set();
let handlersInstalled = false;

/** Stops everything still running, the newest first. */
async function stopAll() {
  const stops = [...running].reverse();
  running.clear();
  await Promise.all(stops.map((stop) => stop()));
}

/**
 * Registers `stop` (of a server, nginx, a deployment a benchmark started) to run if the process
 * exits or is interrupted (SIGINT, SIGTERM) first. Returns a function that runs it now, once.
 *
 * @param {() => unknown} stop
 * @returns {() => Promise<unknown>}
 */
export function stopOnExit(stop) {
  if (!handlersInstalled) {
    handlersInstalled = true;
    process.on("exit", () => void stopAll());
    for (const signal of ["SIGINT", "SIGTERM"]) {
      process.on(signal, () => stopAll().then(() => process.exit(130)));
    }
  }
  running.add(stop);
  return async () => {
    if (running.delete(stop)) return stop();
  };
}

/** @param {number[]} xs the median of xs (the mean of the middle two for an even count) */
export function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The value below which a share `q` of `list` lies (the nearest rank, no interpolation).
 *
 * @param {number[]} list
 * @param {number} q
 */
export function quantile(list, q) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
