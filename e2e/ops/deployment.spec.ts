/**
 * The reference deployment, for real: nginx (Debian's) in front of two instances of the
 * standalone server, started by deploy/cluster.mjs on loopback ports. Fault tests under load,
 * then a fuzz of hostile requests straight at an instance and through nginx. Each test prints
 * what it sent, what failed and what it measured. Bounded: about two minutes in all.
 */
import { type ChildProcess, type StdioOptions, spawn } from "node:child_process";
import { openSync, readFileSync, readdirSync, statSync } from "node:fs";
import { Agent, get } from "node:http";
import { connect, type Socket } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { Cluster } from "../../deploy/cluster.mjs";
import { DIST_DIR, OPS_PORT, PORT, STORE_DIR } from "../env";
import { firstStory } from "../routes.mjs";
import fc from "fast-check";
import { fuzzCases, judge } from "./fuzz";
import * as fuzz from "./property-fuzz";
import { startLoad, type LoadReport } from "./load";
import { rawRequest } from "./raw-http";

test.describe.configure({ mode: "serial", timeout: 180_000 });

let cluster: Cluster;

test.beforeAll(async () => {
  // Imported at run time: Playwright's transform of static imports does not suit this ES module.
  const { startCluster } = await import("../../deploy/cluster.mjs");
  cluster = await startCluster({
    instances: 2,
    port: OPS_PORT,
    distDir: DIST_DIR,
    log: (m) => console.log(`[cluster] ${m}`),
  });
});
test.afterAll(async () => {
  await cluster?.stop();
});

/** Servers a test started itself: stopped after it, whether it passed or not. */
const spawned: ChildProcess[] = [];
test.afterEach(() => {
  for (const child of spawned.splice(0)) {
    // The supervisor's workers exit with it (node:cluster).
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
});

/**
 * A server of the test's own, from the standalone build, on `port`, once /healthz answers 200.
 * `command` runs in a shell instead of `node server.mjs` (to lower a limit first, say).
 */
async function startServer(
  port: number,
  {
    env = {},
    stdio = "ignore",
    command,
  }: { env?: Record<string, string>; stdio?: StdioOptions; command?: string } = {},
) {
  const child = spawn(command ? "bash" : process.execPath, command ? ["-c", command] : ["server.mjs"], {
    cwd: path.join(DIST_DIR, "standalone"),
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXT_DIST_DIR: DIST_DIR,
      BROADSHEET_STORE: STORE_DIR,
      ...env,
    },
    stdio,
  });
  spawned.push(child);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const healthy = () =>
    fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
  for (let i = 0; i < 300 && !(await healthy()); i++) await sleep(50);
  return { child, exited, base };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const print = (what: string, report: LoadReport, extra: Record<string, unknown> = {}) =>
  console.log(`${what}: ${JSON.stringify({ ...report, ...extra })}`);

/** Mostly requests that reach an instance (each search is new to the cache), some cached pages. */
const mixedPath = (i: number) =>
  i % 5 === 0 ? firstStory.path : i % 5 === 1 ? "/healthz" : `/search?q=trade+${i}`;

/** Requests an instance logged after `offset` bytes of its log (one JSON line per request). */
function loggedSince(index: number, offset: number) {
  const log = logSince(index, offset);
  return log.split("\n").filter((line) => line.includes('"method":"GET"')).length;
}
/** What an instance logged after `offset` bytes of its log. */
const logSince = (index: number, offset: number) =>
  readFileSync(path.join(cluster.work, `instance-${index}.log`))
    .subarray(offset)
    .toString("utf8");
const logSize = (index: number) => statSync(path.join(cluster.work, `instance-${index}.log`)).size;

test("nginx caches pages by the app's Cache-Control, answers 304 from the cache and unzips for old clients", async () => {
  const url = `${cluster.url}${firstStory.path}`;
  const first = await fetch(url);
  expect(first.status).toBe(200);
  const again = await fetch(url);
  expect(again.headers.get("x-cache")).toBe("HIT");
  expect(again.headers.get("cache-control")).toContain("s-maxage=");
  expect(await again.text()).toContain(firstStory.headline);
  const etag = again.headers.get("etag")!;
  expect((await fetch(url, { headers: { "If-None-Match": etag } })).status).toBe(304);
  // A client without gzip gets the same page, unzipped by nginx from the one stored copy.
  const plain = await rawRequest(
    OPS_PORT,
    `GET ${firstStory.path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
  );
  expect(plain.status).toBe(200);
  expect(plain.head).not.toMatch(/content-encoding/i);
  expect(plain.body).toContain(firstStory.headline);
  // The health check is never cached; a router request is answered with the cached page (Next's
  // router headers never reach an instance), and its payload never takes the page's place.
  expect((await fetch(`${cluster.url}/healthz`)).headers.get("x-cache")).not.toBe("HIT");
  const rsc = await fetch(url, { headers: { RSC: "1" } });
  expect(rsc.headers.get("x-cache")).toBe("HIT");
  expect(rsc.headers.get("content-type")).toContain("text/html");
  const after = await fetch(url);
  expect(after.headers.get("content-type")).toContain("text/html");
  expect(await after.text()).toContain("<!DOCTYPE html>");
  // Each instance logs one JSON line per request it served.
  const lines = [0, 1]
    .flatMap((i) => readFileSync(path.join(cluster.work, `instance-${i}.log`), "utf8").split("\n"))
    .filter((line) => line.startsWith("{") && line.includes('"method"'))
    .map((line) => JSON.parse(line));
  const served = lines.find((l) => l.path === firstStory.path && l.status === 200);
  expect(served, "a log line for the story").toBeTruthy();
  expect(Object.keys(served).sort()).toEqual(["bytes", "method", "ms", "path", "pid", "status", "time"]);
  expect(new Date(served.time).toISOString()).toBe(served.time);
});

/** Files in a folder and below, and their bytes. */
function folderSize(dir: string) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** A GET from a client address of this machine's own (127.x.x.x), with the given headers. */
function getFrom(address: string, url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      get(url, { localAddress: address, headers, agent: false }, (res) => {
        let body = "";
        res.setEncoding("latin1");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      }).on("error", reject);
    },
  );
}

const random = () => Math.random().toString(36).slice(2);

test("junk parameters, cookies and Next's headers neither fill nginx's cache nor skip it", async () => {
  const pages = [firstStory.path, "/world", "/feed.xml", "/search?q=trade"];
  for (const page of pages) await fetch(`${cluster.url}${page}`);
  const caches = [path.join(cluster.work, "cache"), path.join(cluster.work, "cache-search")];
  const before = caches.map(folderSize);
  const logOffsets = [0, 1].map(logSize);
  // What attackers and trackers add: random parameters in any order, a draft-mode cookie,
  // router and cache-busting headers. Every one is a version of a page nginx already holds.
  const statuses = new Map<string, number>();
  const sent = 600;
  for (let i = 0; i < sent; i++) {
    const page = pages[i % pages.length];
    const [pathname, query] = page.split("?");
    const junk = [`utm_source=${random()}`, `fbclid=${random()}`, `page=${i % 3 === 0 ? "1" : ""}`];
    const params = [query, ...junk].filter(Boolean).sort(() => Math.random() - 0.5);
    const headers: Record<string, string> = [
      { Cookie: `__prerender_bypass=${random()}` },
      { RSC: "1", "Next-Router-Prefetch": "1" },
      { "Cache-Control": "no-cache", Pragma: "no-cache" },
      { "X-Forwarded-Host": `${random()}.example`, "X-Middleware-Prefetch": "1" },
    ][i % 4];
    const response = await getFrom("127.1.50.1", `${cluster.url}${pathname}?${params.join("&")}`, headers);
    const outcome = `${response.status} ${response.headers["x-cache"]}`;
    statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
  }
  // Other spellings of the same paths: percent-encoded letters, dot segments, doubled slashes.
  const [, section] = firstStory.path.split("/");
  for (const spelling of ["/%77orld", "/x/../world", "//world", "/./world", `/${section}/../world`]) {
    // Sent raw: a URL parser would resolve the dot segments before nginx saw them.
    const response = await rawRequest(
      OPS_PORT,
      `GET ${spelling}?utm_source=${random()} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    );
    const outcome = `${response.status} ${/^x-cache:\s*(\S+)/im.exec(response.head)?.[1]}`;
    statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
  }
  const after = caches.map(folderSize);
  // Whatever reached an instance (revalidations every 2 s) carried no junk.
  const reached = [0, 1].flatMap((i) =>
    logSince(i, logOffsets[i])
      .split("\n")
      .filter((line) => line.includes('"method"'))
      .map((line) => JSON.parse(line).path as string),
  );
  console.log(
    `junk through nginx: ${JSON.stringify({
      sent,
      outcomes: Object.fromEntries(statuses),
      cacheFiles: { before: before.map((c) => c.files), after: after.map((c) => c.files) },
      cacheBytes: { before: before.map((c) => c.bytes), after: after.map((c) => c.bytes) },
      reachedInstances: reached.length,
    })}`,
  );
  for (const [outcome] of statuses) expect(outcome).toMatch(/^200 (HIT|STALE|UPDATING|REVALIDATED)$/);
  expect(after.map((c) => c.files)).toEqual(before.map((c) => c.files));
  for (const line of reached) expect(line).not.toMatch(/utm_source|fbclid/);
});

test("through nginx, the image optimizer serves WebP to browsers that take it, and the original format to others", async () => {
  const image = `${cluster.url}/_next/image?url=%2Flogo.png&w=64&q=75`;
  for (let round = 0; round < 2; round++) {
    // The second round comes from nginx's cache: one entry per format, never the other's.
    const webp = await fetch(image, { headers: { Accept: "image/avif,image/webp,*/*" } });
    expect(webp.status).toBe(200);
    expect(webp.headers.get("content-type")).toBe("image/webp");
    const png = await fetch(`${image}&utm_source=${random()}`, { headers: { Accept: "image/png,*/*" } });
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
  }
});

test("searches that reach an instance are limited per client address; cached ones and other readers are not", async () => {
  // The limit, as deploy/nginx.conf sets it.
  const conf = readFileSync(path.resolve("deploy", "nginx.conf"), "utf8");
  const rate = Number(/zone=search_rate:\S+ rate=(\d+)r\/s/.exec(conf)![1]);
  const burst = Number(/limit_req zone=search_rate burst=(\d+)/.exec(conf)![1]);
  await fetch(`${cluster.url}/search?q=trade`);
  const flooder = "127.1.60.1";
  const started = performance.now();
  const statuses: number[] = [];
  let refused: Awaited<ReturnType<typeof getFrom>> | undefined;
  for (let i = 0; i < burst * 3; i++) {
    const response = await getFrom(flooder, `${cluster.url}/search?q=${random()}`);
    statuses.push(response.status);
    if (response.status === 429) refused ??= response;
  }
  const seconds = (performance.now() - started) / 1000;
  const answered = statuses.filter((s) => s === 200).length;
  // The same client, a search already cached; another client, a new search.
  const cached = await getFrom(flooder, `${cluster.url}/search?q=trade`);
  const other = await getFrom("127.1.60.2", `${cluster.url}/search?q=${random()}`);
  console.log(
    `search flood from one address: ${JSON.stringify({ sent: statuses.length, answered, refused: statuses.length - answered, seconds: +seconds.toFixed(2), rate, burst })}`,
  );
  expect(answered).toBeGreaterThanOrEqual(burst);
  expect(answered).toBeLessThanOrEqual(burst + 1 + Math.ceil(rate * seconds));
  expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
  expect(refused?.headers["retry-after"]).toBe("1");
  expect(refused?.headers["cache-control"]).toBe("no-store");
  expect(refused?.body).toContain("Broadsheet");
  expect(refused?.body).not.toMatch(/nginx/i);
  expect(cached.status).toBe(200);
  expect(cached.headers["x-cache"]).toMatch(/HIT|STALE|UPDATING|REVALIDATED/);
  expect(other.status).toBe(200);
});

test("one of two instances killed with SIGKILL under load: no request fails, it restarts and rejoins", async () => {
  const load = startLoad(cluster.url, mixedPath);
  await sleep(1500);
  const oldPid = cluster.instances[0].pid;
  const sentBeforeKill = load.sent;
  cluster.kill(0, "SIGKILL");
  const killedAt = performance.now();
  await cluster.waitForRestart(0, oldPid);
  const restartMs = Math.round(performance.now() - killedAt);
  const offset = logSize(0);
  let rejoinMs = -1;
  for (let waited = 0; waited < 20_000; waited += 250) {
    await sleep(250);
    if (loggedSince(0, offset) > 0) {
      rejoinMs = Math.round(performance.now() - killedAt);
      break;
    }
  }
  await sleep(1000);
  const report = await load.stop();
  print("SIGKILL one instance", report, {
    sentBeforeKill,
    restartMs,
    rejoinMs,
    oldPid,
    newPid: cluster.instances[0].pid,
    servedByNewInstance: loggedSince(0, offset),
  });
  expect(report.failures).toEqual([]);
  expect(report.sent).toBeGreaterThan(sentBeforeKill);
  expect(cluster.instances[0].pid).not.toBe(oldPid);
  expect(rejoinMs, "the restarted instance serves requests again").toBeGreaterThan(0);
});

test("a rolling restart of both instances loses no request", async () => {
  const load = startLoad(cluster.url, mixedPath);
  await sleep(1000);
  const pids = cluster.instances.map((i) => i.pid);
  const started = performance.now();
  await cluster.rollingRestart();
  const restartMs = Math.round(performance.now() - started);
  await sleep(1000);
  const report = await load.stop();
  print("rolling restart", report, {
    restartMs,
    oldPids: pids,
    newPids: cluster.instances.map((i) => i.pid),
  });
  expect(report.failures).toEqual([]);
  for (const [i, pid] of pids.entries()) expect(cluster.instances[i].pid).not.toBe(pid);
});

test("with every instance down, cached pages keep being served", async () => {
  const cached = [firstStory.path, "/", "/world", "/feed.xml", "/sitemap.xml"];
  for (const page of cached) {
    await fetch(`${cluster.url}${page}`);
    expect((await fetch(`${cluster.url}${page}`)).headers.get("x-cache"), page).toBe("HIT");
  }
  await cluster.stopInstances("SIGKILL");
  const seconds = 10;
  const load = startLoad(cluster.url, (i) => cached[i % cached.length], 4);
  await sleep(seconds * 1000);
  const report = await load.stop();
  // What nothing has cached cannot be served: a plain error page, without a word about nginx.
  const missing = await fetch(`${cluster.url}/search?q=never-asked-before`);
  const body = await missing.text();
  print("every instance down", report, {
    cachedPages: cached,
    servedForSeconds: report.seconds,
    uncachedPageStatus: missing.status,
    note: "beyond s-maxage (2 s) nginx serves stale copies on error, for up to stale-if-error (7 days)",
  });
  expect(report.failures).toEqual([]);
  expect(report.ok).toBeGreaterThan(100);
  expect(missing.status).toBe(502);
  expect(body).toContain("Broadsheet can’t answer that request");
  expect(body).not.toMatch(/nginx/i);
  await cluster.startInstances();
});

test("SIGTERM: requests in flight finish, the health check turns 503, then new connections are refused, exit 0", async () => {
  const { child, exited, base } = await startServer(OPS_PORT + 9);
  // 40 searches at once: the server works through them one by one (each new to its caches).
  const agent = new Agent({ keepAlive: true, maxSockets: 40 });
  const statuses: (number | string)[] = [];
  let firstDone!: () => void;
  const first = new Promise<void>((resolve) => (firstDone = resolve));
  const requests = Array.from(
    { length: 40 },
    (_, i) =>
      new Promise<void>((resolve) => {
        get(`${base}/search?q=trade+shutdown+${i}`, { agent }, (res) => {
          res.resume();
          res.on("end", () => {
            statuses.push(res.statusCode!);
            firstDone();
            resolve();
          });
        }).on("error", (error) => {
          statuses.push(error.message);
          resolve();
        });
      }),
  );
  await first;
  const inFlight = 40 - statuses.length;
  child.kill("SIGTERM");
  await Promise.all(requests);
  // New connections (not ones kept alive from before the signal): while draining, the health
  // check says 503; once the port has closed, they are refused.
  const probe = () =>
    new Promise<string>((resolve) =>
      get(`${base}/healthz`, { agent: false }, (res) => {
        res.resume();
        resolve(`answered ${res.statusCode}`);
      }).on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message)),
    );
  const draining = await probe();
  const code = await exited;
  const refused = await probe();
  agent.destroy();
  console.log(
    `SIGTERM: ${JSON.stringify({ sent: 40, inFlightAtSignal: inFlight, statuses: [...new Set(statuses)], whileDraining: draining, afterExit: refused, exitCode: code })}`,
  );
  expect(inFlight).toBeGreaterThan(0);
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  expect(["answered 503", "ECONNREFUSED"]).toContain(draining);
  expect(refused).toBe("ECONNREFUSED");
  expect(code).toBe(0);
});

for (const target of ["an instance, directly", "nginx"] as const) {
  test(`hostile requests to ${target}: never a 5xx, never reflected, nothing leaked, healthy after`, async () => {
    const port = target === "nginx" ? OPS_PORT : PORT;
    const page = await (await fetch(`http://127.0.0.1:${PORT}${firstStory.path}`)).text();
    const cases = fuzzCases(/\/_next\/static\/[^"]+\.js/.exec(page)![0]);
    const problems: string[] = [];
    const statuses = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const fuzzCase = cases[next++];
        const response = await rawRequest(port, fuzzCase.request);
        const status = response.status === null ? "closed" : String(response.status);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        for (const problem of judge(fuzzCase, response)) problems.push(`${fuzzCase.name}: ${problem}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    console.log(
      `fuzz (${target}): ${JSON.stringify({ cases: cases.length, statuses: Object.fromEntries([...statuses].sort()), problems: problems.length, healthAfter: health.status })}`,
    );
    expect(cases.length).toBeGreaterThanOrEqual(500);
    expect(problems).toEqual([]);
    // Whatever the cases made Next say, every line of the log is still one JSON object.
    await sleep(300);
    expect(instanceLogLines().filter((line) => typeof line === "string")).toEqual([]);
    expect(health.status).toBe(200);
    // Nothing the fuzz sent has replaced a page in the cache.
    const story = await fetch(`http://127.0.0.1:${port}${firstStory.path}`);
    expect(story.headers.get("content-type")).toContain("text/html");
    expect(await story.text()).toContain(firstStory.headline);
  });
}

for (const target of ["an instance, directly", "nginx"] as const) {
  test(`property fuzz of ${target}: no 5xx, nothing leaked or reflected, HEAD as GET, no forged log line, no cache growth from junk`, async () => {
    // Directly: one of the deployment's instances, whose log is checked too.
    const port = target === "nginx" ? OPS_PORT : cluster.instances[0].port;
    const page = await (await fetch(`http://127.0.0.1:${PORT}${firstStory.path}`)).text();
    const asset = /\/_next\/static\/[^"]+\.js/.exec(page)![0];
    const caches = [path.join(cluster.work, "cache"), path.join(cluster.work, "cache-search")];
    const cacheBefore = caches.reduce((n, dir) => n + folderSize(dir).files, 0);
    const logOffsets = cluster.instances.map((_, i) => logSize(i));
    // Every address the fuzz may have added to nginx's cache: the path, and what its route reads.
    const keys = new Set<string>();
    const statuses = new Map<string, number>();
    let sent = 0;
    const details = await fc.check(
      fc.asyncProperty(fuzz.requestArbitrary(asset), async (drawn) => {
        const fuzzCase = fuzz.caseOf(drawn, asset);
        const response = await rawRequest(port, fuzzCase.request);
        sent += 1;
        const status = response.status === null ? "closed" : String(response.status);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (drawn.method === "GET" || drawn.method === "HEAD") {
          const first = (name: string) => drawn.query.find(([k]) => k === name)?.[1] ?? "";
          keys.add(
            drawn.path.startsWith("/search")
              ? `${drawn.path}?${first("q")}&${first("page")}`
              : drawn.path.startsWith("/_next/image")
                ? `${drawn.path}?${first("url")}&${first("w")}&${first("q")}`
                : drawn.path,
          );
        }
        const problems = fuzz.judge(fuzzCase, response);
        if (drawn.method === "HEAD") {
          // A page may change between two requests (a scheduled story falls due, or a stale copy
          // is replaced): a disagreement counts only if a second HEAD and GET repeat it.
          const compare = async (head: typeof response) =>
            fuzz.headVersusGet(
              head,
              await rawRequest(port, fuzz.rawOf(drawn, "GET")),
              target === "nginx" ? ["etag", "content-type", "cache-control", "location"] : undefined,
            );
          let differences = await compare(response);
          if (differences.length > 0) differences = await compare(await rawRequest(port, fuzzCase.request));
          sent += 1;
          problems.push(...differences);
        }
        if (problems.length > 0) throw new Error(`${fuzzCase.name}: ${problems.join("; ")}`);
      }),
      { seed: fuzz.FUZZ_SEED, numRuns: fuzz.FUZZ_RUNS },
    );
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    await sleep(300);
    const cacheAfter = caches.reduce((n, dir) => n + folderSize(dir).files, 0);
    const lines = cluster.instances.flatMap((_, i) => logSince(i, logOffsets[i]).split("\n").filter(Boolean));
    const notJson = lines.filter((line) => {
      try {
        return typeof JSON.parse(line) !== "object";
      } catch {
        return true;
      }
    });
    const forged = lines.filter((line) => !notJson.includes(line) && fuzz.FORGED in JSON.parse(line));
    console.log(
      `property fuzz (${target}): ${JSON.stringify({
        seed: fuzz.FUZZ_SEED,
        runs: details.numRuns,
        requests: sent,
        statuses: Object.fromEntries([...statuses].sort()),
        failed: details.failed,
        counterexample: details.counterexample,
        distinctAddresses: keys.size,
        nginxCacheFiles: { before: cacheBefore, after: cacheAfter },
        logLines: lines.length,
        healthAfter: health.status,
      })}`,
    );
    expect(details.failed, String(details.errorInstance ?? "")).toBe(false);
    expect(details.numRuns).toBe(fuzz.FUZZ_RUNS);
    expect(health.status).toBe(200);
    expect(notJson).toEqual([]);
    expect(forged).toEqual([]);
    // nginx keeps at most one entry per address its routes tell apart, whatever junk came with it.
    expect(cacheAfter - cacheBefore).toBeLessThanOrEqual(keys.size);
  });
}

/** Every line of every instance's log (stdout and stderr), each parsed, or the line that is not JSON. */
function instanceLogLines() {
  return cluster.instances.flatMap((_, i) =>
    readFileSync(path.join(cluster.work, `instance-${i}.log`), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          return line;
        }
      }),
  );
}

test("no request can write a line of the log: every line is JSON, and what a client sent is a field", async () => {
  const forged = JSON.stringify({
    time: "2026-01-01T00:00:00.000Z",
    method: "GET",
    path: "/forged",
    status: 200,
  });
  const payload = encodeURIComponent(`\n${forged}\n`);
  const targets = [
    `/_next/image?url=${payload}&w=64&q=75`,
    `/_next/image?url=%2F${payload}.png&w=64&q=75`,
    `/_next/image?url=%2Flogo.png${payload}&w=64&q=75`,
    `/stories/x${payload}`,
    `/search?q=${payload}`,
    `/${payload}`,
  ];
  for (const base of [`http://127.0.0.1:${cluster.instances[0].port}`, cluster.url]) {
    for (const target of targets) expect((await fetch(`${base}${target}`)).status, target).toBeLessThan(500);
  }
  await sleep(300); // lines are written once per turn of the event loop
  const lines = instanceLogLines();
  const notJson = lines.filter((line) => typeof line === "string");
  const forgedLines = lines.filter((line) => typeof line === "object" && line.path === "/forged");
  const carried = lines.filter(
    (line) => typeof line === "object" && String(line.message ?? "").includes("/forged"),
  );
  console.log(
    `log: ${JSON.stringify({ lines: lines.length, notJson: notJson.length, forged: forgedLines.length, carriedAsMessage: carried.length })}`,
  );
  expect(notJson).toEqual([]);
  expect(forgedLines).toEqual([]);
  // Next did write its message with the client's text in it: as a field of a line of ours.
  expect(carried.length).toBeGreaterThan(0);
});

/**
 * The status of a GET on a connection of its own (fetch keeps connections open, and one kept to
 * a worker that was then killed is reset: what is tested is that new ones are served).
 */
function statusOnNewConnection(url: string) {
  return new Promise<number | string>((resolve) => {
    const request = get(url, { agent: false, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** The processes whose parent is `pid`, from /proc. */
function childPids(pid: number) {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) children.push(Number(entry));
    } catch {
      // It ended while we looked.
    }
  }
  return children.sort((a, b) => a - b);
}

test("an instance serves from a process per core; a worker that dies is replaced while the others serve", async () => {
  const logFile = path.join(cluster.work, "processes.log");
  const { child, exited, base } = await startServer(OPS_PORT + 8, {
    env: { SERVER_PROCESSES: "2" },
    stdio: ["ignore", openSync(logFile, "w"), "inherit"],
  });
  const workers = childPids(child.pid!);
  expect(workers, "two worker processes").toHaveLength(2);

  // Each new connection goes to a worker free to take it: within a few dozen, both have served.
  const servedBy = () =>
    new Set(
      readFileSync(logFile, "utf8")
        .split("\n")
        .filter((line) => line.includes('"method":"GET"'))
        .map((line) => JSON.parse(line).pid),
    );
  for (let i = 0; i < 100 && servedBy().size < 2; i++) {
    expect(await statusOnNewConnection(`${base}${firstStory.path}`)).toBe(200);
    await sleep(20); // log lines are written once per turn of the event loop
  }
  expect([...servedBy()].sort((a, b) => a - b)).toEqual(workers);

  // One worker dies: the other goes on serving, and a new one takes its place.
  process.kill(workers[0], "SIGKILL");
  const statuses: (number | string)[] = [];
  let replaced: number[] = [];
  for (let i = 0; i < 100; i++) {
    statuses.push(await statusOnNewConnection(`${base}/healthz`));
    replaced = childPids(child.pid!);
    const listening = readFileSync(logFile, "utf8").match(/"event":"listening"/g)?.length ?? 0;
    if (replaced.length === 2 && !replaced.includes(workers[0]) && listening === 3) break;
    await sleep(100);
  }
  const log = readFileSync(logFile, "utf8");
  console.log(`processes: ${JSON.stringify({ workers, replaced, statuses: [...new Set(statuses)] })}`);
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  expect(replaced).toHaveLength(2);
  expect(replaced).not.toContain(workers[0]);
  expect(log).toContain(`"event":"worker-exit","pid":${workers[0]}`);

  // A signal to the instance reaches every worker; it exits 0 when they all have.
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  for (const pid of replaced) expect(() => process.kill(pid, 0), `worker ${pid} is gone`).toThrow();
});

test("idle, trickling and flooding connections: closed within seconds, and the health check still answers", async () => {
  const port = OPS_PORT + 7;
  // A low file-descriptor limit, so that a few hundred sockets are a flood.
  const { child, exited, base } = await startServer(port, {
    env: { SERVER_PROCESSES: "1" },
    command: "ulimit -n 256 && exec node server.mjs",
  });
  const health = () =>
    fetch(`${base}/healthz`, { signal: AbortSignal.timeout(3000) }).then(
      (r) => r.status,
      (error: Error) => error.name,
    );

  const started = Date.now();
  const closedAfter: number[] = [];
  const open = (onConnect?: (socket: Socket) => void) =>
    new Promise<Socket>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        onConnect?.(socket);
        resolve(socket);
      });
      socket.on("error", () => {});
      socket.on("close", () => closedAfter.push(Date.now() - started));
    });
  // Trickling: a request line, then a header byte a second, never finishing.
  const tricklers = await Promise.all(
    Array.from({ length: 5 }, () =>
      open((socket) => {
        socket.write("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        const timer = setInterval(() => socket.writable && socket.write("a"), 1000);
        socket.on("close", () => clearInterval(timer));
      }),
    ),
  );
  // Idle: connected, nothing sent; more than the process has file descriptors for.
  const idle = await Promise.all(Array.from({ length: 300 }, () => open()));
  const during = [];
  for (let i = 0; i < 5; i++) during.push(await health());
  // Everything is closed within the header timeout (10 s) and a check (1 s).
  const all = [...tricklers, ...idle];
  for (let i = 0; i < 150 && all.some((socket) => !socket.destroyed); i++) await sleep(100);
  const stillOpen = all.filter((socket) => !socket.destroyed).length;
  const after = await health();
  console.log(
    `connections: ${JSON.stringify({ opened: all.length, healthDuringFlood: during, lastClosedAfterMs: Math.max(...closedAfter), stillOpen, healthAfter: after })}`,
  );
  for (const socket of all) socket.destroy();
  child.kill("SIGTERM");
  await exited;
  expect(during).toEqual([200, 200, 200, 200, 200]);
  expect(stillOpen).toBe(0);
  expect(Math.max(...closedAfter)).toBeLessThan(13_000);
  expect(after).toBe(200);
});
