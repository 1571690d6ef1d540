import { modelText, textFeatures } from './features.js'
import { sigmoid } from './logistic.js'
import { tableBytes, WeightTable } from './table.js'

/**
 * One regulation's part of the scope model (src/triage/model/training.ts `sliceOf`): each plain feature's weight is
 * its shared weight plus the regulation's own. The features are one sorted, newline-separated string and the
 * weights an array in the same order. A command reads it as the build wrote it, a hash table (table.ts).
 */
export interface ScopeModelSlice {
  bias: number
  features: string
  weights: number[]
}

/** P(in) of a request under one regulation. */
export class ScopeModel {
  private readonly table: WeightTable

  /** from a slice (a model trained on first use, or in an evaluation) or from the table the build wrote */
  constructor(model: ScopeModelSlice | WeightTable) {
    this.table = model instanceof WeightTable ? model : new WeightTable(tableBytes(model))
  }

  probability(text: string): number {
    const features = textFeatures(modelText(text))
    const { table } = this
    if (!features.length) return sigmoid(table.bias)
    let sum = 0
    for (const f of features) sum += table.weightOf(f)
    // every feature was trained twice, shared and prefixed: 1/√n counts both copies
    return sigmoid(table.bias + sum / Math.sqrt(2 * features.length))
  }
}
