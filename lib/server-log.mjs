// @ts-check
/**
 * The server's log: every line it writes, on stdout or stderr, is one JSON object.
 *
 * Its own lines (a request, an event) are written together once per turn of the event loop,
 * in writes of whole lines of at most PIPE_BUF (4,096) bytes: the workers of one server share
 * its stdout, and a pipe takes at most that much in one piece, so no line is ever cut by
 * another's. Whatever else writes to stdout or stderr (Next's own messages, such as an image
 * it could not optimize, with the request's URL in them) is captured by captureOutput() and
 * written as the `message` of a JSON line: nothing a client sends can start a line.
 */
/** The most a pipe takes in one write without interleaving it with another's. */
const WRITE_BYTES = 4096;
/** Characters of any one logged text: escaped, a line stays under WRITE_BYTES. */
export const TEXT_CHARS = 500;

const streams = {
  stdout: { write: process.stdout.write.bind(process.stdout), lines: /** @type {string[]} */ ([]) },
  stderr: { write: process.stderr.write.bind(process.stderr), lines: /** @type {string[]} */ ([]) },
};

/** A text cut to TEXT_CHARS characters. */
export const clip = (/** @type {string} */ text) =>
  text.length > TEXT_CHARS ? `${text.slice(0, TEXT_CHARS)}…` : text;

/**
 * Logs one line: `fields` after the time, as JSON.
 *
 * @param {Record<string, unknown>} fields
 * @param {"stdout" | "stderr"} [to]
 */
export function log(fields, to = "stdout") {
  const stream = streams[to];
  if (stream.lines.length === 0) setImmediate(flush);
  stream.lines.push(JSON.stringify({ time: new Date().toISOString(), ...fields }));
}

// The content store and the page cache log through this when the server runs (lib/store.mjs).
/** @type {any} */ (globalThis)[Symbol.for("broadsheet.log")] = log;

/** Writes what is waiting, in whole lines of at most WRITE_BYTES per write. */
export function flush() {
  for (const stream of Object.values(streams)) {
    let chunk = "";
    for (const line of stream.lines) {
      if (chunk && Buffer.byteLength(chunk) + Buffer.byteLength(line) + 1 > WRITE_BYTES) {
        stream.write(chunk);
        chunk = "";
      }
      chunk += `${line}\n`;
    }
    if (chunk) stream.write(chunk);
    stream.lines = [];
  }
}
process.on("exit", flush);

/** Terminal colours and other escape sequences, which Next puts in its messages. */
const ESCAPES = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/**
 * From now on, anything written to stdout or stderr other than through log() becomes a JSON
 * line `{"time":…,"event":"output","message":…}` on the same stream, one per line of text.
 */
export function captureOutput() {
  for (const [name, target] of /** @type {const} */ ([
    ["stdout", process.stdout],
    ["stderr", process.stderr],
  ])) {
    let partial = "";
    process.on("exit", () => {
      if (partial.trim()) log({ event: "output", message: clip(partial.replace(ESCAPES, "").trim()) }, name);
      flush();
    });
    /** @type {any} */ (target).write = (
      /** @type {string | Uint8Array} */ data,
      /** @type {any} */ encoding,
      /** @type {any} */ callback,
    ) => {
      const text = partial + (typeof data === "string" ? data : Buffer.from(data).toString("utf8"));
      const lines = text.split(/\r?\n/);
      partial = lines.pop() ?? "";
      for (const line of lines) {
        const message = line.replace(ESCAPES, "").trim();
        if (message) log({ event: "output", message: clip(message) }, name);
      }
      const done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") setImmediate(done);
      return true;
    };
  }
}
