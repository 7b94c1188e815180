import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../src/commands/build/progress-line.js';

function stream(isTTY: boolean) {
  let text = '';
  return { isTTY, write: (s: string) => ((text += s), true), text: () => text } as unknown as NodeJS.WriteStream & { text(): string };
}

describe('progressLine', () => {
  it('redraws one line on a terminal and ends it when the work is done', () => {
    const tty = stream(true);
    const show = progressLine(tty, 300, 'compiling');
    show(0);
    show(300);
    expect(tty.text()).toBe('\rcompiling 0/300\rcompiling 300/300\n');
  });

  it('stays silent when stderr is not a terminal, or the work is small', () => {
    const pipe = stream(false);
    progressLine(pipe, 5000, 'compiling')(5000);
    const tty = stream(true);
    progressLine(tty, 10, 'compiling')(10);
    expect(pipe.text() + tty.text()).toBe('');
  });
});
