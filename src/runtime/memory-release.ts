/**
 * Lets go of garbage at the two moments a large input leaves a large dead copy behind (raw bytes
 * once decoded, the text once parsed). V8 would otherwise grow the heap well past the live data
 * before collecting, and a 100 MB stdin would peak above the runtime's 400 MB budget. Only for
 * large inputs: a full collection costs a few milliseconds.
 */
const LARGE_INPUT_BYTES = 16 * 1024 * 1024;

let collect: (() => void) | undefined | null;

export async function releaseMemory(inputBytes: number): Promise<void> {
  if (inputBytes < LARGE_INPUT_BYTES) return;
  if (collect === undefined) {
    try {
      const v8 = await import('node:v8');
      const vm = await import('node:vm');
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
