import { modelText, textFeatures } from './features.js'
import { sigmoid } from './logistic.js'

/**
 * One regulation's part of the scope model (src/triage/model/training.ts `sliceOf`): each plain feature's weight is
 * its shared weight plus the regulation's own. The features are one sorted, newline-separated string and the
 * weights an array in the same order: a command parses them in a few milliseconds and looks a request's few dozen
 * features up by binary search, where building a Map of thousands of entries would cost more than the request.
 */
export interface ScopeModelSlice {
  bias: number
  features: string
  weights: number[]
}

/** P(in) of a request under one regulation. */
export class ScopeModel {
  /** where each feature's line begins in `slice.features`, and one past the end: a command splits no strings */
  private readonly starts: Uint32Array

  constructor(private readonly slice: ScopeModelSlice) {
    const text = slice.features
    const starts = [0]
    if (text) {
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1)
      starts.push(text.length + 1)
    }
    this.starts = Uint32Array.from(starts)
  }

  probability(text: string): number {
    const features = textFeatures(modelText(text))
    if (!features.length) return sigmoid(this.slice.bias)
    let sum = 0
    for (const f of features) sum += this.weightOf(f)
    // every feature was trained twice, shared and prefixed: 1/√n counts both copies
    return sigmoid(this.slice.bias + sum / Math.sqrt(2 * features.length))
  }

  private weightOf(feature: string): number {
    const { starts } = this
    const text = this.slice.features
    let lo = 0
    let hi = starts.length - 2
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const f = text.slice(starts[mid] as number, (starts[mid + 1] as number) - 1)
      if (f === feature) return this.slice.weights[mid] ?? 0
      if (f < feature) lo = mid + 1
      else hi = mid - 1
    }
    return 0
  }
}
