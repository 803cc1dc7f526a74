import pino from 'pino';

export interface LogOutput {
  /** pino's destination: buffered, asynchronous writes (logging never blocks a request). */
  stream: ReturnType<typeof pino.destination>;
  /** pino's hooks: they count the bytes handed to the stream. */
  hooks: { streamWrite: (line: string) => string };
  /** Stops the periodic flush (the server closes). */
  stop(): void;
}

/**
 * The logger's output: lines pile up in a 4 KB buffer and are written together, and a quiet
 * server's lines do not wait for the buffer to fill: every `intervalMs` what is waiting is written.
 * Only when something is: sonic-boom's flush() writes even an empty buffer, and does nothing while
 * a write is under way (a tail under 4 KB would then wait for the next line). So the bytes handed to
 * the stream (pino's streamWrite hook) and those written (sonic-boom's 'write' event) are counted,
 * and each tick flushes while some are still waiting. pino flushes the rest at exit.
 */
export function bufferedLogOutput(options: { dest?: number | string; intervalMs?: number } = {}): LogOutput {
  const stream = pino.destination({ dest: options.dest ?? 1, sync: false, minLength: 4096 });
  let waitingBytes = 0;
  stream.on('write', (written: number) => {
    waitingBytes = Math.max(0, waitingBytes - written);
  });
  const timer = setInterval(() => {
    if (waitingBytes === 0) return;
    try {
      stream.flush();
    } catch {
      // The stream was closed (the process is ending): nothing left to flush.
    }
  }, options.intervalMs ?? 1000);
  timer.unref();
  return {
    stream,
    hooks: {
      streamWrite(line) {
        waitingBytes += Buffer.byteLength(line);
        return line;
      },
    },
    stop: () => clearInterval(timer),
  };
}
