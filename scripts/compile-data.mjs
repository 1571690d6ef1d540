// Build step: validates the shipped regulations and calendars once and writes them, as JSON, to
// dist/compiled/ (one file per entry), so commands start without loading yaml and zod, with the
// triage's topic indexes, its scope model (trained here: src/triage/model/) and the offset tables of the shipped
// timezones (see src/data/compiled.ts).
// A file that does not validate is left out: at run time it is parsed and its problems reported.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { IANAZone } from 'luxon'
import { yearOffsets } from '../dist/calendar/instant.js'
import { parseCalendarFile } from '../dist/calendar/parse-calendar.js'
import { COMPILED_DIR, compiledBinaryName, compiledFileName, compiledKey, ZONES_KEY } from '../dist/data/compiled.js'
import { formatIssue } from '../dist/data/issue.js'
import { parseYamlWith } from '../dist/data/yaml.js'
import { decisiveText, fingerprintKey, fingerprintOf } from '../dist/regulation/fingerprint.js'
import { listCalendarIds } from '../dist/regulation/load.js'
import { parseRegulation } from '../dist/regulation/parse.js'
import { repliesFileSchema } from '../dist/regulation/replies-schema.js'
import { LEXICON_FORMAT, LEXICON_KEY } from '../dist/triage/lexicon/catalogue.js'
import { compileLexicon } from '../dist/triage/lexicon/compile.js'
import { MODEL_FORMAT, modelKey, modelSource, SHARED_MODEL_KEY } from '../dist/triage/model/load.js'
import { tableBytes } from '../dist/triage/model/table.js'
import { caseTexts, matchTexts, sharedPart, sliceOf, trainScopeModel } from '../dist/triage/model/training.js'
import { REPLIES_FORMAT, REPLIES_KEY } from '../dist/triage/reply.js'
import { buildIndex, compileIndex, topicsKey, topicsSource } from '../dist/triage/topic-index.js'
import { readLabelledSets } from './labelled-sets.mjs'

const root = fileURLToPath(new URL('../regulations/', import.meta.url))
const regulations = []
const entries = {}
const yamlFilesOf = (dir) =>
  readdirSync(dir)
    .filter((n) => /^[a-z0-9-]+\.ya?ml$/.test(n))
    .sort()
const yamlFiles = yamlFilesOf
// the triage lexicon: a language file with a problem stops the build, naming its line and column
const lexiconDir = join(root, 'lexicon')
const lexicon = compileLexicon(
  yamlFilesOf(lexiconDir).map((name) => ({
    file: `regulations/lexicon/${name}`,
    text: readFileSync(join(lexiconDir, name), 'utf8'),
  })),
)
if (!lexicon.value) {
  for (const issue of lexicon.issues) console.error(formatIssue(issue))
  process.exit(1)
}
entries[LEXICON_KEY] = { source: LEXICON_FORMAT, value: lexicon.value }
// the shipped wording of reply drafts
const repliesFile = join(root, 'replies', 'ru.yaml')
const replies = parseYamlWith(readFileSync(repliesFile, 'utf8'), 'regulations/replies/ru.yaml', repliesFileSchema)
if (!replies.value) {
  for (const issue of replies.issues) console.error(formatIssue(issue))
  process.exit(1)
}
const { schemaVersion: _v, language: _l, ...replyTexts } = replies.value
entries[REPLIES_KEY] = { source: REPLIES_FORMAT, value: replyTexts }
// written at once: training the scope model below reads requests with it
mkdirSync(COMPILED_DIR, { recursive: true })
writeFileSync(join(COMPILED_DIR, compiledFileName(LEXICON_KEY)), JSON.stringify(entries[LEXICON_KEY]))
const calendars = listCalendarIds()
let skipped = 0
for (const name of yamlFiles(join(root, 'calendars'))) {
  const file = join(root, 'calendars', name)
  const text = readFileSync(file, 'utf8')
  const { value } = parseCalendarFile(text, file, { fileId: name.replace(/\.ya?ml$/, '') })
  if (value) entries[compiledKey('calendar', file)] = { source: text, value }
  else skipped++
}
for (const name of yamlFiles(root)) {
  const file = join(root, name)
  const text = readFileSync(file, 'utf8')
  const { value } = parseRegulation(text, file, { fileId: name.replace(/\.ya?ml$/, ''), calendars })
  if (value) {
    entries[compiledKey('regulation', file)] = { source: text, value }
    // the triage's match index of its topics, keyed by their content
    entries[topicsKey(value)] = { source: topicsSource(value), value: compileIndex(buildIndex(value)) }
    // the fingerprint of what decides its deadlines, for the same text
    const decisive = decisiveText(value)
    entries[fingerprintKey(value.id)] = { source: decisive, value: fingerprintOf(value.id, decisive) }
    regulations.push(value)
  } else skipped++
}
// the scope model: every shipped regulation's match data and every labelled request of the evaluation sets
// (test/fixtures/triage-*.yaml); deterministic (seeded), a second or two
const shipped = new Set(regulations.map((r) => r.id))
const labelled = readLabelledSets().flatMap((set) => set.cases.filter((c) => shipped.has(c.regulation)))
const model = trainScopeModel([...regulations.flatMap(matchTexts), ...caseTexts(labelled)])
entries[SHARED_MODEL_KEY] = { source: MODEL_FORMAT, value: sharedPart(model) }
// each regulation's weights as the hash table a command reads without parsing (src/triage/model/table.ts), beside its entry
const binaries = {}
for (const reg of regulations) {
  const table = tableBytes(sliceOf(model, reg.id))
  entries[modelKey(reg)] = { source: modelSource(reg), value: { tableBytes: table.byteLength } }
  binaries[modelKey(reg)] = table
}
// the offset tables of the shipped zones, so a command needs no Intl time-zone set-up; years
// outside this range are computed at run time
const FIRST_YEAR = 2000
const LAST_YEAR = 2060
const zoneNames = new Set(
  Object.entries(entries)
    .filter(([key]) => key.startsWith('regulation:'))
    .map(([, { value }]) => value.workingTime.timezone),
)
const zones = { years: {} }
for (const name of zoneNames) {
  const zone = IANAZone.create(name)
  const years = {}
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) years[y] = yearOffsets(zone, y)
  zones.years[name] = years
}
entries[ZONES_KEY] = { source: process.versions.tz, value: zones }
rmSync(COMPILED_DIR, { recursive: true, force: true })
mkdirSync(COMPILED_DIR, { recursive: true })
for (const [key, entry] of Object.entries(entries))
  writeFileSync(join(COMPILED_DIR, compiledFileName(key)), JSON.stringify(entry))
for (const [key, bytes] of Object.entries(binaries)) writeFileSync(join(COMPILED_DIR, compiledBinaryName(key)), bytes)
const files = Object.keys(entries).filter((k) => k.startsWith('regulation:') || k.startsWith('calendar:')).length
console.error(
  `compiled ${files} data files, their topic indexes, the scope model (${Object.keys(model.weights).length} weights, ${labelled.length} labelled requests) and ${zoneNames.size} timezone(s)${skipped ? ` (${skipped} invalid, left out)` : ''}`,
)
