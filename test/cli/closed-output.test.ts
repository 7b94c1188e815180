import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { dropOutputToClosedReaders } from '../../src/cli/closed-output.js';

/** A stream whose reader went away: every write fails with `code`. */
function closedStream(code: string): NodeJS.WriteStream {
  const stream = new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
  return stream as unknown as NodeJS.WriteStream;
}

describe('dropOutputToClosedReaders', () => {
  it('drops output to a reader that went away (EPIPE) instead of failing the command', async () => {
    const stream = closedStream('EPIPE');
    dropOutputToClosedReaders([stream]);
    stream.write('first line\n');
    await new Promise((resolve) => setImmediate(resolve));
    // Later writes are accepted and dropped, never raised.
    expect(stream.write('second line\n')).toBe(true);
  });

  it('still raises any other output error', async () => {
    const stream = closedStream('EIO');
    dropOutputToClosedReaders([stream]);
    const raised = new Promise<unknown>((resolve) => {
      const listeners = stream.listeners('error') as ((e: unknown) => void)[];
      stream.removeAllListeners('error');
      stream.on('error', (e) => {
        try {
          for (const l of listeners) l(e);
          resolve(undefined);
        } catch (thrown) {
          resolve(thrown);
        }
      });
    });
    stream.write('line\n');
    expect(await raised).toMatchObject({ code: 'EIO' });
  });
});
