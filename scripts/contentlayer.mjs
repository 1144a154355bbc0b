#!/usr/bin/env node
/**
 * Runs the contentlayer2 CLI without effect-ts execution tracing.
 *
 * The CLI switches tracing on as its first import. Every fiber then keeps ring buffers of
 * execution traces, and with thousands of documents copying them dominates the build: a CPU
 * profile of the 10,000-story content build spent 57 of 148 s in RingBuffer.list and 20 s in
 * garbage collection. Loading effect-ts's runtime first creates its default platform while
 * tracing is still off; the CLI's switch then comes too late to matter. Output and errors are
 * unchanged (the traces only feed effect-ts's own stack reports).
 */
// @ts-expect-error: its types exist, but its package.json "exports" do not name them
await import("@effect-ts/system/Effect/runtime");
const { run } = await import("@contentlayer2/cli");
await run();
