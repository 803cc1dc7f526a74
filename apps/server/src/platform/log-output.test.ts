import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bufferedLogOutput } from './log-output.js';

describe('the buffered log output', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'cajachica-log-'));

  it('writes a quiet server’s lines within the interval, and flushes only when lines wait', async () => {
    const file = path.join(folder, 'server.log');
    const output = bufferedLogOutput({ dest: file, intervalMs: 50 });
    await new Promise((resolve) => output.stream.once('ready', resolve));
    const flush = vi.spyOn(output.stream, 'flush');
    const logger = pino({ hooks: output.hooks }, output.stream);

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(flush).not.toHaveBeenCalled(); // nothing logged, nothing written

    logger.info({ reqId: 'a1' }, 'request');
    expect(readFileSync(file, 'utf8')).toBe(''); // still in the 4 KB buffer
    await vi.waitFor(() => expect(readFileSync(file, 'utf8')).toContain('"reqId":"a1"'), { timeout: 2000 });
    const flushes = flush.mock.calls.length;
    expect(flushes).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(flush.mock.calls.length).toBe(flushes); // written once, then quiet again
    output.stop();
    output.stream.end();
  });

  it('flushes again while lines still wait (a flush during a write does nothing)', async () => {
    const file = path.join(folder, 'busy.log');
    const output = bufferedLogOutput({ dest: file, intervalMs: 50 });
    try {
      await new Promise((resolve) => output.stream.once('ready', resolve));
      // sonic-boom's flush() returns at once while a write is under way: the first one here does.
      const flush = vi.spyOn(output.stream, 'flush').mockImplementationOnce(() => {});
      const logger = pino({ hooks: output.hooks }, output.stream);
      logger.info({ reqId: 'last' }, 'request');
      await vi.waitFor(() => expect(readFileSync(file, 'utf8')).toContain('"reqId":"last"'), {
        timeout: 2000,
      });
      expect(flush.mock.calls.length).toBe(2);
    } finally {
      output.stop();
      output.stream.end();
    }
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));
});
