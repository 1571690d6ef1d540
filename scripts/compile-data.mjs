// Build step: validates the shipped regulations and calendars once and writes them, as JSON, to
// dist/compiled-data.json, so commands start without loading yaml and zod (see src/regulation/compiled.ts).
// A file that does not validate is left out: at run time it is parsed and its problems reported.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { IANAZone } from 'luxon'
import { yearOffsets } from '../dist/calendar/instant.js'
import { parseCalendarFile } from '../dist/calendar/parse-calendar.js'
import { COMPILED_DATA_URL, compiledKey, sha256 } from '../dist/regulation/compiled.js'
import { listCalendarIds } from '../dist/regulation/load.js'
import { parseRegulation } from '../dist/regulation/parse.js'

const root = fileURLToPath(new URL('../regulations/', import.meta.url))
const entries = {}
const yamlFiles = (dir) => readdirSync(dir).filter((n) => /^[a-z0-9-]+\.ya?ml$/.test(n))
const calendars = listCalendarIds()
let skipped = 0
for (const name of yamlFiles(join(root, 'calendars'))) {
  const file = join(root, 'calendars', name)
  const text = readFileSync(file, 'utf8')
  const { value } = parseCalendarFile(text, file, { fileId: name.replace(/\.ya?ml$/, '') })
  if (value) entries[compiledKey('calendar', file)] = { sha256: sha256(text), value }
  else skipped++
}
for (const name of yamlFiles(root)) {
  const file = join(root, name)
  const text = readFileSync(file, 'utf8')
  const { value } = parseRegulation(text, file, { fileId: name.replace(/\.ya?ml$/, ''), calendars })
  if (value) entries[compiledKey('regulation', file)] = { sha256: sha256(text), value }
  else skipped++
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
const zones = { tz: process.versions.tz, years: {} }
for (const name of zoneNames) {
  const zone = IANAZone.create(name)
  const years = {}
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) years[y] = yearOffsets(zone, y)
  zones.years[name] = years
}
writeFileSync(COMPILED_DATA_URL, JSON.stringify({ format: 1, entries, zones }))
console.error(`compiled ${Object.keys(entries).length} data files${skipped ? ` (${skipped} invalid, left out)` : ''}`)
