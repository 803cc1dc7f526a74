import type { Readable } from 'node:stream';

/** What a download may hold in memory before the writer waits for the client to take it. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Waits until the client has taken what the writer produced (the XLSX and PDF writers push without
 * backpressure of their own), so memory stays bounded however slow the download. `backlog` names
 * bytes held further up the writer's own pipeline. Resolves at once when the stream is gone (the
 * client left): the caller then stops.
 */
export async function untilConsumed(
  stream: Readable,
  backlog: () => number = () => 0,
  limit = MAX_BUFFERED_BYTES,
): Promise<void> {
  while (!stream.destroyed && stream.readableLength + backlog() > limit) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Lets other requests run between slices of a long synchronous write (a PDF page, XLSX rows). */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Rows written between two yields: a few tens of milliseconds of work at most. */
export const ROWS_PER_SLICE = 100;
