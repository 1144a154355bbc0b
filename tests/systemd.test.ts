/**
 * The systemd units in deploy/systemd/, checked by `systemd-analyze verify` as systemd itself
 * would load them: every unit file, every template (as an instance), every drop-in (with the
 * unit it extends, e.g. Debian's nginx.service). Any line verify prints fails the test: systemd
 * only warns about an unknown directive or a value it cannot parse, ignores it, and exits 0.
 *
 * The units are copied to a folder of their own and put first on systemd's search path
 * (SYSTEMD_UNIT_PATH, whose trailing colon keeps the machine's own folders after it, for the units
 * they extend or name). verify also checks that each command a unit runs exists: node on systemd's
 * search path, /usr/bin/redis-server, and for the drop-in Debian's nginx.service; CI installs them
 * (.ci/run). The test cannot be skipped: without systemd-analyze (Debian's systemd package) it
 * fails, saying so.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SHIPPED = path.resolve(__dirname, "../deploy/systemd");
const UNIT_SUFFIXES = [".service", ".target", ".socket", ".timer", ".path", ".mount", ".slice"];
/** Files in deploy/systemd/ that are not units; anything else unknown fails the test. */
const NOT_UNITS = new Set(["README.md", "broadsheet.env"]);
/** The instance a template is checked as: broadsheet@.service as broadsheet@8081.service. */
const INSTANCE = "8081";

type Shipped = { units: string[]; dropIns: string[] };

/** The unit files and drop-in folders shipped, refusing a file that is neither (a misspelt suffix). */
function shipped(): Shipped {
  const units: string[] = [];
  const dropIns: string[] = [];
  for (const name of readdirSync(SHIPPED).sort()) {
    const file = path.join(SHIPPED, name);
    if (statSync(file).isDirectory() && name.endsWith(".d")) {
      for (const conf of readdirSync(file)) {
        if (!conf.endsWith(".conf")) throw new Error(`${name}/${conf}: a drop-in must end in .conf`);
        dropIns.push(`${name}/${conf}`);
      }
    } else if (UNIT_SUFFIXES.some((suffix) => name.endsWith(suffix))) {
      units.push(name);
    } else if (!NOT_UNITS.has(name)) {
      throw new Error(
        `deploy/systemd/${name} is neither a unit nor a drop-in folder; add it to NOT_UNITS if it is neither`,
      );
    }
  }
  return { units, dropIns };
}

/** The names verify loads: a template as one instance, a drop-in's folder as its unit. */
function namesToVerify({ units, dropIns }: Shipped): string[] {
  const names = units.map((unit) => unit.replace(/@(\.[a-z]+)$/, `@${INSTANCE}$1`));
  for (const dropIn of dropIns) {
    const unit = path.dirname(dropIn).replace(/\.d$/, "");
    if (!names.includes(unit)) names.push(unit);
  }
  return names;
}

function systemdAnalyze(): string {
  const found = spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" });
  if (found.error) {
    throw new Error(
      "systemd-analyze is not installed, and this test checks the units in deploy/systemd/ with it: " +
        "apt-get install systemd (.ci/run does)",
    );
  }
  return found.stdout.split("\n")[0];
}

/** `systemd-analyze verify` on `names`, with the units in `dir` first on the search path. */
function verify(dir: string, names: string[]) {
  const result = spawnSync(
    "systemd-analyze",
    // No man pages (a unit's Documentation=man:... needs man-db), no generators (they describe
    // this machine's fstab and the like, not the units).
    ["verify", "--man=no", "--generators=no", ...names],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        SYSTEMD_UNIT_PATH: `${dir}:`,
        // Warnings are what matter: never let the environment hide them.
        SYSTEMD_LOG_LEVEL: "info",
        SYSTEMD_LOG_COLOR: "0",
      },
    },
  );
  if (result.error) throw result.error;
  // Lines name the copies: name the files in the repository instead.
  const output = `${result.stdout}${result.stderr}`.trim().replaceAll(`${dir}/`, "deploy/systemd/");
  return { status: result.status, output };
}

/** Why verify fails when the machine, not the unit, lacks something. */
function hint(output: string): string {
  const hints: string[] = [];
  if (/Command \S+ is not executable/.test(output)) {
    hints.push(
      "a program a unit runs is not there: misspelt in the unit, or not installed on this machine " +
        "(node on systemd's search path, /usr/bin/redis-server: apt-get install nodejs redis-server)",
    );
  }
  if (/Unit \S+ not found/.test(output)) {
    hints.push("a unit a drop-in extends is not on this machine (nginx.service: apt-get install nginx)");
  }
  return hints.length ? `\n(${hints.join("; ")})` : "";
}

describe("deploy/systemd", () => {
  let dir: string;
  let version: string;
  const units = shipped();
  const names = namesToVerify(units);

  beforeAll(() => {
    version = systemdAnalyze();
    dir = mkdtempSync(path.join(tmpdir(), "broadsheet-systemd-"));
    for (const unit of units.units) cpSync(path.join(SHIPPED, unit), path.join(dir, unit));
    for (const dropIn of units.dropIns) cpSync(path.join(SHIPPED, dropIn), path.join(dir, dropIn));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("ships the instance template, the target, Redis and the nginx drop-in", () => {
    expect(units.units).toEqual(["broadsheet-redis.service", "broadsheet.target", "broadsheet@.service"]);
    expect(units.dropIns).toEqual(["nginx.service.d/broadsheet.conf"]);
    expect(names).toEqual([
      "broadsheet-redis.service",
      "broadsheet.target",
      `broadsheet@${INSTANCE}.service`,
      "nginx.service",
    ]);
  });

  it("every unit and drop-in passes systemd-analyze verify without a word", () => {
    const { status, output } = verify(dir, names);
    const message = `${version}: systemd-analyze verify ${names.join(" ")}\n${output}${hint(output)}`;
    expect(output, message).toBe("");
    expect(status, message).toBe(0);
  });

  // The check above only means something if verify, run this way, reads these files and speaks up.
  it("would fail on a misspelt directive, in a unit or in a drop-in", () => {
    const broken = mkdtempSync(path.join(tmpdir(), "broadsheet-systemd-broken-"));
    try {
      cpSync(dir, broken, { recursive: true });
      const template = path.join(broken, "broadsheet@.service");
      writeFileSync(template, readFileSync(template, "utf8").replace(/^Restart=always$/m, "Restrat=always"));
      const dropIn = path.join(broken, "nginx.service.d", "broadsheet.conf");
      writeFileSync(dropIn, readFileSync(dropIn, "utf8").replace(/^After=/m, "Afterr="));
      const { output } = verify(broken, names);
      expect(output).toMatch(
        /^deploy\/systemd\/broadsheet@\.service:\d+: Unknown key 'Restrat' in section \[Service\]/m,
      );
      expect(output).toMatch(
        /^deploy\/systemd\/nginx\.service\.d\/broadsheet\.conf:\d+: Unknown key 'Afterr' in section \[Unit\]/m,
      );
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it("instances stop as decision 0008 and server.mjs say: SIGTERM to the supervisor, 15 s to finish", () => {
    const template = readFileSync(path.join(SHIPPED, "broadsheet@.service"), "utf8");
    const lines = template.split("\n");
    for (const line of ["Restart=always", "KillSignal=SIGTERM", "KillMode=mixed", "TimeoutStopSec=15"]) {
      expect(lines).toContain(line);
    }
    // Each instance on its own port, on loopback only.
    expect(lines).toContainEqual(expect.stringMatching(/^Environment=.* PORT=%i HOSTNAME=127\.0\.0\.1 /));
  });
});
