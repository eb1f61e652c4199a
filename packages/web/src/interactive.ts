/** The mark the benchmark reads: the collaboration list has been drawn. */
export const INTERACTIVE_MARK = 'weframe:interactive';

/** Sets the mark once per page load, however often it is called. */
export function markInteractive(): void {
  if (performance.getEntriesByName(INTERACTIVE_MARK, 'mark').length === 0) {
    performance.mark(INTERACTIVE_MARK);
  }
}
