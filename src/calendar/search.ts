/**
 * The one binary search of the business-time engine (src/calendar/clock.ts, day-index.ts): the first index in
 * [lo, hi) whose value is above `x` — or at least `x` with `orEqual` — in an ascending array; `hi` when none is.
 *
 * @example
 * bisect(Float64Array.of(1, 3, 3, 5), 0, 4, 3)        //=> 3 (the first value above 3)
 * bisect(Float64Array.of(1, 3, 3, 5), 0, 4, 3, true)  //=> 1 (the first value at least 3)
 */
export function bisect(arr: Float64Array | Int32Array, lo: number, hi: number, x: number, orEqual = false): number {
  let a = lo
  let b = hi
  while (a < b) {
    const m = (a + b) >>> 1
    const v = arr[m] as number
    if (v < x || (v === x && !orEqual)) a = m + 1
    else b = m
  }
  return a
}
