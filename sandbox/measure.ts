/** A performance measure from a mark, for the browser tests to read; never throws if the mark is gone. */
export function measure(name: string, from: string, detail?: object) {
  try {
    performance.measure(name, { start: from, detail })
  } catch {
    // The mark was cleared (a test reset the timeline): nothing to measure against.
  }
}
