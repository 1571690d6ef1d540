// The tests run the TypeScript sources, where the lazy `require` of the parsers cannot find
// compiled files: register them directly (src/regulation/parsers.ts).
import { parseCalendarFile, parseCalendarYearFile } from '../src/calendar/parse-calendar.js'
import { parseRegulation } from '../src/regulation/parse.js'
import { useParsers } from '../src/regulation/parsers.js'

useParsers({ regulation: parseRegulation, calendar: parseCalendarFile, calendarYear: parseCalendarYearFile })
