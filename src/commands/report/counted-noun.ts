/** `1 detection`, `3 detections`: a count with its noun. */
export function countedNoun(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
