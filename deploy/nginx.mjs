// @ts-check
/**
 * Runs Debian's nginx with a configuration of ours, in a folder of ours, on loopback ports: for
 * the benchmark's static baseline and the reference deployment. Nothing outside `dir` is
 * written (the error log given with -e, the pid file and the temp paths all live in it).
 * It lives in deploy/, the lower layer: the scripts import it from here, deploy/ imports nothing
 * from scripts/.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

export function nginxAvailable() {
  return existsSync(NGINX);
}

/**
 * The directives every configuration here starts with; `http` is the http block's contents.
 *
 * @param {string} dir the folder of its pid file, logs and temp paths
 * @param {string} http
 */
export function nginxConf(dir, http) {
  return `# Written by Broadsheet's scripts; safe to delete.
daemon on;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  server_tokens off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
${http}
}
`;
}

/**
 * Writes the configuration, checks it (nginx -t) and starts nginx. Returns stop().
 *
 * @param {string} dir
 * @param {string} conf
 */
export function startNginx(dir, conf) {
  if (!nginxAvailable()) throw new Error(`nginx is not installed (apt-get install nginx): no ${NGINX}`);
  mkdirSync(path.join(dir, "tmp"), { recursive: true });
  const file = path.join(dir, "nginx.conf");
  writeFileSync(file, conf);
  const args = ["-p", dir, "-e", path.join(dir, "error.log"), "-c", file];
  const check = spawnSync(NGINX, [...args, "-t", "-q"], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx rejected ${file}:\n${check.stderr}`);
  const start = spawnSync(NGINX, args, { encoding: "utf8" });
  if (start.status !== 0) throw new Error(`nginx did not start:\n${start.stderr}`);
  const pidFile = path.join(dir, "nginx.pid");
  const pid = Number(readFileSync(pidFile, "utf8"));
  return {
    pid,
    /** @param {string} newConf */
    reload(newConf) {
      writeFileSync(file, newConf);
      const reload = spawnSync(NGINX, [...args, "-s", "reload"], { encoding: "utf8" });
      if (reload.status !== 0) throw new Error(`nginx did not reload:\n${reload.stderr}`);
    },
    stop() {
      try {
        process.kill(pid, "SIGTERM"); // fast shutdown of the master and its workers
      } catch {
        // Already gone.
      }
    },
  };
}
