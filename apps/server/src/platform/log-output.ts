import pino from 'pino';

export interface LogOutput {
  /** pino's destination: buffered, asynchronous writes (logging never blocks a request). */
  stream: ReturnType<typeof pino.destination>;
  /** pino's hooks: they note that a line is waiting in the buffer. */
  hooks: { streamWrite: (line: string) => string };
  /** Stops the periodic flush (the server closes). */
  stop(): void;
}

/**
 * The logger's output: lines pile up in a 4 KB buffer and are written together, and a quiet
 * server's lines do not wait for the buffer to fill: every `intervalMs` what is waiting is written.
 * Only when something is: sonic-boom's flush() writes even an empty buffer, and it keeps no public
 * count of what is waiting, so the logger's streamWrite hook notes it. pino flushes the rest at exit.
 */
export function bufferedLogOutput(options: { dest?: number | string; intervalMs?: number } = {}): LogOutput {
  const stream = pino.destination({ dest: options.dest ?? 1, sync: false, minLength: 4096 });
  let waiting = false;
  const timer = setInterval(() => {
    if (!waiting) return;
    waiting = false;
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
        waiting = true;
        return line;
      },
    },
    stop: () => clearInterval(timer),
  };
}
