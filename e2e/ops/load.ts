/**
 * Steady load for the fault tests: `concurrency` clients, each sending one request after
 * another over keep-alive connections, until stopped. Every response is checked (status and a
 * complete body); what failed is kept with its reason.
 */
import { Agent, get } from "node:http";

export type LoadReport = {
  sent: number;
  ok: number;
  failed: number;
  failures: string[];
  seconds: number;
  p50Ms: number;
  p99Ms: number;
};

/**
 * `nextPath(i)` gives the i-th request's path (cached pages, uncached searches, ...). The
 * requests come from `readers` client addresses in turn (127.1.0.1 and on: every 127.x address
 * is this machine), as a crowd of readers would, each on its own keep-alive connection: nginx
 * limits searches per client address (deploy/nginx.conf), and one address sending them all would
 * be one client flooding it.
 */
export function startLoad(base: string, nextPath: (i: number) => string, concurrency = 8, readers = 200) {
  const agents = Array.from(
    { length: readers },
    (_, i) =>
      new Agent({
        keepAlive: true,
        maxSockets: concurrency,
        localAddress: `127.1.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      }),
  );
  const latencies: number[] = [];
  const failures: string[] = [];
  let sent = 0;
  let ok = 0;
  let running = true;
  const started = performance.now();

  const one = (path: string, i: number) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const agent = agents[i % agents.length];
      const req = get(`${base}${path}`, { agent, headers: { "Accept-Encoding": "gzip" } }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => {
          latencies.push(performance.now() - t0);
          const expected = Number(res.headers["content-length"] ?? bytes);
          if (res.statusCode !== 200) failures.push(`${path}: ${res.statusCode}`);
          else if (!res.complete || bytes !== expected)
            failures.push(`${path}: ${bytes} of ${expected} bytes`);
          else ok += 1;
          resolve();
        });
        res.on("error", (error) => {
          failures.push(`${path}: ${error.message}`);
          resolve();
        });
      });
      req.on("error", (error) => {
        failures.push(`${path}: ${error.message}`);
        resolve();
      });
      req.setTimeout(15_000, () => req.destroy(new Error("timed out after 15 s")));
    });

  const client = async () => {
    while (running) {
      const i = sent++;
      await one(nextPath(i), i);
    }
  };
  const clients = Array.from({ length: concurrency }, client);

  return {
    get sent() {
      return sent;
    },
    async stop(): Promise<LoadReport> {
      running = false;
      await Promise.all(clients);
      for (const agent of agents) agent.destroy();
      const sorted = [...latencies].sort((a, b) => a - b);
      const pct = (p: number) =>
        +(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0).toFixed(1);
      return {
        sent,
        ok,
        failed: failures.length,
        failures: failures.slice(0, 20),
        seconds: +((performance.now() - started) / 1000).toFixed(1),
        p50Ms: pct(0.5),
        p99Ms: pct(0.99),
      };
    },
  };
}
