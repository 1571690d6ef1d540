import { modelText, textFeatures } from './features.js'
import { sigmoid } from './logistic.js'

/**
 * One regulation's part of the scope model (src/triage/model/training.ts `sliceOf`): each plain feature's weight is
 * its shared weight plus the regulation's own, so a request's features are looked up once.
 */
export interface ScopeModelSlice {
  bias: number
  weights: Record<string, number>
}

/** P(in) of a request under one regulation. */
export class ScopeModel {
  private readonly weights: Map<string, number>

  constructor(private readonly slice: ScopeModelSlice) {
    this.weights = new Map(Object.entries(slice.weights))
  }

  probability(text: string): number {
    const features = textFeatures(modelText(text))
    if (!features.length) return sigmoid(this.slice.bias)
    let sum = 0
    for (const f of features) sum += this.weights.get(f) ?? 0
    // every feature was trained twice, shared and prefixed: 1/√n counts both copies
    return sigmoid(this.slice.bias + sum / Math.sqrt(2 * features.length))
  }
}
