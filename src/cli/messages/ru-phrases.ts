import type { Phrase } from './phrases.js'
import { ru } from './ru.js'

/** The ISO 8601 help the time options repeat (src/cli/time-input.ts). */
const ISO = String.raw`an ISO 8601 instant like "2026-11-20T15:00:00\+03:00" or "2026-11-20T12:00Z"`
const ISO_RU = 'момент времени в формате ISO 8601, например "2026-11-20T15:00:00+03:00" или "2026-11-20T12:00Z"'

/** The kinds of access data triage finds (src/triage/credentials.ts SecretSpan). */
/** What a message about a store value names it by (src/cli/store.ts openStore): an option, a variable, a setting, an argument. */
const STORE_GIVEN = String.raw`(--store|store|REGDESK_STORE|<from>|<to>|config store \(.+?\))`
const CREDENTIAL_KIND = 'password|login|url_credentials|private_key|token|masked'

/** A pattern from a template: the literal parts are written escaped, as in a regex literal. */
const p = (source: string, russian: string): Phrase => [new RegExp(source), russian]

/**
 * Russian for the sentences written outside the catalogue (src/cli/messages/phrases.ts): errors, notes and
 * warnings on stderr, triage reasons and warnings. Most specific first: the first pattern that matches the whole
 * sentence wins.
 */
export function ruPhrases(): readonly Phrase[] {
  // built when the interface is Russian (src/cli/messages/index.ts): an English command does not make its expressions
  return [
    // ── times and dates (src/cli/time-input.ts) ──
    p(`(.+?): expected ${ISO}, got (.*)`, `$1: ожидается ${ISO_RU}; получено: $2`),
    p(`(.+?): (".*") is not a real date; expected ${ISO}`, `$1: $2 — несуществующая дата; ожидается ${ISO_RU}`),
    p(`(.+?): (".*") is not a real time; expected ${ISO}`, `$1: $2 — несуществующее время; ожидается ${ISO_RU}`),
    p(
      `(.+?): (".*") is not a real UTC offset; expected ${ISO}`,
      `$1: $2 — несуществующее смещение от UTC; ожидается ${ISO_RU}`,
    ),
    p(
      String.raw`(".*") is outside the years regdesk computes \((\d+)–(\d+)\)`,
      '$1 — вне диапазона лет, которые рассчитывает regdesk ($2–$3)',
    ),
    p(
      String.raw`(.+?): (".*") is outside the years regdesk computes \((\d+)–(\d+)\)`,
      '$1: $2 — вне диапазона лет, которые рассчитывает regdesk ($3–$4)',
    ),
    p(
      '(.+?): expected a real date like "2026-05-01", got (.*)',
      '$1: ожидается существующая дата, например "2026-05-01"; получено: $2',
    ),
    p(
      'the instant has no offset; read as (.+?) time',
      'момент времени указан без смещения от UTC; считается временем $1',
    ),
    p('(.+?) has no offset; read as (.+?) time', '$1 указан без смещения от UTC; считается временем $2'),
    p(
      'the instant has no time of day; read as 00:00, (.+?) time',
      'момент времени указан без времени суток; считается 00:00 по времени $1',
    ),
    p(
      '(.+?) has no time of day; read as 00:00, (.+?) time',
      '$1 указан без времени суток; считается 00:00 по времени $2',
    ),
    p(
      'the instant has no time of day; read as 00:00 at the offset it gives',
      'момент времени указан без времени суток; считается 00:00 с указанным смещением от UTC',
    ),
    p(
      '(.+?) has no time of day; read as 00:00 at the offset it gives',
      '$1 указан без времени суток; считается 00:00 с указанным смещением от UTC',
    ),

    // ── helpdesk import and export (src/helpdesk/, src/cli/commands/tickets/import.ts, docs/IMPORT.md) ──
    p(
      String.raw`(\d+) times? without an offset read as (\S+) time`,
      'моментов времени без смещения от UTC: $1; прочитаны как время $2',
    ),
    p(
      String.raw`the helpdesk's reaction deadline differs from regdesk's on (\d+) of (\d+) tickets`,
      'срок реакции хелпдеска расходится со сроком regdesk у $1 из $2 заявок',
    ),
    p(String.raw`(\d+) of (\d+) rows? could not be imported`, 'не удалось импортировать строк: $1 из $2'),
    p('the file holds no records; nothing was imported', 'в файле нет записей; ничего не импортировано'),
    p(
      String.raw`(\d+) records? repeats? an earlier record of the file \(the same source and external_id\): the later one is kept`,
      'записей, повторяющих более раннюю запись файла (тот же source и external_id): $1; принята более поздняя',
    ),
    p(
      String.raw`(\d+) record\(s\) of (.+?) left for their own import: import the file again with -r (.+)`,
      'записей регламента $2: $1 — оставлены для своего импорта: импортируйте файл ещё раз с -r $3',
    ),
    p(String.raw`line (\d+), (\S+): (?<tr1>.*)`, 'строка $1, $2: $<tr1>'),
    p(String.raw`line (\d+): not JSON: (.*)`, 'строка $1: не JSON: $2'),
    p(String.raw`not JSON at column (\d+): (?<tr1>.*)`, 'не JSON в позиции $1: $<tr1>'),
    p('not JSON', 'не JSON'),
    p(String.raw`line (\d+): not CSV: (.*)`, 'строка $1: не CSV: $2'),
    p('line 1: column "(.*)" is not a field of the format', 'строка 1: столбца "$1" нет в формате'),
    p('line 1: the header lacks the column "(.*)"', 'строка 1: в заголовке нет столбца "$1"'),
    p('line 1: the header has the column "(.*)" twice', 'строка 1: столбец "$1" указан в заголовке дважды'),
    p(String.raw`line (\d+): (?<tr1>.*)`, 'строка $1: $<tr1>'),
    p('is not a field of the format', 'такого поля в формате нет'),
    p('is before created_at', 'раньше created_at'),
    p('is after created_at', 'позже created_at'),
    p('give --critical or --no-critical, not both', 'укажите --critical или --no-critical, но не оба сразу'),
    p(
      String.raw`regdesk does not write \.(\w+) files; write the page with -o (.+?) \(a browser prints it to PDF\) or give --format`,
      'regdesk не пишет файлы .$1; запишите страницу через -o $2 (браузер напечатает её в PDF) или укажите --format',
    ),
    p(
      String.raw`regdesk does not write \.(\w+) files; write -o (.+?) --excel \(Excel opens it\)`,
      'regdesk не пишет файлы .$1; запишите -o $2 --excel (его откроет Excel)',
    ),
    p(
      String.raw`regdesk does not write \.(\w+) files; name a file ending in \.jsonl or \.csv`,
      'regdesk не пишет файлы .$1; укажите файл с расширением .jsonl или .csv',
    ),
    p(String.raw`is later than now \((.+?)\)`, 'позже текущего момента ($1)'),
    p(String.raw`an event is later than now \((.+?)\)`, 'событие позже текущего момента ($1)'),
    p(
      String.raw`its ticket (\S+) is of (\S+); import this record with -r (\S+)`,
      'его заявка $1 относится к регламенту $2; импортируйте эту запись с -r $3',
    ),
    p(
      String.raw`(.+?) (\S+) is already the origin of (\S+), another ticket \(received (\S+)\) that an export of another store brought in: give each store's export its own source \(e\.g\. the agent's name\) and import it again`,
      '$1 $2 — уже источник заявки $3, другой заявки (получена $4), которую принёс экспорт другого хранилища: дайте экспорту каждого хранилища свой source (например, имя агента) и импортируйте снова',
    ),
    p(
      String.raw`has neither a subject nor a client message: is it a Usedesk ticket \(\{ticket, comments, changes\}\)\?`,
      'нет ни темы, ни сообщения клиента: это тикет Usedesk ({ticket, comments, changes})?',
    ),
    p('is required for a status_change', 'обязательно для status_change'),
    p('is required', 'обязательное поле'),
    p(
      String.raw`expected an ISO 8601 instant like "2026-11-20T15:00:00\+03:00", got (?<tr1>.*)`,
      'ожидается момент времени ISO 8601, например "2026-11-20T15:00:00+03:00", получено $<tr1>',
    ),
    p(
      String.raw`expected an ISO 8601 instant like "2026-11-20T15:00:00\+03:00"`,
      'ожидается момент времени ISO 8601, например "2026-11-20T15:00:00+03:00"',
    ),
    p(
      String.raw`expected true or false \(or yes/no, да/нет\), got (.*)`,
      'ожидается true или false (или yes/no, да/нет), получено $1',
    ),
    p('expected a Usedesk status id 1–10, got (.*)', 'ожидается номер статуса Usedesk 1–10, получено $1'),
    p('has (\\d+) cells, the header (\\d+)', 'ячеек в строке: $1, в заголовке: $2'),
    p('(.+) is larger than 512 MB; split it', '$1 больше 512 МБ; разделите его'),
    p('--tz: unknown timezone "(.*)"', '--tz: неизвестный часовой пояс "$1"'),
    p(String.raw`the output cannot be written \((?<tr1>.*)\)`, 'не удаётся записать вывод ($<tr1>)'),
    p(String.raw`cannot write (.+?) \((?<tr1>.*)\)`, 'не удаётся записать $1 ($<tr1>)'),

    // ── regulations ──
    p(
      String.raw`unknown regulation "(.*)" in the store: its tickets have no windows \(add its file with --regulations\)`,
      'в хранилище заявок есть неизвестный регламент "$1": сроки его заявок не рассчитываются (добавьте его файл через --regulations)',
    ),
    p(
      String.raw`unknown regulation "(.*)" of (\S+); add its file with --regulations`,
      'неизвестный регламент "$1" у заявки $2; добавьте его файл через --regulations',
    ),
    p('unknown regulation "(.*)"; available: (.*)', 'неизвестный регламент "$1"; доступные регламенты: $2'),
    p('unknown regulation "(.*)"', 'неизвестный регламент "$1"'),
    p(
      'give the regulation once: "(.*)" or --regulation (.+?), not both',
      'укажите регламент один раз: "$1" или --regulation $2, но не оба сразу',
    ),
    p(
      String.raw`which regulation\? pass --regulation <id> \(one of (.*)\) or set a default with \`regdesk config set regulation <id>\``,
      'какой регламент? Укажите --regulation <id> (один из: $1) или задайте регламент по умолчанию: `regdesk config set regulation <id>`',
    ),
    p(
      String.raw`the default regulation "(.*)" \(config \`regulation\`\) is unknown; available: (.*)`,
      'регламент по умолчанию "$1" (настройка `regulation`) неизвестен; доступные регламенты: $2',
    ),
    p(
      String.raw`(\S+) is (.+?), which replaces the built-in regulation of that id`,
      'регламент $1 взят из файла $2 и заменяет встроенный регламент с тем же id',
    ),
    p('cannot read the regulations directory (.+?): (.*)', 'не удаётся прочитать каталог регламентов $1: $2'),
    p('(.+?): "(.*)" is not a directory', '$1: "$2" не является каталогом'),
    p('"(.*)" is not a directory', '"$1" не является каталогом'),
    p('no findings', 'замечаний нет'),

    // ── language and config ──
    p('--excel is for --format csv', '--excel применяется только с --format csv'),
    p(
      String.raw`--totals is for --format csv \(the other formats show totals\)`,
      '--totals — только для --format csv (остальные форматы показывают итоги сами)',
    ),
    // tickets edit, tickets note (src/cli/commands/tickets/edit.ts)
    p(
      'nothing to edit: give --tier, --channel, --product, --critical/--no-critical, --license-date, --subject or --customer',
      'нечего исправлять: укажите --tier, --channel, --product, --critical/--no-critical, --license-date, --subject или --customer',
    ),
    p('--subject is empty', '--subject пуст'),
    p('the note is empty', 'заметка пуста'),
    p('--subject holds access data; leave it out of the subject', 'в --subject есть доступы; не пишите их в тему'),
    p(
      '--customer holds access data; give the name or address only',
      'в --customer есть доступы; укажите только имя или адрес',
    ),
    p('(\\S+) already has these values; nothing changed', 'у $1 уже эти значения; ничего не изменено'),
    // lists (src/cli/output/list-options.ts)
    p('(--json|--sort): unknown field "(.*)"; fields: (.*)', '$1: неизвестное поле "$2"; поля: $3'),
    p('--json: the field list is empty; fields: (.*)', '--json: список полей пуст; поля: $1'),
    p(
      String.raw`a field list goes with --json \(--json (.*)\), got "(.*)" alone`,
      'список полей указывается после --json (--json $1), а получено "$2" отдельно',
    ),
    p(
      '--limit must be a whole number of at least 1, got "(.*)"',
      '--limit: нужно целое число не меньше 1, получено "$1"',
    ),
    p('--lang must be one of (.*), got "(.*)"', '--lang: допустимые значения — $1, получено "$2"'),
    p('lang must be one of (.*), got "(.*)"', 'lang: допустимые значения — $1, получено "$2"'),
    p('unknown config key "(.*)"; valid keys: (.*)', 'неизвестный параметр настройки "$1"; допустимые параметры: $2'),
    p(
      String.raw`a value for "(.*)" must not be empty; use \`regdesk config unset (.*)\``,
      'значение параметра "$1" не может быть пустым; чтобы сбросить его, выполните `regdesk config unset $2`',
    ),
    p(String.raw`set (\S+) = (.*) \(([^()]*)\)`, 'установлено: $1 = $2 ($3)'),
    p(String.raw`unset (\S+)`, 'сброшено: $1'),
    p('unknown shell "(.*)"; shells: (.*)', 'неизвестная командная оболочка "$1"; поддерживаются: $2'),

    // ── triage input (src/cli/triage-input.ts, triage, tickets add) ──
    p(
      String.raw`training the triage model for (\S+) from its match data \(once; kept in memory\)`,
      'обучается модель разбора заявок для регламента $1 по его данным сопоставления (один раз; хранится в памяти)',
    ),
    p(
      String.raw`training the triage model for (\S+) from its match data \(once; kept in (.+)\)`,
      'обучается модель разбора заявок для регламента $1 по его данным сопоставления (один раз; хранится в $2)',
    ),
    p(String.raw`unknown tier "(.*)" for (\S+); tiers: (.*)`, 'неизвестный тариф "$1" для регламента $2; тарифы: $3'),
    p(String.raw`(\S+) has no tiers; drop --tier`, 'в регламенте $1 нет тарифов; уберите --tier'),
    p(
      '--product: expected a product id or name, got nothing',
      '--product: ожидается id или название продукта, но значение пустое',
    ),
    p(
      String.raw`unknown product "(.*)" for (\S+); products: (.*)`,
      'неизвестный продукт "$1" для регламента $2; продукты: $3',
    ),
    p(String.raw`(\S+) lists no products; drop --product`, 'в регламенте $1 нет списка продуктов; уберите --product'),
    p(String.raw`(\S+) lists no products`, 'в регламенте $1 нет списка продуктов'),
    p(String.raw`(\S+) has no tiers`, 'в регламенте $1 нет тарифов'),
    p(
      String.raw`(\S+) has no rule about outdated versions; drop --outdated`,
      'в регламенте $1 нет правила об устаревших версиях; уберите --outdated',
    ),
    p(
      String.raw`(\S+) has no rule about modified code; drop --modified`,
      'в регламенте $1 нет правила об изменённом коде продукта; уберите --modified',
    ),
    p(
      String.raw`(\S+) has no support period that ends after a purchase; drop --license-date`,
      'в регламенте $1 нет срока поддержки, отсчитываемого от покупки лицензии; уберите --license-date',
    ),
    p(
      String.raw`(\S+) takes no request out of turn; drop --critical`,
      'регламент $1 не предусматривает обработку заявок вне очереди; уберите --critical',
    ),
    p('give the text or --file, not both', 'укажите либо текст, либо --file, но не оба сразу'),
    p(
      String.raw`--encoding applies to text read from --file or stdin \("-"\), not to an argument`,
      '--encoding действует только для текста из --file или stdin ("-"), но не для аргумента',
    ),
    p(
      String.raw`the request text is larger than 4 MB; is it a request\?`,
      'текст заявки больше 4 МБ; это точно заявка?',
    ),
    p(String.raw`(.+?) is larger than 4 MB; is it a request\?`, 'файл $1 больше 4 МБ; это точно текст заявки?'),
    p(
      'reading the request from the terminal: finish with Ctrl-D on an empty line',
      'текст заявки читается с терминала: завершите ввод клавишами Ctrl-D на пустой строке',
    ),
    p('the request text is empty', 'текст заявки пуст'),
    p(
      String.raw`the request text looks like binary data \(NUL or control bytes\), not a letter; give its text`,
      'текст заявки похож на двоичные данные (байты NUL или управляющие символы), а не на письмо; передайте текст заявки',
    ),
    p(
      String.raw`the request text is not UTF-8; read as (.+?) \(choose with --encoding\)`,
      'текст заявки не в кодировке UTF-8; прочитан как $1 (кодировку можно указать в --encoding)',
    ),
    p(
      String.raw`give the request text as an argument, "-" for stdin, or --file; or run \`regdesk triage -i\``,
      'передайте текст заявки аргументом, "-" для чтения из stdin или через --file; либо запустите `regdesk triage -i`',
    ),
    p(
      'give the request text as an argument, - to read stdin, or --file',
      'передайте текст заявки аргументом, - для чтения из stdin или через --file',
    ),
    p(
      'interactive triage needs a terminal to ask on; give the text as an argument, "-" for stdin, or --file',
      'для интерактивного разбора нужен терминал; передайте текст заявки аргументом, "-" для чтения из stdin или через --file',
    ),

    // ── deadline, elapsed ──
    p(String.raw`use either --json or a (\S+) file, not both`, 'укажите либо --json, либо файл $1, но не оба сразу'),
    p(String.raw`use either (\S+) or (\S+), not both`, 'укажите либо $1, либо $2, но не оба сразу'),
    p('use either --year, --month or --from/--to', 'укажите либо --year, либо --month, либо --from/--to'),
    p(String.raw`use either (\S+) or (\S+)`, 'укажите либо $1, либо $2'),
    p(
      String.raw`unknown level "(.*)" for (\S+); levels: (.*)`,
      'неизвестный уровень "$1" для регламента $2; уровни: $3',
    ),
    p('cannot compute this deadline: (?<tr1>.*)', 'не удаётся рассчитать этот срок: $<tr1>'),
    p(String.raw`the working time has no open hours in (\S+)`, 'в рабочем времени регламента нет рабочих часов в $1'),
    p(
      String.raw`business time is computed for years (\d+)–(\d+), got (-?\d+)`,
      'рабочее время рассчитывается для лет $1–$2, получен $3 год',
    ),
    p('expected a duration amount ≥ 0, got (.*)', 'ожидается длительность ≥ 0, получено $1'),
    p('expected a whole number of working days, got (.*)', 'ожидается целое число рабочих дней, получено $1'),
    p(
      'expected a real date like "2025-01-01", got "(.*)"',
      'ожидается существующая дата, например "2025-01-01", получено "$1"',
    ),
    p('unknown IANA timezone "(.*)"', 'неизвестный часовой пояс IANA "$1"'),
    p(String.raw`unknown topic "(.*)" for (\S+)`, 'неизвестная тема "$1" для регламента $2'),
    p(
      '--duration: expected a working duration like 90m, 8h or 3d, got (.*)',
      '--duration: ожидается рабочая длительность, например 90m, 8h или 3d, получено $1',
    ),
    p(String.raw`--from is required \(an ISO 8601 instant\)`, 'не указан --from (момент времени в формате ISO 8601)'),
    p(
      String.raw`(\d+) of (\d+) lines? could not be computed: see their "error" in the output`,
      'не удалось рассчитать строк: $1 из $2; причины — в поле "error" в выводе',
    ),
    p('missing "regulation"', 'не указан "regulation"'),
    p(
      String.raw`missing "received_at" \(an ISO 8601 instant\)`,
      'не указан "received_at" (момент времени в формате ISO 8601)',
    ),
    p('give "level" or "duration", not both', 'укажите "level" или "duration", но не оба сразу'),
    p('"level" must be a string', 'значение "level" должно быть строкой'),
    p(
      '"duration" must be like 90m, 8h or 3d, got (.*)',
      'значение "duration" должно быть вида 90m, 8h или 3d, получено $1',
    ),

    // ── overdue, report ──
    p('no overdue tickets', 'просроченных заявок нет'),
    p('nothing overdue or at risk', 'нет ни просроченных заявок, ни заявок под угрозой срыва срока'),
    p(String.raw`(\d+) tickets? (?:is|are) overdue`, 'просрочено заявок: $1'),
    p(String.raw`--to \((.*)\) is before --from \((.*)\)`, '--to ($1) раньше, чем --from ($2)'),
    p(
      String.raw`(\d+) ticket\(s\) of unknown regulations left out: (.*)`,
      'не учтены заявки по неизвестным регламентам ($1): $2',
    ),

    // ── tickets ──
    p('no tickets', 'заявок нет'),
    p('the queue is empty', 'очередь пуста'),
    p(
      'no recorded deadline differs from the regulations as they are now',
      'все записанные сроки совпадают с действующими регламентами',
    ),
    p('--status: unknown status "(.*)"; valid: (.*)', '--status: неизвестный статус "$1"; допустимые: $2'),
    p('--message is empty', 'значение --message пустое'),
    p(
      String.raw`ask the customer to change the access data they sent \((.+?) §(.+?)\)`,
      'попросите клиента сменить присланные данные доступа ($1 §$2)',
    ),
    p('the agent name is empty', 'имя сотрудника пустое'),
    p('expected a ticket id like "MG-000123", got (.*)', 'ожидается id заявки вида "MG-000123", получено $1'),
    p(
      String.raw`(--now \(.+?\)|--at .+?) is before (\S+) was received \((.+?)\); pass --at with a later time`,
      '$1 раньше поступления заявки $2 ($3); укажите в --at более позднее время',
    ),
    p(
      '--received-at (.+?) is in the future: now is (.+?); pass --force to store it anyway',
      '--received-at $1 — это будущее время: сейчас $2; чтобы всё равно сохранить, укажите --force',
    ),
    p(
      String.raw`(--now \(.+?\)|--at .+?) is in the future: now is (.+?); pass --force to record it anyway`,
      '$1 — это будущее время: сейчас $2; чтобы всё равно записать, укажите --force',
    ),
    p(
      String.raw`(--now \(.+?\)|--at .+?) is before the last event of (\S+) \((?<trEvent>\S+) at (.+?)\); pass --force to record it anyway`,
      '$1 раньше последнего события заявки $2 ($<trEvent>, $4); чтобы всё равно записать, укажите --force',
    ),
    p(
      String.raw`cannot respond to (\S+): it is closed; reopen it first`,
      'нельзя ответить по заявке $1: она закрыта; сначала откройте её заново',
    ),
    p(
      String.raw`cannot record a reply on (\S+): it is closed; reopen it first`,
      'нельзя записать ответ клиента в заявку $1: она закрыта; сначала откройте её заново',
    ),
    p(
      String.raw`cannot move (\S+) from (?<trFrom>\S+) to open; only a resolved or closed ticket is reopened`,
      'нельзя перевести заявку $1 из статуса «$<trFrom>» в «в работе»: заново открыть можно только решённую или закрытую заявку',
    ),
    p(
      String.raw`cannot move (\S+) from (?<trFrom>\S+) to (?<trTo>\S+); reopen it first`,
      'нельзя перевести заявку $1 из статуса «$<trFrom>» в «$<trTo>»; сначала откройте её заново',
    ),
    // the statuses and events those sentences name, said as a ticket's history says them (src/cli/messages/ru.ts)
    p('new', 'новая'),
    p('open', 'в работе'),
    p('waiting_customer', 'ждём клиента'),
    p('resolved', 'решена'),
    p('closed', 'закрыта'),
    p('received', 'получена'),
    p('agent_response', 'ответ сотрудника'),
    p('customer_reply', 'ответ клиента'),
    p('status_change', 'смена статуса'),
    p('level_change', 'смена уровня'),
    p('assignment', 'назначение'),
    p('field_change', 'изменение поля'),
    p('note', 'заметка'),
    p(String.raw`(\S+) is already at level (.+)`, 'заявка $1 уже на уровне $2'),
    p(String.raw`(\S+) is already unassigned`, 'заявка $1 и так ни на кого не назначена'),
    p(String.raw`(\S+) is already assigned to (.+)`, 'заявка $1 уже назначена на $2'),
    // the ticket statuses as ru.ts names them elsewhere
    ...(['new', 'open', 'waiting_customer', 'resolved', 'closed'] as const).map((code) =>
      p(String.raw`(\S+) already has the status ${code}`, `заявка $1 уже в статусе «${ru.status[code]}»`),
    ),
    p(String.raw`(\S+) already has the status (\S+)`, 'заявка $1 уже в статусе $2'),
    p(
      String.raw`(\S+) is assigned to (.+?); pass --reassign to give it to (.+?), or unassign it first`,
      'заявка $1 назначена на $2; чтобы передать её $3, укажите --reassign или сначала снимите назначение',
    ),
    p(
      String.raw`(\S+) is under the regulation "(.*)", which is not known here`,
      'заявка $1 относится к регламенту "$2", который здесь неизвестен',
    ),
    p(
      String.raw`(\d+) credentials? removed from the ticket \((.+?)\) under clause (.+?) of the regulation`,
      'из заявки удалены данные доступа ($1 шт., заменены на $2) по пункту $3 регламента',
    ),
    p(String.raw`via (\S+)`, 'через канал $1'),
    p('nothing to close', 'закрывать нечего'),
    p('nothing to purge', 'удалять нечего'),

    // ── the ticket store (src/store/**, store copy) ──
    p(String.raw`no ticket (\S+) in the store`, 'в хранилище заявок нет заявки $1'),
    p(
      String.raw`ticket (\S+) is already in (.+?); nothing was copied`,
      'заявка $1 уже есть в $2; ничего не скопировано',
    ),
    p(
      'a ticket copied is already in (.+?); nothing was copied',
      'одна из копируемых заявок уже есть в $1; ничего не скопировано',
    ),
    p('refusing to store an invalid ticket: (.*?): (?<tr1>.*)', 'некорректная заявка не сохранена: $1: $<tr1>'),
    p(
      String.raw`(.+?)\.lock is a file, not regdesk's lock \(a directory\); remove it if no program of yours made it; nothing was changed`,
      '$1.lock — файл, а не блокировка regdesk (каталог); удалите его, если его не создала ваша программа; ничего не изменено',
    ),
    p(
      String.raw`cannot replace the ticket store (.+?) \((?<tr1>.*)\); nothing was changed`,
      'не удаётся заменить хранилище заявок $1 ($<tr1>); ничего не изменено',
    ),
    p(
      String.raw`cannot use the ticket store (.+?) \(it is (?<tr1>a character device|a block device|a named pipe|a socket), not a file\)`,
      'нельзя использовать хранилище заявок $1 (это $<tr1>, а не файл)',
    ),
    p('a character device', 'символьное устройство'),
    p('a block device', 'блочное устройство'),
    p('a named pipe', 'именованный канал'),
    p('a socket', 'сокет'),
    p(
      String.raw`cannot read the ticket store (.+?) \((?<tr1>.*)\)`,
      'не удаётся прочитать хранилище заявок $1 ($<tr1>)',
    ),
    p(
      'the ticket store (.+?) is a symbolic link to (.+?), which does not exist; create the target or point --store at a regular file',
      'хранилище заявок $1 — символическая ссылка на несуществующий файл $2; создайте его или укажите в --store обычный файл',
    ),
    p(
      String.raw`the ticket store (?<file>.+?) is a symbolic link to (?<target>.+?), which cannot be followed \((?<tr1>.*)\); create the target or point --store at a regular file`,
      'хранилище заявок $<file> — символическая ссылка на $<target>, по которой не удаётся перейти ($<tr1>); создайте целевой файл или укажите в --store обычный файл',
    ),
    p(
      String.raw`cannot keep a copy of the store before upgrading its format \((.*)\); nothing was changed`,
      'не удаётся сохранить копию хранилища заявок перед обновлением его формата ($1); ничего не изменено',
    ),
    p(
      String.raw`lost the lock of the ticket store (.+?) while writing \((.*)\); nothing was changed, try again`,
      'блокировка хранилища заявок $1 потеряна во время записи ($2); ничего не изменено, повторите попытку',
    ),
    p(
      String.raw`cannot create the store directory (.+?) \((?<tr1>.*)\)`,
      'не удаётся создать каталог хранилища заявок $1 ($<tr1>)',
    ),
    p(
      String.raw`the ticket store (.+?) is not writable \((?<tr1>.*)\); nothing was changed`,
      'хранилище заявок $1 недоступно для записи ($<tr1>); ничего не изменено',
    ),
    p(
      String.raw`cannot lock the ticket store (?<label>.+?) \((?<tr1>.*)\): its directory (?<dir>.+?) must be writable; nothing was changed`,
      'не удаётся заблокировать хранилище заявок $<label> ($<tr1>): каталог $<dir> должен быть доступен для записи; ничего не изменено',
    ),
    p(
      String.raw`cannot lock the ticket store (.+?) \((?<tr1>.*)\)`,
      'не удаётся заблокировать хранилище заявок $1 ($<tr1>)',
    ),
    p(
      String.raw`the ticket store (.+?) is locked by another regdesk process \(waited (\d+) s\); if none is running, remove (.+)`,
      'хранилище заявок $1 заблокировано другим процессом regdesk (ожидание $2 с); если другой процесс не запущен, удалите $3',
    ),
    p(String.raw`no migration from store format (\d+) to (\d+)`, 'нет перехода с формата хранилища $1 на $2'),
    p(
      String.raw`the migration from format (\d+) did not produce format (\d+)`,
      'переход с формата $1 не дал формат $2',
    ),
    p(
      String.raw`the PostgreSQL store (.+?) has schema version (\S+), newer than this regdesk knows \((\S+)\): upgrade regdesk to use it; nothing was changed`,
      'у хранилища PostgreSQL $1 версия схемы $2 — новее, чем знает эта версия regdesk ($3): обновите regdesk; ничего не изменено',
    ),
    p(`${STORE_GIVEN} (.+?): not a valid postgres:// URL`, '$1 $2: некорректный URL postgres://'),
    p(
      String.raw`${STORE_GIVEN} (.+?): not a valid postgres:// URL \(a password with @, :, / or # must be percent-encoded: %40, %3A, %2F, %23\)`,
      '$1 $2: некорректный URL postgres:// (символы @, :, / и # в пароле нужно записывать как %40, %3A, %2F, %23)',
    ),
    p(
      `${STORE_GIVEN} (.+?): not a postgres:// or postgresql:// URL, and a file name with a scheme is taken for a mistyped one`,
      '$1 $2: это не URL postgres:// или postgresql://, а имя файла со схемой считается опечаткой в URL',
    ),
    p(`${STORE_GIVEN} (.+?): sslmode "(.*)" is not one of (.*)`, '$1 $2: sslmode "$3" — допустимые значения: $4'),
    p(String.raw`${STORE_GIVEN} (.+?): cannot read (.+?) \((?<tr1>.*)\)`, '$1 $2: не удаётся прочитать $3 ($<tr1>)'),
    p('--store is empty: give a file or a postgres:// URL', '--store пуст: укажите файл или URL postgres://'),
    p(
      '--store (.+?): sslmode=verify-ca needs the certificate authority in sslrootcert=',
      '--store $1: для sslmode=verify-ca нужен сертификат удостоверяющего центра в sslrootcert=',
    ),
    p(
      'cannot connect to the PostgreSQL store (?<label>.+?): (?<tr1>.+); (?<tr2>nothing was read or changed|nothing was changed|the change may not have been saved: .*)',
      'не удаётся подключиться к хранилищу PostgreSQL $<label>: $<tr1>; $<tr2>',
    ),
    p(
      'the PostgreSQL store (?<label>.+?) failed: (?<tr1>.+); (?<tr2>nothing was read or changed|nothing was changed|the change may not have been saved: .*|the first \\d+ of the \\d+ records to import were stored .*)',
      'сбой хранилища PostgreSQL $<label>: $<tr1>; $<tr2>',
    ),
    p('nothing was read or changed', 'ничего не прочитано и не изменено'),
    p('nothing was changed', 'ничего не изменено'),
    p(
      String.raw`the change may not have been saved: check with \`tickets show\` before repeating it`,
      'изменение могло не сохраниться: проверьте через `tickets show`, прежде чем повторять',
    ),
    p(
      String.raw`connection refused \(is the server running, and listening on that host and port\?\)`,
      'в подключении отказано (запущен ли сервер и слушает ли он этот хост и порт?)',
    ),
    p(String.raw`host not found \(name resolution failed\)`, 'хост не найден (не удалось разрешить имя)'),
    p('host not found', 'хост не найден'),
    p('the server did not answer in time', 'сервер не ответил вовремя'),
    p('host unreachable', 'хост недоступен'),
    p('network unreachable', 'сеть недоступна'),
    p('the connection was reset by the server', 'сервер сбросил соединение'),
    p('the connection was closed by the server', 'сервер закрыл соединение'),
    p('the connection to the server was lost', 'соединение с сервером потеряно'),
    p(
      String.raw`password authentication failed \(check the URL, PGPASSWORD or ~/\.pgpass\)`,
      'ошибка проверки пароля (проверьте URL, PGPASSWORD или ~/.pgpass)',
    ),
    p(
      String.raw`the server refused this user or host \(pg_hba\.conf\)`,
      'сервер не допускает этого пользователя или хост (pg_hba.conf)',
    ),
    p(
      String.raw`the database does not exist \(create it, e\.g\. createdb\)`,
      'база данных не существует (создайте её, например командой createdb)',
    ),
    p(
      String.raw`permission denied \(the user needs rights on the regdesk_\* tables, or CREATE to make them\)`,
      'доступ запрещён (пользователю нужны права на таблицы regdesk_* или право CREATE, чтобы их создать)',
    ),
    p('the server was shut down', 'сервер был остановлен'),
    p('the server is starting up or shutting down', 'сервер запускается или останавливается'),
    p('the server has too many connections', 'у сервера слишком много подключений'),
    p(
      String.raw`another regdesk change held the ticket for over 60 s \(lock timeout\)`,
      'другое изменение regdesk удерживало заявку более 60 с (истекло время ожидания блокировки)',
    ),
    p(
      'the transaction stayed idle too long and the server ended it',
      'транзакция слишком долго простаивала, и сервер её завершил',
    ),
    p(String.raw`SSL: (?<tr1>.*) \(see sslmode\)`, 'SSL: $<tr1> (см. sslmode)'),
    p('The server does not support SSL connections', 'сервер не поддерживает подключения по SSL'),
    p('<from> and <to> are the same store', '<from> и <to> — одно и то же хранилище'),
    p(
      String.raw`${STORE_GIVEN} (.+) names a folder; give the store's file, e.g\. (.+)`,
      '$1 $2 — это папка; укажите файл хранилища, например $3',
    ),
    p(
      'a level change names the level (".+?"), which (.+?) does not have; levels: (.+)',
      'смена уровня называет уровень $1, которого нет в $2; уровни: $3',
    ),
    p(
      String.raw`-o takes a file name, not a URL \((.+)\); a store is copied with regdesk store copy`,
      '-o принимает имя файла, а не URL ($1); хранилище копирует regdesk store copy',
    ),
    p(
      String.raw`(\d+) window\(s\) would be recorded with the regulation as it is now; their deadlines do not move`,
      'окон реакции, которые были бы записаны по регламенту в нынешнем виде: $1; их сроки не сдвигаются',
    ),
    p(
      String.raw`(\d+) window\(s\) were recorded with the regulation as it is now; their deadlines do not move`,
      'окон реакции, записанных по регламенту в нынешнем виде: $1; их сроки не сдвигаются',
    ),
    p('unknown field (".+?"); the fields are (.+)', 'неизвестное поле $1; поля: $2'),
    p(
      String.raw`(\d+) record\(s\) give a status their times and events do not reach \(closed without closed_at, say\): the ticket has that status, its reaction windows stay as the events leave them; give the time where the helpdesk has it`,
      'записей со статусом, до которого не доводят их время и события (например, closed без closed_at): $1; у заявки этот статус, а окна реакции остаются такими, какими их оставляют события; укажите время, если оно есть в хелпдеске',
    ),
    p(
      String.raw`there is no folder (.+?) for the store (.+?): check the path \(--store\), or create the folder first; nothing was written`,
      'нет папки $1 для хранилища $2: проверьте путь (--store) или сначала создайте папку; ничего не записано',
    ),
    p(
      String.raw`(.+?) is the ticket store('s own file)? \((.+)\): writing there would replace its tickets; name another file`,
      '$1 — файл хранилища заявок ($3): запись туда заменила бы его заявки; укажите другой файл',
    ),
    // calendar import's summary
    p(
      String.raw`(\d+) holidays, (\d+) transferred days off, (\d+) working weekend days, (\d+) shortened days \(by the art\. 95 rule\)`,
      'праздничных дней: $1, перенесённых выходных: $2, рабочих выходных дней: $3, сокращённых дней: $4 (по правилу ст. 95)',
    ),
    p(
      String.raw`(\d+) holidays, (\d+) transferred days off, (\d+) working weekend days, (\d+) shortened days`,
      'праздничных дней: $1, перенесённых выходных: $2, рабочих выходных дней: $3, сокращённых дней: $4',
    ),
    p(String.raw`(\d+) days differ from before`, 'дней, отличающихся от прежних: $1'),
    p('none: the same days as before', 'нет: те же дни, что и прежде'),
    p(String.raw`replaces the year imported before \((.+)\)`, 'заменяет год, импортированный ранее ($1)'),
    p('replaces the shipped (\\S+) year', 'заменяет поставляемый год ($1)'),
    p(
      String.raw`replaces the statutory holidays alone \(the year was not covered\)`,
      'заменяет одни лишь установленные законом праздники (года не было)',
    ),
    // files of data (regulations, calendars) and the YAML reader's words
    p(
      String.raw`the file is not UTF-8 text \(saved as Windows-1251\?\); save it in UTF-8`,
      'файл не в кодировке UTF-8 (сохранён в Windows-1251?); сохраните его в UTF-8',
    ),
    p('Map keys must be unique', 'ключи в словаре не должны повторяться'),
    p('Tabs are not allowed as indentation', 'табуляция в отступах не допускается'),
    p(
      String.raw`Flow sequence in block collection must be sufficiently indented and end with a \]`,
      'список в квадратных скобках должен быть с достаточным отступом и заканчиваться на ]',
    ),
    p(
      String.raw`Flow map in block collection must be sufficiently indented and end with a \}`,
      'словарь в фигурных скобках должен быть с достаточным отступом и заканчиваться на }',
    ),
    p('Implicit map keys need to be followed by map values', 'после ключа словаря нужно значение (двоеточие)'),
    p('Nested mappings are not allowed in compact mappings', 'вложенный словарь в сокращённой записи не допускается'),
    p('All mapping items must start at the same column', 'все элементы словаря должны начинаться в одной колонке'),
    p('All collection items must start at the same column', 'все элементы списка должны начинаться в одной колонке'),
    p(
      String.raw`waiting for the lock of the ticket store (.+?): another regdesk is writing it, or one that stopped left it \(taken over after (\d+) s\)`,
      'ожидание блокировки хранилища заявок $1: его записывает другой regdesk, или её оставил остановленный (будет снята через $2 с)',
    ),
    p(
      String.raw`there is no ticket store (.+?), nor the folder (.+) to make it in: check the path \(--store\), or create the folder first`,
      'хранилища заявок $1 нет, как нет и папки $2, где его создать: проверьте путь (--store) или сначала создайте папку',
    ),
    p(
      String.raw`there is no ticket store (.+?) yet: the first ticket added makes it \(check --store if you expected one\)`,
      'хранилища заявок $1 ещё нет: его создаёт первая добавленная заявка (проверьте --store, если оно должно быть)',
    ),
    p(
      String.raw`the PostgreSQL store (.+?) has no regdesk tables yet: the first ticket added makes them \(check --store if you expected tickets there\)`,
      'в хранилище PostgreSQL $1 ещё нет таблиц regdesk: их создаёт первая добавленная заявка (проверьте --store, если заявки должны там быть)',
    ),
    p(
      String.raw`--license-date (\S+) is after the request was received \((\S+)\); give the date the licence was bought`,
      '--license-date $1 позже получения обращения ($2); укажите дату покупки лицензии',
    ),
    // store info: whether the team store's tables exist
    p('created', 'созданы'),
    p('yes', 'да'),
    p(String.raw`no \(created on the first write\)`, 'нет (создаётся при первой записи)'),
    p('no, and there is no folder (.+) to make it in', 'нет, и нет папки $1, где его создать'),
    p(
      String.raw`not created yet \(made by the first write, which needs the CREATE right on the database\)`,
      'ещё не созданы (их создаст первая запись; для неё нужно право CREATE в базе данных)',
    ),
    p(
      String.raw`the first (\d+) of the (\d+) records to import were stored \((\d+) added, (\d+) updated\), the rest not: importing the file again takes in the rest`,
      'первые $1 из $2 записей сохранены (добавлено: $3, обновлено: $4), остальные нет: повторный импорт файла добавит остальные',
    ),
    p(
      String.raw`tickets export writes JSON Lines or CSV itself; --json goes with -o FILE \(it prints where the file went\)`,
      'tickets export сам выводит JSON Lines или CSV; --json указывается вместе с -o FILE (тогда выводится, куда записан файл)',
    ),
    p(
      String.raw`--format (\S+) would write (JSON Lines|CSV) into (.+?); give a file ending in \.(\S+) or leave --format out`,
      '--format $1 запишет в $3 формат $2; укажите файл с расширением .$4 или уберите --format',
    ),
    p(
      String.raw`--format table is for the terminal; leave --format out to write (.+?) as (\S+)`,
      '--format table — для терминала; уберите --format, чтобы записать $1 в формате $2',
    ),
    p(
      String.raw`--format (\S+) would write (table|json|csv|md|html) into (.+?); give a file ending in \.(\S+) or leave --format out`,
      '--format $1 запишет в $3 формат $2; укажите файл с расширением .$4 или уберите --format',
    ),
    p(
      String.raw`is "(.+?)", not (\S+): import this record with -r (\S+)`,
      'запись регламента "$1", а не $2: импортируйте её с -r $3',
    ),
    p('<(from|to)> is empty: give a file or a postgres:// URL', '<$1> пуст: укажите файл или URL postgres://'),
    p('there is no ticket store at (.+?); nothing was copied', 'хранилища заявок $1 нет; ничего не скопировано'),
    // store info: the version of a store
    p(String.raw`none yet \(this regdesk creates format (\d+)\)`, 'ещё нет (этот regdesk создаст формат $1)'),
    p(String.raw`none yet \(this regdesk creates schema (\d+)\)`, 'ещё нет (этот regdesk создаст схему $1)'),
    p(String.raw`(\d+) \(upgraded to (\d+) on the next write\)`, '$1 (будет обновлена до $2 при следующей записи)'),
    p(String.raw`(\d+) \(newer than this regdesk: (\d+)\)`, '$1 (новее, чем знает этот regdesk: $2)'),
    p(
      String.raw`the copy to (.+?) is complete and checked \((\d+) ticket\(s\) there\); only its output was cut short`,
      'копия в $1 сделана и проверена (заявок там: $2); прерван только вывод',
    ),
    p(
      String.raw`the (\d+) ticket\(s\) were copied to (.+?) before the interruption; only the check that reads them back was cut short: run store copy again to check them`,
      'заявки ($1) скопированы в $2 до прерывания; прервана только проверка, читающая их обратно: запустите store copy ещё раз, чтобы проверить их',
    ),
    p(
      String.raw`entered at its time, before later events of (\S+): the status they recorded stays (\S+)`,
      'записано в своё время, раньше более поздних событий $1: статус, записанный ими, остаётся $2',
    ),
    p(
      String.raw`entered at its time, before later events of (\S+)`,
      'записано в своё время, раньше более поздних событий $1',
    ),
    p(
      String.raw`(\d+) added and (\d+) updated record\(s\) were stored before the interruption; importing the file again takes in the rest`,
      'до прерывания сохранены записи: добавлено $1, обновлено $2; повторный импорт файла примет остальные',
    ),
    p(
      String.raw`(\d+) ticket\(s\) are in both stores with different content \((.*)\); nothing was copied. Every store numbers its tickets from 000001: to take another store's tickets in under new ids, export them \(tickets export\) and import them \(tickets import --from jsonl\)`,
      'в обоих хранилищах есть заявки с разным содержимым: $1 ($2); ничего не скопировано. Каждое хранилище нумерует заявки с 000001: чтобы принять заявки другого хранилища под новыми номерами, выгрузите их (tickets export) и импортируйте (tickets import --from jsonl)',
    ),
    p(
      String.raw`(.+?) already holds (\d+) ticket\(s\); pass --merge to add the (\d+) missing one\(s\) to them`,
      'в $1 уже есть заявки ($2); чтобы добавить к ним недостающие ($3), укажите --merge',
    ),
    p(
      String.raw`the copy in (.+?) does not match: (\d+) ticket\(s\) differ or are missing \((.*)\), (\d+) ticket\(s\) there instead of (\d+)`,
      'копия в $1 не совпадает: отличаются или отсутствуют заявки: $2 ($3); заявок там: $4 вместо $5',
    ),
    // errno codes as the JSON file store explains them
    p('(E[A-Z]+): no such file or directory', '$1: нет такого файла или каталога'),
    p('(E[A-Z]+): permission denied', '$1: доступ запрещён'),
    p('(E[A-Z]+): operation not permitted', '$1: операция не разрешена'),
    p('(E[A-Z]+): it is a directory, not a file', '$1: это каталог, а не файл'),
    p('(E[A-Z]+): a parent is not a directory', '$1: один из родительских путей не является каталогом'),
    p('(E[A-Z]+): read-only file system', '$1: файловая система только для чтения'),
    p('(E[A-Z]+): too many symbolic links', '$1: слишком много символических ссылок'),
    p('(E[A-Z]+): no space left on the device', '$1: на устройстве нет места'),
    p('(E[A-Z]+): the file is larger than allowed', '$1: файл больше допустимого'),
    p('(E[A-Z0-9_]+)', '$1'),

    // ── calendar ──
    p('--month: expected a month like "2026-05", got (.*)', '--month: ожидается месяц вида "2026-05", получено $1'),
    p('--from and --to go together', '--from и --to указываются только вместе'),
    p('--to is before --from', '--to раньше, чем --from'),
    p(String.raw`at most (\d+) days at once`, 'не более $1 дней за один раз'),
    p(
      String.raw`--year: expected a year like 2027 \(1900–2600\), got (.*)`,
      '--year: ожидается год, например 2027 (1900–2600), получено $1',
    ),
    // several years ("2027–2028", "2027, 2029"): годы
    p(
      String.raw`the (\S+) production calendar for (.*[–,].*?) is provisional \(no decree yet\): transfers and shortened days may change`,
      'производственный календарь $1 на $2 годы предварительный (постановлений ещё нет): переносы и сокращённые дни могут измениться',
    ),
    p(
      String.raw`the (\S+) production calendar does not cover (.*[–,].*?): only the statutory holidays are applied`,
      'производственный календарь $1 не охватывает $2 годы: учитываются только праздники, установленные законом',
    ),
    p(
      String.raw`the (\S+) production calendar for (.+?) is provisional \(no decree yet\): transfers and shortened days may change`,
      'производственный календарь $1 на $2 год предварительный (постановления ещё нет): переносы и сокращённые дни могут измениться',
    ),
    p(
      String.raw`the (\S+) production calendar does not cover (.+?): only the statutory holidays are applied`,
      'производственный календарь $1 не охватывает $2 год: учитываются только праздники, установленные законом',
    ),
    p(
      String.raw`calendar (\S+) (\d+): official, (?<tr1>[^;]+)(; .*)?`,
      'производственный календарь $1 на $2 год: официальный, $<tr1>$4',
    ),
    p(
      String.raw`calendar (\S+) (\d+): provisional \(no decree yet\), (?<tr1>[^;]+)(; .*)?`,
      'производственный календарь $1 на $2 год: предварительный (постановления ещё нет), $<tr1>$4',
    ),
    p(
      String.raw`calendar (\S+) (\d+): uncovered, not covered: only the statutory holidays(; .*)?`,
      'производственный календарь $1 на $2 год не охвачен: учитываются только праздники, установленные законом$3',
    ),
    p(
      String.raw`calendar (\S+) (\d+): uncovered, (?<tr1>[^;]+)(; .*)?`,
      'производственный календарь $1 на $2 год: не охвачен, $<tr1>$4',
    ),
    p('imported from (.+)', 'импортирован из $1'),
    p(String.raw`shipped with regdesk \((.+)\)`, 'поставляется с regdesk ($1)'),
    p('not covered: only the statutory holidays', 'не охвачен: только праздники, установленные законом'),
    p(
      '--calendar: unknown calendar "(.*)"; calendars: (.*)',
      '--calendar: неизвестный производственный календарь "$1"; доступные: $2',
    ),
    p(
      String.raw`unknown calendar "(.*)" \(expected an id like "ru"\)`,
      'неизвестный производственный календарь "$1" (ожидается id вида "ru")',
    ),
    p(
      'cannot tell the format of (.+?); pass --format (.*)',
      'не удаётся определить формат файла $1; укажите --format $2',
    ),
    p('--dry-run: nothing was written', '--dry-run: ничего не записано'),

    // ── e-mail (src/mail/, src/cli/mail-input.ts, src/cli/mail-intake.ts) ──
    p('message (\\d+): (?<tr1>.*)', 'письмо $1: $<tr1>'),
    p(
      'the e-mail is larger than 25 MB; regdesk reads letters up to 25 MB',
      'письмо больше 25 МБ; regdesk читает письма до 25 МБ',
    ),
    p(
      String.raw`the e-mail on stdin is larger than 25 MB; regdesk reads letters up to 25 MB \(save the attachments apart\)`,
      'письмо из stdin больше 25 МБ; regdesk читает письма до 25 МБ (сохраните вложения отдельно)',
    ),
    p(
      String.raw`(.+?) is larger than 25 MB; regdesk reads letters up to 25 MB \(save the attachments apart\)`,
      '$1 больше 25 МБ; regdesk читает письма до 25 МБ (сохраните вложения отдельно)',
    ),
    p('the e-mail is empty', 'письмо пустое'),
    p('the e-mail cannot be read: (?<tr1>.*)', 'письмо не читается: $<tr1>'),
    p('its MIME parts are nested more than (\\d+) deep', 'его MIME-части вложены глубже $1 уровней'),
    p('it has more than (\\d+) MIME parts', 'в нём больше $1 MIME-частей'),
    p('its headers are larger than 1 MB', 'его заголовки больше 1 МБ'),
    p('its forwarded letters name more than (\\d+) addresses', 'в пересланных письмах больше $1 адресов'),
    p('it is not a MIME message', 'это не MIME-сообщение'),
    p(
      String.raw`the e-mail has no header lines \(From:, Subject:, …\); is it a letter saved as text\?`,
      'в письме нет заголовков (From:, Subject:, …); может быть, это письмо, сохранённое как текст?',
    ),
    p(
      "the e-mail's headers declare no charset; read as (.+)",
      'в заголовках письма не указана кодировка; прочитаны как $1',
    ),
    p(
      String.raw`(\d+) record\(s\) of tickets the helpdesk marks (spam|deleted|a mailing|merged into another): no requests, not imported`,
      'записей заявок, которые хелпдеск пометил как «$2»: $1; это не обращения, они не импортированы',
    ),
    p(
      '--mbox takes a file, not stdin: save the mailbox to a file and give its name',
      '--mbox принимает файл, а не stdin: сохраните почтовый ящик в файл и укажите его имя',
    ),
    p(
      String.raw`(.+) looks like binary data \(NUL or control bytes\), not a CSV export \(an Excel workbook is saved as CSV first\)`,
      '$1 похож на двоичные данные (байты NUL или управляющие), а не на выгрузку CSV (книгу Excel сначала сохраните как CSV)',
    ),
    p(
      String.raw`(.+) looks like binary data \(NUL or control bytes\), not (?:a JSON Lines|a JSON) export`,
      '$1 похож на двоичные данные (байты NUL или управляющие), а не на выгрузку JSON',
    ),
    p(
      String.raw`(.+) is UTF-16 text; save it as UTF-8 \(or as CSV from Excel\) and import that`,
      '$1 — текст в UTF-16; сохраните его в UTF-8 (или как CSV из Excel) и импортируйте его',
    ),
    p(
      String.raw`at least (\d+) message\(s\) were taken in before the interruption; taking the mailbox in again adds the rest \(those taken in are skipped\)`,
      'до прерывания принято писем: не меньше $1; повторный приём почтового ящика добавит остальные (принятые будут пропущены)',
    ),
    p(
      'the e-mail on stdin is a mailbox of (\\d+) letters, not one \\(it starts with a "From " line\\): take it in with tickets add --mbox',
      'во входном потоке почтовый ящик из $1 писем, а не одно письмо (он начинается строкой «From »): принимайте его через tickets add --mbox',
    ),
    p(
      '(.+) is a mailbox of (\\d+) letters, not one \\(it starts with a "From " line\\): take it in with tickets add --mbox',
      '$1 — почтовый ящик из $2 писем, а не одно письмо (он начинается строкой «From »): принимайте его через tickets add --mbox',
    ),
    p(
      '(.+) is a mailbox whose letter is larger than 25 MB; regdesk reads letters up to 25 MB',
      '$1 — почтовый ящик с письмом больше 25 МБ; regdesk читает письма до 25 МБ',
    ),
    p(
      "the e-mail is a delivery report \\(a letter returned undelivered\\) that the mail system sent, not a customer's request: nothing was stored",
      'письмо — уведомление почтовой системы о недоставке, а не обращение клиента: ничего не сохранено',
    ),
    p(
      "the e-mail is a delivery report \\(a letter returned undelivered\\) that the mail system sent, not a customer's request",
      'письмо — уведомление почтовой системы о недоставке, а не обращение клиента',
    ),
    p(
      "the e-mail is a read receipt that the mail system sent, not a customer's request: nothing was stored",
      'письмо — уведомление о прочтении от почтовой системы, а не обращение клиента: ничего не сохранено',
    ),
    p(
      "the e-mail is a read receipt that the mail system sent, not a customer's request",
      'письмо — уведомление о прочтении от почтовой системы, а не обращение клиента',
    ),
    p(
      "the e-mail is a report that the mail system sent, not a customer's request: nothing was stored",
      'письмо — отчёт почтовой системы, а не обращение клиента: ничего не сохранено',
    ),
    p(
      "the e-mail is a report that the mail system sent, not a customer's request",
      'письмо — отчёт почтовой системы, а не обращение клиента',
    ),
    p(
      String.raw`the file is CSV, not JSON Lines \(its first line is a header of columns\): import it with --from csv`,
      'файл в формате CSV, а не JSON Lines (первая строка — заголовок столбцов): импортируйте его с --from csv',
    ),
    // a store's ticket that is not valid (src/ticket/validate.ts, as the file store names it)
    p(
      String.raw`ticket (\S+): (\S+): expected (?<trExpected>.+?), got (?<trGot>.+)`,
      'заявка $1: $2: ожидается $<trExpected>, получено $<trGot>',
    ),
    p(
      String.raw`ticket (\S+): expected (?<trExpected>.+?), got (?<trGot>.+)`,
      'заявка $1: ожидается $<trExpected>, получено $<trGot>',
    ),
    p('"tickets" must be a list, got (?<trGot>.+)', '«tickets» должен быть списком, получено $<trGot>'),
    p(String.raw`nothing \(the field is missing\)`, 'ничего (поля нет)'),
    p('a list', 'список'),
    p('an object', 'объект'),
    p('a string', 'строка'),
    p('a string or null', 'строка или null'),
    p('a regulation id', 'id регламента'),
    p('true or false', 'true или false'),
    p('an ISO 8601 instant with offset', 'момент ISO 8601 со смещением'),
    p('an ISO 8601 instant with offset or null', 'момент ISO 8601 со смещением или null'),
    p('one of (.+)', 'одно из значений $1'),
    p('an object or null', 'объект или null'),
    p('a ticket object', 'объект заявки'),
    p('an event object', 'объект события'),
    p('a list of events', 'список событий'),
    p('a list of attachments', 'список вложений'),
    p('a list of recorded windows', 'список окон реакции'),
    p('a recorded window', 'окно реакции'),
    p('a reason or null', 'причина или null'),
    p('an id like "(.+)"', 'номер вида «$1»'),
    p(String.raw`a size in bytes \(a whole number, 0 or more\)`, 'размер в байтах (целое число, 0 или больше)'),
    p(String.raw`an attachment \{name, type, size\}`, 'вложение {name, type, size}'),
    p('an object with "source" and "external_id" strings', 'объект со строками «source» и «external_id»'),
    // regulations lint (src/regulation/lint.ts)
    p('level "(.+?)" has no reaction time: (.+)', 'у уровня «$1» нет времени реакции: $2'),
    p('level "(.+?)" has no reaction time', 'у уровня «$1» нет времени реакции'),
    p('topic "(.+?)" has no phrases, keywords or examples', 'у темы «$1» нет фраз, ключевых слов и примеров'),
    p(
      String.raw`clause (.+) is cited with the same quote by (\d+) topics`,
      'пункт $1 приводится с одной и той же цитатой в темах: $2',
    ),
    p(
      'out-of-scope topic "(.+?)" and in-scope topic "(.+?)" both match "(.+)"',
      'с «$3» совпадают и тема вне рамок «$1», и тема в рамках «$2»',
    ),
    p(
      String.raw`the e-mail's subject declares a charset no decoder knows \((.+)\); read as (.+)`,
      'в теме письма указана неизвестная кодировка ($1); прочитана как $2',
    ),
    p(
      `the e-mail's multipart Content-Type names no boundary; its parts were found by their first "(.+)" line`,
      'в заголовке Content-Type составного письма не указана граница частей; части найдены по первой строке «$1»',
    ),
    p("the e-mail's text declares no charset; read as (.+)", 'в тексте письма не указана кодировка; прочитан как $1'),
    p(
      'an attached letter without a file name cannot be read as an e-mail; it is listed as an attachment',
      'вложенное письмо без имени файла не читается как письмо; оно указано как вложение',
    ),
    p(
      'the attached letter (.+) cannot be read as an e-mail; it is listed as an attachment',
      'вложенное письмо $1 не читается как письмо; оно указано как вложение',
    ),
    p(
      String.raw`the e-mail's text declares a charset no decoder knows \((.+)\); read as (.+)`,
      'в тексте письма указана неизвестная кодировка ($1); прочитан как $2',
    ),
    p(
      'reading the e-mail from the terminal: finish with Ctrl-D on an empty line',
      'письмо читается с терминала: закончите вводом Ctrl-D на пустой строке',
    ),
    p(
      'the Date header (".*") is not a date; received now',
      'заголовок Date $1 — не дата; временем получения считается текущее',
    ),
    p(
      String.raw`the Date header (".*") is later than now; received now \(--force keeps it\)`,
      'заголовок Date $1 позже текущего времени; временем получения считается текущее (--force оставляет дату письма)',
    ),
    p(
      'the Date header has no time zone; read as (.+?) time',
      'в заголовке Date нет часового пояса; время считается временем $1',
    ),
    p(
      'the e-mail has no Date header; received now',
      'в письме нет заголовка Date; временем получения считается текущее',
    ),
    p(
      'give the request as text, --file or (--eml|--mbox), only one of them',
      'укажите обращение одним способом: текстом, через --file или через $1',
    ),
    p(
      '--encoding applies to --file and stdin text; an e-mail declares its own charsets',
      '--encoding относится к тексту из --file и stdin; письмо само указывает свои кодировки',
    ),
    p(
      'the e-mail has neither a subject nor a text to triage',
      'в письме нет ни темы, ни текста, которые можно разобрать',
    ),
    p('the e-mail has neither a subject nor a text', 'в письме нет ни темы, ни текста'),
    p(
      '--mbox takes no --eml, --subject or --received-at: each message gives its own',
      '--mbox не сочетается с --eml, --subject и --received-at: у каждого письма они свои',
    ),
    p(
      String.raw`(\d+) of (\d+) messages could not be taken in; the others were \(see above\)`,
      // «N из M писем не принято»: the neuter singular agrees with every number (not «1 из 3 писем не приняты»)
      '$1 из $2 писем не принято; остальные приняты (см. выше)',
    ),
    p(
      'the mailbox does not start with a "From " line; is it an mbox file\\?',
      'почтовый ящик не начинается со строки "From "; это точно файл mbox?',
    ),

    // ── generic file reading (after the specific "cannot read …" above) ──
    p(
      String.raw`cannot read the calendar "(.*)" \((.*)\)`,
      'не удаётся прочитать производственный календарь "$1" ($2)',
    ),
    p(String.raw`cannot read the file \((.*)\)`, 'не удаётся прочитать файл ($1)'),
    p(String.raw`cannot read (.+?) \((?<tr1>.*)\)`, 'не удаётся прочитать $1 ($<tr1>)'),
    p(String.raw`cannot read (\S+)`, 'не удаётся прочитать $1'),
    p('(.+?): ok', '$1: ошибок нет'),

    // ── triage reasons and warnings (src/triage/eligibility.ts, classify.ts) ──
    p(
      String.raw`requests through (\S+) are not accepted; accepted: (.*)`,
      'заявки через канал $1 не принимаются; принимаются каналы: $2',
    ),
    p(String.raw`(\S+) is accepted only from (.*) customers`, 'канал $1 доступен только клиентам с тарифами: $2'),
    p(
      String.raw`(\S+) is for emergencies only \(§(.+?)\); other requests go through (.*)`,
      'канал $1 — только для аварийных ситуаций (§$2); остальные заявки принимаются через каналы: $3',
    ),
    p(
      String.raw`(.+?) is not among the supported products \((.*)\)`,
      '$1 не входит в число поддерживаемых продуктов ($2)',
    ),
    p(String.raw`(.+?) was supported until (\S+)`, 'продукт $1 поддерживался до $2'),
    p(
      String.raw`the (\S+) period of (\d+(?:\.\d+)?) working minutes after the licence purchase \((\S+)\) has ended`,
      'срок поддержки уровня $1 ($2 рабочих минут после покупки лицензии, $3) истёк',
    ),
    p(
      String.raw`the (\S+) period of (\d+(?:\.\d+)?) working hours after the licence purchase \((\S+)\) has ended`,
      'срок поддержки уровня $1 ($2 рабочих часов после покупки лицензии, $3) истёк',
    ),
    p(
      String.raw`the (\S+) period of (\d+(?:\.\d+)?) working days after the licence purchase \((\S+)\) has ended`,
      'срок поддержки уровня $1 ($2 рабочих дней после покупки лицензии, $3) истёк',
    ),
    p(
      String.raw`the (\S+) period of (\d+(?:\.\d+)?) calendar hours after the licence purchase \((\S+)\) has ended`,
      'срок поддержки уровня $1 ($2 календарных часов после покупки лицензии, $3) истёк',
    ),
    p(
      String.raw`the (\S+) period of (\d+(?:\.\d+)?) calendar days after the licence purchase \((\S+)\) has ended`,
      'срок поддержки уровня $1 ($2 календарных дней после покупки лицензии, $3) истёк',
    ),
    p(
      String.raw`the (\S+) period of (\d+(?:\.\d+)?) (.+?) after the licence purchase \((\S+)\) has ended`,
      'срок поддержки уровня $1 ($2 $3 после покупки лицензии, $4) истёк',
    ),
    p('only the current version is supported', 'поддерживается только текущая версия продукта'),
    p(
      String.raw`the product code was modified: §(.+?) names this among the causes of a delayed \(or impossible\) resolution; the request is served at its level`,
      'код продукта изменён: §$1 называет это среди причин задержки (или невозможности) решения; заявка обслуживается на своём уровне',
    ),
    p(
      String.raw`out of scope and served as (\S+): §(.+?) says its resolution may take longer`,
      'вне рамок поддержки, обслуживается на уровне $1: по §$2 решение может занять больше времени',
    ),
    p(
      String.raw`served as (\S+): §(.+?) says its resolution may take longer`,
      'обслуживается на уровне $1: по §$2 решение может занять больше времени',
    ),
    p(
      'the product code was modified, and updates after such changes are out of scope',
      'код продукта изменён, а обновление после таких изменений — вне рамок поддержки',
    ),
    p('the product code was modified', 'код продукта изменён'),
    p(
      String.raw`the request concerns a function a third-party service provides: §(.+?) names this among the causes of a delayed \(or impossible\) resolution`,
      'заявка касается функции стороннего сервиса: §$1 называет это среди причин задержки (или невозможности) решения',
    ),
    p(
      String.raw`the customer gives no access to the site: §(.+?) names this among the causes of a delayed \(or impossible\) resolution`,
      'клиент не даёт доступа к сайту: §$1 называет это среди причин задержки (или невозможности) решения',
    ),
    p(String.raw`(.+?) \(tier (\S+)\) is not supported`, '$1 (тариф $2) не обслуживается'),
    p(String.raw`(.+?) \(tier (\S+)\) is served only on (.*)`, '$1 (тариф $2) обслуживается только по темам: $3'),
    p(String.raw`in scope: (.*) \(chosen by the agent\)`, 'в рамках поддержки: $1 (выбрано сотрудником)'),
    p(String.raw`out of scope: (.*) \(chosen by the agent\)`, 'вне рамок поддержки: $1 (выбрано сотрудником)'),
    p('in scope: (.*)', 'в рамках поддержки: $1'),
    p('out of scope: (.*)', 'вне рамок поддержки: $1'),
    p(
      String.raw`the request contains access data \((?<tr1>.*)\); it is masked in every output — ask the customer to change it after the work`,
      'в заявке есть данные доступа ($<tr1>); они скрыты во всём выводе — попросите клиента сменить их после работ',
    ),
    // the kinds of access data found (src/triage/credentials.ts), listed in that warning: each said in Russian
    p(`(?<tr1>${CREDENTIAL_KIND}), (?<tr2>(?:${CREDENTIAL_KIND})(?:, (?:${CREDENTIAL_KIND}))*)`, '$<tr1>, $<tr2>'),
    p('password', 'пароль'),
    p('login', 'логин'),
    p('url_credentials', 'логин и пароль в адресе'),
    p('private_key', 'закрытый ключ'),
    p('token', 'токен или ключ API'),
    p('masked', 'замаскированы ещё до приёма'),
    p(
      String.raw`the request raises (\d+) separate problems; §(.+?) asks for one problem per request: register one ticket per problem`,
      'в заявке несколько отдельных проблем ($1); §$2 требует одну проблему на заявку: зарегистрируйте по заявке на каждую проблему',
    ),
    p(
      'the request raises several separate problems; §(.+?) asks for one problem per request: register one ticket per problem',
      'в заявке несколько отдельных проблем; §$1 требует одну проблему на заявку: зарегистрируйте по заявке на каждую проблему',
    ),
    p(
      String.raw`the request raises (\d+) separate problems: register one ticket per problem`,
      'в заявке несколько отдельных проблем ($1): зарегистрируйте по заявке на каждую проблему',
    ),
    p(
      'the request raises several separate problems: register one ticket per problem',
      'в заявке несколько отдельных проблем: зарегистрируйте по заявке на каждую проблему',
    ),
    p(
      'several unrelated problems in one request: §(.+?) names this among the causes of a delayed resolution',
      'несколько не связанных проблем в одной заявке: §$1 называет это среди причин задержки решения',
    ),

    // ── commander ──
    p("unknown option '(.*)'", "неизвестная опция '$1'"),
    p(
      'a text that begins with "-" is read as an option: put -- before it, or give it on stdin \\(-\\)',
      'текст, начинающийся с «-», читается как опция: поставьте перед ним --, или передайте его через stdin (-)',
    ),
    p(String.raw`\(Did you mean one of (.+?)\?\)`, '(Возможно, имелось в виду одно из: $1?)'),
    p(String.raw`\(Did you mean (.+?)\?\)`, '(Возможно, имелось в виду $1?)'),
    p("missing required argument '(.*)'", "не указан обязательный аргумент '$1'"),
    p("option '(.*)' argument missing", "не указано значение опции '$1'"),
    p("required option '(.*)' not specified", "не указана обязательная опция '$1'"),
    p("unknown command '(.*)'", "неизвестная команда '$1'"),
    p(
      String.raw`too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.`,
      "слишком много аргументов для '$1': ожидается $2, получено $3.",
    ),
    p(
      String.raw`too many arguments\. Expected (\d+) arguments? but got (\d+)\.`,
      'слишком много аргументов: ожидается $1, получено $2.',
    ),
    p(
      String.raw`option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.`,
      "недопустимое значение '$2' опции '$1'. Допустимые значения: $3.",
    ),
    p(
      String.raw`option '(.*)' argument '(.*)' is invalid\. (?<tr1>.*)`,
      "недопустимое значение '$2' опции '$1'. $<tr1>",
    ),
    p(
      String.raw`command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.`,
      "недопустимое значение '$1' аргумента '$2'. Допустимые значения: $3.",
    ),
    p(
      String.raw`command-argument value '(.*)' is invalid for argument '(.*)'\. (?<tr1>.*)`,
      "недопустимое значение '$1' аргумента '$2'. $<tr1>",
    ),
    p("option '(.*)' cannot be used with option '(.*)'", "опцию '$1' нельзя указывать вместе с опцией '$2'"),
    p(String.raw`\(run with --help for usage\)`, '(справка: запустите с --help)'),
    // ── issues of regulation, calendar, store and config files: "file:line:col: error: path: message"
    // (src/data/issue.ts); the location and the path are kept, the message is said on its own ──
    p(
      String.raw`(?<loc>.+?:\d+:\d+: )error: (?<path>ticket \S+|[^\s:"]+): (?<tr1>.+)`,
      '$<loc>ошибка: $<path>: $<tr1>',
    ),
    p(String.raw`(?<loc>.+?:\d+:\d+: )error: (?<tr1>.+)`, '$<loc>ошибка: $<tr1>'),
    p(
      String.raw`(?<loc>.+?:\d+:\d+: )warning: (?<path>ticket \S+|[^\s:"]+): (?<tr1>.+)`,
      '$<loc>предупреждение: $<path>: $<tr1>',
    ),
    p(String.raw`(?<loc>.+?:\d+:\d+: )warning: (?<tr1>.+)`, '$<loc>предупреждение: $<tr1>'),
    // files as a whole (src/data/yaml.ts)
    p(
      String.raw`missing required key "(.*)" \(expected (?<tr1>.*)\)`,
      'нет обязательного ключа "$1" (ожидается $<tr1>)',
    ),
    p('unknown key "(.*)"', 'неизвестный ключ "$1"'),
    p(
      String.raw`and (\d+) more problems? from here on \(only the first (\d+) are listed\)`,
      'и ещё проблем дальше по файлу: $1 (показаны только первые $2)',
    ),
    p(
      String.raw`values are nested too deeply to read \(hundreds of levels of lists or maps\)`,
      'значения вложены слишком глубоко (сотни уровней списков или словарей)',
    ),
    p(
      String.raw`the file is larger than 4 MB; is it a calendar\?`,
      'файл больше 4 МБ; это точно производственный календарь?',
    ),
    p('not valid JSON: (.*)', 'некорректный JSON: $1'),
    // regulations (src/regulation/schema.ts, validate.ts)
    p('expected a lowercase id like "(.*)"', 'ожидается id из строчных латинских букв, например "$1"'),
    p('expected a non-empty text', 'ожидается непустой текст'),
    p('the range (.*) ends before it starts', 'интервал $1 заканчивается раньше, чем начинается'),
    p('the ranges "(.*)" and "(.*)" overlap', 'интервалы "$1" и "$2" пересекаются'),
    p('expected a positive amount', 'ожидается положительное число'),
    p('expected an amount of at most 100000', 'ожидается число не больше 100000'),
    p('expected a date like "(.*)"', 'ожидается дата вида "$1"'),
    p('expected a rule, one of (.*)', 'ожидается правило, одно из: $1'),
    p('expected schemaVersion: 1', 'ожидается schemaVersion: 1'),
    p(
      'expected one to four capital Latin letters, like "MG"',
      'ожидается от одной до четырёх заглавных латинских букв, например "MG"',
    ),
    p('expected at least one level', 'ожидается хотя бы один уровень'),
    p('the id "(.*)" must match the file name "(.*)"', 'id "$1" должен совпадать с именем файла "$2"'),
    p(
      String.raw`unknown IANA timezone "(.*)" \(e\.g\. "Europe/Moscow"\)`,
      'неизвестный часовой пояс IANA "$1" (например, "Europe/Moscow")',
    ),
    p('unknown calendar "(.*)"; available: (.*)', 'неизвестный производственный календарь "$1"; доступные: $2'),
    p(
      'the working time has no open hours on any day: deadlines could never be reached',
      'в рабочем времени нет рабочих часов ни в один день: сроки никогда не наступят',
    ),
    p(
      'a level working time changes nothing: give weekly, holidays, transferredDaysOff, workingWeekends or shortenedDayMinutes',
      'рабочее время уровня ничего не меняет: укажите weekly, holidays, transferredDaysOff, workingWeekends или shortenedDayMinutes',
    ),
    p(
      'the working time of level "(.*)" has no open hours on any day: deadlines could never be reached',
      'в рабочем времени уровня "$1" нет рабочих часов ни в один день: сроки никогда не наступят',
    ),
    p(
      String.raw`a rule with \`effect: delay\` keeps the request at its level: drop \`level\` \(it routes refused requests\)`,
      'правило с `effect: delay` оставляет заявку на её уровне: уберите `level` (он задаёт уровень отклонённых заявок)',
    ),
    p(String.raw`expected one level marked \`default: true\``, 'ожидается один уровень с `default: true`'),
    p('only one level may be the default', 'уровень по умолчанию может быть только один'),
    p('a level with a target must also have a limit', 'у уровня с целевым сроком должен быть и предельный срок'),
    p(String.raw`the target \((.*)\) exceeds the limit \((.*)\)`, 'целевой срок ($1) больше предельного ($2)'),
    p(
      'working days must be whole, got (.*); use working_hours for parts of a day',
      'рабочие дни должны быть целыми, получено $1; для долей дня используйте working_hours',
    ),
    p(
      String.raw`a level without a reaction time must say why in a \`note\` \(the source is silent\?\)`,
      'у уровня без времени реакции причина должна быть указана в `note` (в источнике об этом ничего нет?)',
    ),
    p('unknown level "(.*)"; levels: (.*)', 'неизвестный уровень "$1"; уровни: $2'),
    p('only one topic may be the fallback', 'запасная тема может быть только одна'),
    p(
      String.raw`the fallback topic is an in-scope topic of kind problem \(errors of the product\)`,
      'запасная тема должна быть темой в рамках поддержки вида problem (ошибки продукта)',
    ),
    p('unknown tier "(.*)"; tiers: (.*)', 'неизвестный тариф "$1"; тарифы: $2'),
    p('only one tier may be the default', 'тариф по умолчанию может быть только один'),
    p('unknown topic "(.*)"', 'неизвестная тема "$1"'),
    p('duplicate topic id "(.*)"', 'повторяющийся id темы "$1"'),
    p('duplicate tier id "(.*)"', 'повторяющийся id тарифа "$1"'),
    p('duplicate product id "(.*)"', 'повторяющийся id продукта "$1"'),
    p('duplicate channel id "(.*)"', 'повторяющийся id канала "$1"'),
    p('duplicate required information id "(.*)"', 'повторяющийся id обязательных сведений "$1"'),
    p('duplicate (.+?) id "(.*)"', 'повторяющийся id "$2" ($1)'),
    p('channel "(.*)" is both accepted and rejected', 'канал "$1" указан и как принимаемый, и как отклоняемый'),
    p(
      String.raw`product_unsupported needs products with a \`supportedUntil\` date`,
      'для правила product_unsupported нужны продукты с датой `supportedUntil`',
    ),
    // production calendars (src/calendar/calendar-schema.ts, validate-calendar.ts)
    p('(.*) is not a real date', '$1 — несуществующая дата'),
    p('(.*) is not a real month and day', '$1 — несуществующие месяц и день'),
    p('expected a lowercase id like "ru"', 'ожидается id из строчных латинских букв, например "ru"'),
    p('expected a calendar id like "ru"', 'ожидается id календаря, например "ru"'),
    p('expected a four-digit year', 'ожидается год из четырёх цифр'),
    p('expected a year from 1900 to 2600', 'ожидается год от 1900 до 2600'),
    p(String.raw`(\S+) is a (?<tr1>\w+), not a Saturday or Sunday`, '$1 — $<tr1>, а не суббота или воскресенье'),
    p(String.raw`(\S+) is not listed as a transferred day off`, '$1 не указан как перенесённый выходной'),
    p(String.raw`(\S+) is listed as moved from (\S+), not from (\S+)`, '$1 указан как перенесённый с $2, а не с $3'),
    p(
      String.raw`(\S+) is a (?<tr1>\w+): a transferred day off must be a weekday`,
      '$1 — $<tr1>: перенесённый выходной должен приходиться на будний день',
    ),
    p(String.raw`(\S+) is not listed as a working weekend day`, '$1 не указан как рабочий выходной день'),
    p(String.raw`(\S+) is not listed as a holiday`, '$1 не указан как праздник'),
    p(
      String.raw`the holiday (\S+) is a (?<tr1>\w+): only a weekend holiday moves`,
      'праздник $1 — $<tr1>: переносится только праздник, выпавший на выходной',
    ),
    p(
      String.raw`(\S+) is also listed in (\S+): a shortened day must be a working day`,
      '$1 также указан в $2: сокращённый день должен быть рабочим',
    ),
    p(
      String.raw`(\S+) is a (?<tr1>\w+): a shortened day must be a working day`,
      '$1 — $<tr1>: сокращённый день должен быть рабочим',
    ),
    p(String.raw`(\S+) is not in (\d+)`, '$1 не относится к $2 году'),
    p(String.raw`(\S+) is listed twice in (\S+)`, '$1 указан в $2 дважды'),
    p(String.raw`(\S+) is listed in both (\S+) and (\S+)`, '$1 указан и в $2, и в $3'),
    p(
      String.raw`the range ends \((\S+)\) before it starts \((\S+)\)`,
      'интервал заканчивается ($1) раньше, чем начинается ($2)',
    ),
    p(String.raw`the file is for (\d+), but its name says (\d+)`, 'файл относится к $1 году, а в его имени указан $2'),
    p('the file is for the calendar "(.*)", not "(.*)"', 'файл относится к календарю "$1", а не "$2"'),
    p(
      String.raw`(\S+) \((.*)\) is a non-working holiday under Labour Code art\. 112, but the file does not list it as a holiday`,
      '$1 ($2) — нерабочий праздничный день по ст. 112 ТК РФ, но в файле он не указан как праздник',
    ),
    p(
      String.raw`(\S+) is not a holiday of Labour Code art\. 112 \(a day off moved by decree is a transferred day off\)`,
      '$1 не является праздником по ст. 112 ТК РФ (выходной, перенесённый постановлением, — это перенесённый выходной)',
    ),
    p(
      String.raw`(\S+) is not shortened under Labour Code art\. 95: only the working day right before a non-working holiday is \(or a working weekend day that replaces one\)`,
      '$1 не сокращается по ст. 95 ТК РФ: сокращается только рабочий день непосредственно перед нерабочим праздником (или заменяющий его рабочий выходной)',
    ),
    p(
      String.raw`(\S+) is the working day before the holiday (\S+): shortened under Labour Code art\. 95, but the file does not list it as shortened`,
      '$1 — рабочий день перед праздником $2: по ст. 95 ТК РФ он сокращённый, но в файле не указан как сокращённый',
    ),
    p('Monday', 'понедельник'),
    p('Tuesday', 'вторник'),
    p('Wednesday', 'среда'),
    p('Thursday', 'четверг'),
    p('Friday', 'пятница'),
    p('Saturday', 'суббота'),
    p('Sunday', 'воскресенье'),
    // the ticket store (src/ticket/validate.ts and the JSON file store layout)
    p('the ticket store is not valid JSON: (?<tr1>.*)', 'хранилище заявок — некорректный JSON: $<tr1>'),
    p(
      String.raw`the ticket store is empty, yet regdesk last wrote it with (\d+) ticket\(s\) \((.+?)\): it was cut short outside regdesk; restore it from a copy \(or delete (.+?) to start an empty store\); nothing was changed`,
      'хранилище заявок пусто, хотя regdesk в последний раз записал в него заявок: $1 ($2): файл обрезан не regdesk; восстановите его из копии (или удалите $3, чтобы начать пустое хранилище); ничего не изменено',
    ),
    p(
      'the user config is not valid JSON: (?<tr1>.*?); correct it, or delete the file to start again',
      'файл настроек — некорректный JSON: $<tr1>; исправьте его или удалите, чтобы начать заново',
    ),
    p(
      String.raw`the ticket store is empty \(truncated\?\); expected \{"format": (\d+), "tickets": \[…\]\}`,
      'хранилище заявок пусто (файл обрезан?); ожидается {"format": $1, "tickets": […]}',
    ),
    p(
      String.raw`expected an object \{"format": (\d+), "tickets": \[…\]\}`,
      'ожидается объект {"format": $1, "tickets": […]}',
    ),
    p(String.raw`expected "format": (\d+) \(a whole number\)`, 'ожидается "format": $1 (целое число)'),
    p(
      String.raw`written by a newer regdesk \(store format (\d+); this version reads formats up to (\d+)\): upgrade regdesk to use it; the file was left as it is`,
      'записано более новой версией regdesk (формат хранилища $1; эта версия читает форматы до $2): обновите regdesk; файл оставлен как есть',
    ),
    p('"tickets" must be a list, got (?<tr1>.*)', 'значение "tickets" должно быть списком, получено $<tr1>'),
    p(String.raw`duplicate ticket id (\S+)`, 'повторяющийся id заявки $1'),
    p(
      String.raw`expected \{field, kind, offset, value\} pointing into a text field of the same object`,
      'ожидается {field, kind, offset, value}, указывающий на текстовое поле того же объекта',
    ),
    p(String.raw`unexpected end of the file \(is it truncated\?\)`, 'неожиданный конец файла (файл обрезан?)'),
    p(String.raw`bad \\u escape in a string`, 'некорректная последовательность \\u в строке'),
    p('bad escape in a string', 'некорректная escape-последовательность в строке'),
    p(
      String.raw`a line break or control character inside a string \(a missing closing quote\?\)`,
      'перевод строки или управляющий символ внутри строки (не хватает закрывающей кавычки?)',
    ),
    p('nested too deeply', 'слишком глубокая вложенность'),
    p('expected a property name in double quotes', 'ожидается имя свойства в двойных кавычках'),
    p(
      String.raw`expected a value \(object, list, string, number, true, false or null\)`,
      'ожидается значение (объект, список, строка, число, true, false или null)',
    ),
    p('unexpected text after the end of the JSON document', 'лишний текст после конца JSON-документа'),
    p('not valid JSON', 'некорректный JSON'),
    // importing a production calendar (src/calendar/import.ts)
    p(
      'expected a <calendar year="…"> production calendar, found no <calendar> element',
      'ожидается производственный календарь <calendar year="…">, но элемента <calendar> нет',
    ),
    p(String.raw`d="(.*)" is not a real month\.day in (\d+)`, 'd="$1" — несуществующие месяц.день в $2 году'),
    p(
      String.raw`(\S+) is not in (\d+): a file holds one year \(the year of its first date\)`,
      '$1 не относится к $2 году: в файле один год (год его первой даты)',
    ),
    p('the file lists no dates', 'в файле нет дат'),
    p('no year found', 'год не найден'),
    p(
      String.raw`the year moves (\d+) days? off \(transferred days off less working weekend days\), but Labour Code art\. 112 part 2 moves (\d+): one for each holiday on a weekend \((.*)\) and the two the Government moves from the New Year holidays; is the year complete, or provisional \(--provisional\)\?`,
      'в году перенесено выходных: $1 (перенесённые выходные минус рабочие выходные дни), а по ч. 2 ст. 112 ТК РФ их $2: по одному за каждый праздник, выпавший на выходной ($3), и два, которые Правительство переносит с новогодних праздников; год указан полностью или он предварительный (--provisional)?',
    ),
    // "expected X, got Y": what was expected and what was found, each said on its own
    p('expected (?<tr1>.+?), got (?<tr2>.+)', 'ожидается $<tr1>; получено: $<tr2>'),
    p('a time range like "09:00-18:00"', 'интервал времени вида "09:00-18:00"'),
    p('a number of units', 'число единиц'),
    p('one of (.*)', 'одно из значений: $1'),
    p('"closed" or a list of time ranges', '"closed" или список интервалов времени'),
    p(
      String.raw`a weekday \(mon…sun\) or a list of time ranges`,
      'день недели (mon…sun) или список интервалов времени',
    ),
    p(String.raw`"(\w+)" or "(\w+)"`, '"$1" или "$2"'),
    p('a rule, one of (.*)', 'правило, одно из: $1'),
    p('a date like "(.*)"', 'дата вида "$1"'),
    p('a month and day like "01-07"', 'месяц и день вида "01-07"'),
    p('a four-digit year', 'год из четырёх цифр'),
    p(String.raw`a map of keys \(schemaVersion, id, name, …\)`, 'словарь ключей (schemaVersion, id, name, …)'),
    p('a ticket object', 'объект заявки'),
    p('an id like "MG-000123"', 'id вида "MG-000123"'),
    p('a regulation id', 'id регламента'),
    p('a string or null', 'строка или null'),
    p('true or false', 'true или false'),
    p('a map of keys', 'словарь ключей'),
    p('a number', 'число'),
    p('a whole number', 'целое число'),
    // YAML syntax (src/data/yaml.ts syntaxSentence)
    p('a quote is opened and not closed on this line', 'кавычка открыта и не закрыта в этой строке'),
    p(
      String.raw`a key must be on one line \(is a quote or a bracket not closed above\?\)`,
      'ключ должен быть записан в одну строку (не осталась ли выше незакрытая кавычка или скобка?)',
    ),
    p(
      String.raw`a ([\[{]) is opened and not closed \(or what follows is not indented under it\)`,
      'скобка $1 открыта и не закрыта (или то, что идёт дальше, не сдвинуто под неё)',
    ),
    p('the keys of one map must start at the same column', 'ключи одного словаря должны начинаться с одной позиции'),
    p('this key is given twice in the same map', 'этот ключ указан в словаре дважды'),
    p(
      String.raw`a value holds ": " \(quote it, or put the map on lines of its own\)`,
      'в значении есть ": " (возьмите его в кавычки или запишите словарь на отдельных строках)',
    ),
    p(
      'a tab is used to indent; YAML indents with spaces',
      'для отступа использована табуляция; в YAML отступы делаются пробелами',
    ),
    p('a string', 'строка'),
    p('an ISO 8601 instant with offset or null', 'момент времени ISO 8601 со смещением или null'),
    p('an ISO 8601 instant with offset', 'момент времени ISO 8601 со смещением'),
    p('an object or null', 'объект или null'),
    p('a list of events', 'список событий'),
    p('an event object', 'объект события'),
    p('a list of recorded windows', 'список записанных окон'),
    p('a recorded window', 'записанное окно'),
    p('a reason or null', 'причина или null'),
    p('a <calendar year="…"> production calendar', 'производственный календарь <calendar year="…">'),
    p('<calendar year="YYYY">', '<calendar year="YYYY">'),
    p(String.raw`d="MM\.DD" \(month\.day\)`, 'd="MM.DD" (месяц.день)'),
    p(
      String.raw`t="1" \(day off\), "2" \(shortened working day\) or "3" \(working weekend day\)`,
      't="1" (выходной), "2" (сокращённый рабочий день) или "3" (рабочий выходной день)',
    ),
    p(String.raw`f="MM\.DD" \(the day off moved from\)`, 'f="MM.DD" (дата, с которой перенесён выходной)'),
    p(String.raw`a date like 2027-01-01 or 01\.01\.2027`, 'дата вида 2027-01-01 или 01.01.2027'),
    p('a kind, one of (.*)', 'вид дня, одно из: $1'),
    p('the date a day off was moved from', 'дата, с которой перенесён выходной'),
    p('(string|number|boolean|object|array|null)', '$1'),
    // what was found (kindOf, describe)
    p('nothing', 'ничего'),
    p('none', 'ничего'),
    p('no year', 'год не указан'),
    p(String.raw`<([\w:-]+)>`, '<$1>'),
    p('([a-z]+)="(.*)"', '$1="$2"'),
    p('a list', 'список'),
    p('a text', 'текст'),
    p('a JSON object', 'объект JSON'),
    p('an event object', 'объект события'),
    p('an Okdesk issue object', 'заявка Okdesk (объект)'),
    p('a Usedesk ticket object', 'тикет Usedesk (объект)'),
    p(String.raw`an attachment \{name, type, size\}`, 'вложение {name, type, size}'),
    p('a file name', 'имя файла'),
    p('a MIME type like image/png', 'тип MIME вида image/png'),
    p(String.raw`a size in bytes \(a whole number, 0 or more\)`, 'размер в байтах (целое число, 0 или больше)'),
    p('a comment', 'комментарий'),
    p('a change', 'изменение'),
    p('a status code', 'код статуса'),
    p('an object with a name', 'объект с именем'),
    p('true or false', 'true или false'),
    p('a map', 'словарь'),
    p('the text (".*")', 'текст $1'),
    p('the number (.*)', 'число $1'),
    p('the value (.*)', 'значение $1'),
    p(String.raw`(".*"|-?[\d.]+|true|false)`, '$1'),
  ]
}
