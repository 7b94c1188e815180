/**
 * A one-line progress indicator on a terminal (stderr), redrawn in place at most every 100 ms.
 * Silent when stderr is not a terminal or the work is small, so logs and CI stay clean.
 */
export function progressLine(stream: NodeJS.WriteStream, total: number, label: string, minimum = 200): (done: number) => void {
  if (!stream.isTTY || total < minimum) return () => {};
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    stream.write(`\r${label} ${done}/${total}${done >= total ? '\n' : ''}`);
  };
}
