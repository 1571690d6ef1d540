/**
 * L2-regularised logistic regression over sparse binary features, trained with AdaGrad. Hand-written because it is
 * small, deterministic and dependency-free (a seeded shuffle, no native code): the build trains the shipped
 * regulations' scope models with it, and a user's own regulation is trained on first use (docs/ARCHITECTURE.md).
 */

/** One training example: its feature ids, the target P(in) (1 in, 0 out, 0.5 unclear) and how much it counts. */
export interface Example {
  /** the ids of the features the model learns */
  features: readonly number[]
  /** how many features the text has, learnt or not: each counts 1/√length */
  length: number
  target: number
  weight: number
}

export interface TrainOptions {
  epochs: number
  /** AdaGrad's base learning rate */
  rate: number
  /** L2 penalty per update, scaled by the example's weight */
  l2: number
  seed: number
  /** per example, the score of weights fixed before training (a frozen base model), added to the model's own */
  offsets?: Float64Array
}

export const DEFAULT_TRAINING: TrainOptions = { epochs: 25, rate: 0.2, l2: 1e-5, seed: 20261205 }

export interface LinearModel {
  bias: number
  /** one weight per feature id */
  weights: Float64Array
}

/** The score of an example: each feature counts 1/√n, so a long letter does not outweigh a short one by its length. */
export function linearScore(model: LinearModel, features: readonly number[], length: number): number {
  if (!length) return model.bias
  let sum = 0
  for (const f of features) sum += model.weights[f] ?? 0
  return model.bias + sum / Math.sqrt(length)
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))
}

export function trainLogistic(examples: readonly Example[], featureCount: number, options: TrainOptions): LinearModel {
  const model: LinearModel = { bias: 0, weights: new Float64Array(featureCount) }
  const squares = new Float64Array(featureCount)
  let biasSquares = 0
  const order = examples.map((_, i) => i)
  const random = mulberry32(options.seed)
  const offsets = options.offsets
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random)
    for (const i of order) {
      const e = examples[i] as Example
      const scale = e.length ? 1 / Math.sqrt(e.length) : 0
      const p = sigmoid(linearScore(model, e.features, e.length) + (offsets?.[i] ?? 0))
      const g = (p - e.target) * e.weight
      biasSquares += g * g
      model.bias -= (options.rate * g) / Math.sqrt(biasSquares + 1e-8)
      for (const f of e.features) {
        const w = model.weights[f] as number
        const gf = g * scale + options.l2 * e.weight * w
        const s = (squares[f] as number) + gf * gf
        squares[f] = s
        model.weights[f] = w - (options.rate * gf) / Math.sqrt(s + 1e-8)
      }
    }
  }
  return model
}

/** A small, fast, seeded PRNG: the same seed gives the same model on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = items[i] as number
    items[i] = items[j] as number
    items[j] = t
  }
}
