import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { compiledBinary, compiledValue } from '../../data/compiled.js'
import type { Regulation } from '../../regulation/load.js'
import { topicsSource } from '../topic-index.js'
import { ScopeModel, type ScopeModelSlice } from './scope-model.js'
import { WeightTable } from './table.js'
import { matchTexts, type ScopeModelData, sliceOf, trainScopeModel } from './training.js'

/** Bumped when features or training change: every model made before is then trained again. */
export const MODEL_FORMAT = 'scope-model 2'

/**
 * The build's entry of a shipped regulation's model: what it was made from is the entry's source (modelSource); its
 * weights are the table beside it (table.ts), of this many bytes.
 */
export interface CompiledModel {
  tableBytes: number
}
/** The key of the shipped model's shared weights among the build's data (src/data/compiled.ts). */
export const SHARED_MODEL_KEY = 'model:shared'

export function modelKey(reg: Regulation): string {
  return `model:${reg.id}`
}

/** What a regulation's model is made from: its topics (their match data), so an edited file is trained afresh. */
export function modelSource(reg: Regulation): string {
  return `${MODEL_FORMAT}\n${reg.id}\n${topicsSource(reg)}`
}

export interface ModelLoading {
  /** where models of regulations the build did not see are kept (the user cache directory) */
  cacheDir?: string
  /** told once when a model is trained, before it is used */
  onTrain?: (message: string) => void
}

interface CachedModel {
  source: string
  slice: ScopeModelSlice
}

const models = new WeakMap<Regulation, ScopeModel>()

/**
 * The scope model of a regulation: the build's slice for a shipped regulation (or a file with the same topics);
 * for any other, the one trained from its match data on first use and kept in the cache directory under the hash of
 * what it was made from. A cached file is used only for the very source it records, so a collision or an edit can
 * never give a regulation another's model.
 */
export function scopeModelFor(reg: Regulation, loading: ModelLoading = {}): ScopeModel {
  let model = models.get(reg)
  if (model) return model
  const source = modelSource(reg)
  model = new ScopeModel(compiledTable(reg, source) ?? cachedOrTrained(reg, source, loading))
  models.set(reg, model)
  return model
}

/** The build's table of a regulation with these topics; none when the build made none for them (or it is damaged). */
function compiledTable(reg: Regulation, source: string): WeightTable | undefined {
  const entry = compiledValue<CompiledModel>(modelKey(reg), source)
  const bytes = entry && compiledBinary(modelKey(reg))
  if (!bytes || bytes.byteLength !== entry?.tableBytes) return undefined
  try {
    return new WeightTable(bytes)
  } catch {
    return undefined
  }
}

function cachedOrTrained(reg: Regulation, source: string, loading: ModelLoading): ScopeModelSlice {
  const file = loading.cacheDir ? join(loading.cacheDir, `scope-model-${reg.id}-${hashOf(source)}.json`) : undefined
  if (file) {
    try {
      const cached = JSON.parse(readFileSync(file, 'utf8')) as CachedModel
      if (cached.source === source && typeof cached.slice?.features === 'string' && Array.isArray(cached.slice.weights))
        return cached.slice
    } catch {
      // absent or unreadable: trained again below
    }
  }
  loading.onTrain?.(
    `training the triage model for ${reg.id} from its match data (once; kept in ${loading.cacheDir ?? 'memory'})`,
  )
  const base = compiledValue<ScopeModelData>(SHARED_MODEL_KEY, MODEL_FORMAT)
  const slice = sliceOf(trainScopeModel(matchTexts(reg), undefined, base), reg.id)
  if (file && loading.cacheDir) writeCache(loading.cacheDir, file, { source, slice })
  return slice
}

/** Written to a temporary file and renamed: a reader never sees half a model. A cache that cannot be written is not an error. */
function writeCache(dir: string, file: string, model: CachedModel): void {
  const temp = `${file}.${process.pid}.tmp`
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    writeFileSync(temp, JSON.stringify(model), { mode: 0o600 })
    renameSync(temp, file)
  } catch {
    // a read-only or full disk: the model is trained again next time
  }
}

/** FNV-1a, 2×32 bits: a file name, not a guarantee (the file's recorded source is compared in full). */
function hashOf(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}
