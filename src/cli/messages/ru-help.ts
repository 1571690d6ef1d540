import type { Phrase } from './phrases.js'

/** A pattern for an English text taken as it is: its regex metacharacters escaped (anchoring is the book's). */
function exact(english: string): RegExp {
  return new RegExp(english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
}

/**
 * Russian for the help: descriptions of commands, options and arguments, commander's own words, the titles and the
 * texts after the options (src/cli/program.ts, `applySettings` and `sayHelpLines`). A text after the options is said
 * line by line as it is written in the source; a description is said whole, before commander wraps it. Option names,
 * command names, ids, placeholders, file names, env variables and code in backticks stay as they are. The first pattern
 * that matches the whole text wins: the general ones (commander's `(choices: …)`, `(default: …)`) come last.
 */
export function ruHelp(): readonly Phrase[] {
  // built when the interface is Russian (src/cli/messages/index.ts): an English command does not make its expressions
  return [
    // commander's titles and its own descriptions
    // commander's [options] and [command] of the usage line; the command's own arguments stay as they are
    [/Usage: (.*) \[options\] \[command\]$/, 'Использование: $1 [параметры] [команда]'],
    [/Usage: (.*) \[options\]( .*)?$/, 'Использование: $1 [параметры]$2'],
    [/Usage: (.*)/, 'Использование: $1'],
    [exact('Options:'), 'Параметры:'],
    [exact('Global Options:'), 'Общие параметры:'],
    [exact('Commands:'), 'Команды:'],
    [exact('Arguments:'), 'Аргументы:'],
    [exact('show help'), 'показать справку'],
    [exact('display help for command'), 'показать справку по команде'],
    [/(help \[command\] +)display help for command/, '$1показать справку по команде'],
    [exact('Examples:'), 'Примеры:'],
    // commander's [options] in a list of commands (program.ts: subcommandTerm)
    [exact('[options]'), '[параметры]'],

    // sample texts in examples: said in the interface language (sayHelpLines reads each line whole)
    [
      /(\$ regdesk tickets respond MG-000001 --at 2026-11-23T11:00\+03:00 -m )"asked for FTP access"/,
      '$1"запросили доступ по FTP"',
    ],
    [/(\$ regdesk tickets reply AS-000004 -m )"here are the logs"/, '$1"вот логи"'],
    [
      /(\$ regdesk tickets add -r advantshop --tier partner --critical --subject )"site down"( - < request\.txt)/,
      '$1"сайт не работает"$2',
    ],
    [/(\$ regdesk completion zsh > ~\/\.zfunc\/_regdesk +)# a directory of your fpath/, '$1# каталог из вашего fpath'],
    [exact('e.g. IC-000123'), 'например, IC-000123'],

    // regdesk: the program, its global options, exit codes and environment
    [
      exact('Apply a technical-support regulation: triage requests, SLA deadlines in working time, reports'),
      'Работа по регламенту техподдержки: разбор обращений, сроки SLA в рабочем времени, отчёты',
    ],
    [exact('print the version'), 'показать версию'],
    [
      exact('fix the clock for every computation (e.g. 2026-11-20T15:00+03:00)'),
      'зафиксировать текущее время для всех расчётов (например, 2026-11-20T15:00+03:00)',
    ],
    [
      exact('ticket store: a JSON file, or postgres://user@host/db for a team (env REGDESK_STORE, config `store`)'),
      'хранилище заявок: JSON-файл или postgres://user@host/db для команды (переменная REGDESK_STORE, настройка `store`)',
    ],
    [
      exact('extra regulation files; same id overrides a built-in one'),
      'каталог дополнительных регламентов; регламент с тем же id заменяет встроенный',
    ],
    [
      exact('interface language (config `lang`, else LC_ALL, LC_MESSAGES, LANG)'),
      'язык интерфейса (настройка `lang`, иначе LC_ALL, LC_MESSAGES, LANG)',
    ],
    [exact('print one JSON document on stdout'), 'вывести один JSON-документ в stdout'],
    [
      exact('no colour (also NO_COLOR=1; off when not a terminal)'),
      'без цвета (также NO_COLOR=1; цвета нет, если вывод не в терминал)',
    ],
    [exact('show stack traces of errors'), 'показывать трассировку стека при ошибках'],
    [exact('Exit codes:'), 'Коды завершения:'],
    [exact('0    success (an empty result is a success)'), '0    успех (пустой результат — тоже успех)'],
    [
      exact('1    failure (e.g. a ticket not found, a file that cannot be read)'),
      '1    сбой (например, заявка не найдена или файл не читается)',
    ],
    [
      exact('2    usage error (unknown option, bad value)'),
      '2    ошибка вызова (неизвестный параметр, недопустимое значение)',
    ],
    [
      exact('3    invalid data (regulation, calendar or store file): file:line:column'),
      '3    некорректные данные (файл регламента, календаря или хранилища): файл:строка:столбец',
    ],
    [exact('4    `overdue --check` found overdue tickets'), '4    `overdue --check` нашёл просроченные заявки'],
    [exact('130  cancelled (Ctrl-C)'), '130  прервано (Ctrl-C)'],
    [/Environment: (.*); for a postgres:\/\/ store also/, 'Переменные окружения: $1; для хранилища postgres:// также'],

    // triage, and the options it shares with tickets add
    [
      exact('Is this request in scope? Which level, which clause, what is missing, by when must we react'),
      'Разбор обращения: в рамках ли оно поддержки, какой уровень и пункт регламента, чего не хватает, к какому сроку отреагировать',
    ],
    [
      exact('the request text; "-" reads stdin; none on a terminal asks interactively'),
      'текст обращения; "-" — прочитать из stdin; без текста в терминале — интерактивный режим',
    ],
    [
      exact('ask for the regulation, channel, tier and text, then offer choices'),
      'спросить регламент, канал, тариф и текст, затем предложить варианты',
    ],
    [
      exact('print a reply draft for the customer (Russian) instead of the verdict; with --json, in `reply`'),
      'вывести черновик ответа клиенту (на русском) вместо заключения; с --json — в поле `reply`',
    ],
    [exact('regulation id (default: config `regulation`)'), 'id регламента (по умолчанию — настройка `regulation`)'],
    [exact('how the request came in'), 'канал, по которому пришло обращение'],
    [
      exact('customer tier of the regulation (e.g. moguta: licensed | partner | demo)'),
      'тариф клиента по регламенту (например, moguta: licensed | partner | demo)',
    ],
    [
      exact('product id or name (mst: "Fenix+ 2", fireguard-3, …)'),
      'id или название продукта (mst: "Fenix+ 2", fireguard-3, …)',
    ],
    [exact('the customer runs an outdated version'), 'у клиента устаревшая версия'],
    [exact("the product's code was modified"), 'в код продукта вносились изменения'],
    [exact('licence purchase date, YYYY-MM-DD'), 'дата покупки лицензии, YYYY-MM-DD'],
    [exact('when the request was received (default: --now)'), 'когда получено обращение (по умолчанию — --now)'],
    [exact('read the request text from a file'), 'прочитать текст обращения из файла'],
    [
      exact('read the request from an e-mail (RFC 822 .eml file, - for stdin): sender, Date, text'),
      'прочитать обращение из письма (файл .eml в формате RFC 822, - — из stdin): отправитель, Date, текст',
    ],
    [
      exact('encoding of --file or stdin text (auto: UTF-8, else windows-1251 or koi8-r)'),
      'кодировка текста из --file или stdin (auto: UTF-8, иначе windows-1251 или koi8-r)',
    ],

    // deadline
    [
      exact("When the reaction is due, counted in the regulation's working time"),
      'Срок реакции, отсчитанный в рабочем времени регламента',
    ],
    [
      exact("SLA level (default: the regulation's default level)"),
      'уровень SLA (по умолчанию — основной уровень регламента)',
    ],
    [
      exact('ad-hoc working duration instead of a level: 90m, 8h, 3d'),
      'произвольная длительность в рабочем времени вместо уровня: 90m, 8h, 3d',
    ],
    [exact('show day by day how the deadline was derived'), 'показать по дням, как получен срок'],
    [
      exact('read JSON Lines from FILE or stdin (-), write JSON Lines'),
      'читать JSON Lines из FILE или stdin (-), выводить JSON Lines',
    ],
    [/Batch lines: (.*)/, 'Строки на входе: $1'],
    [
      exact('Output lines: {"id", "deadline", "target"} or {"id", "error"} for a bad line.'),
      'Строки на выходе: {"id", "deadline", "target"} или {"id", "error"} для ошибочной строки.',
    ],

    // elapsed
    [
      exact("Working time between two instants under a regulation's hours and calendar"),
      'Рабочее время между двумя моментами по часам работы и календарю регламента',
    ],
    [exact('start instant (required)'), 'начальный момент (обязательно)'],
    [exact('end instant (default: --now)'), 'конечный момент (по умолчанию — --now)'],

    // calendar
    [
      exact('Working days and hours of a regulation, by its production calendar'),
      'Рабочие дни и часы регламента по его производственному календарю',
    ],
    [
      exact("each day's kind and open hours (a month grid in a terminal, rows in JSON)"),
      'тип каждого дня и часы работы (в терминале — сетка месяца, в JSON — строки)',
    ],
    [exact('regulation id'), 'id регламента'],
    [exact('one month (default: the month of --now)'), 'один месяц (по умолчанию — месяц --now)'],
    [exact('first day, YYYY-MM-DD (with --to)'), 'первый день, YYYY-MM-DD (вместе с --to)'],
    [exact('last day, YYYY-MM-DD, inclusive'), 'последний день включительно, YYYY-MM-DD'],
    [
      exact('a whole year, and where the calendar of that year comes from'),
      'весь год и откуда взят календарь на этот год',
    ],
    [
      exact('regulation id (or -r; default: config `regulation`)'),
      'id регламента (или -r; по умолчанию — настройка `regulation`)',
    ],
    [
      exact('install a year of the production calendar (XML, CSV or YAML); it replaces the shipped year'),
      'установить год производственного календаря (XML, CSV или YAML) вместо поставляемого',
    ],
    [
      exact('the file format (default: by its extension or content)'),
      'формат файла (по умолчанию — по расширению или содержимому)',
    ],
    [exact('the production calendar the year belongs to'), 'производственный календарь, к которому относится год'],
    [
      exact('no decree is published yet: computations touching the year keep warning'),
      'постановление ещё не опубликовано: расчёты, затрагивающие этот год, будут с предупреждением',
    ],
    [
      exact('the decree the year follows, for `calendar show`'),
      'постановление, по которому составлен год, для `calendar show`',
    ],
    [
      exact('check the file and show what would change; write nothing'),
      'проверить файл и показать, что изменится, ничего не записывая',
    ],
    [
      exact('the calendar file: public XML production calendar, CSV or YAML of dates'),
      'файл календаря: открытый производственный календарь в XML, список дат в CSV или YAML',
    ],
    [
      exact("The year is written to the user's calendar directory (REGDESK_CALENDARS_DIR, else"),
      'Год записывается в каталог календарей пользователя (REGDESK_CALENDARS_DIR, иначе',
    ],
    [
      /(~\/\.local\/share\/regdesk\/calendars\)) as (<calendar>-<year>\.yaml); delete that file to use the shipped year again\./,
      '$1 как $2; удалите этот файл, чтобы вернуться к поставляемому году.',
    ],
    [
      exact(
        'Formats: README.md, "regdesk calendar import FILE". Exit 3 with file:line:column when the file is not a complete,',
      ),
      'Форматы: README.md, "regdesk calendar import FILE". Код 3 и файл:строка:столбец, если в файле не полный год',
    ],
    [exact('lawful year (nothing is written then).'), 'по закону (тогда ничего не записывается).'],
    [
      exact('open or closed at an instant, and the next opening and closing'),
      'открыто ли в заданный момент, ближайшие открытие и закрытие',
    ],
    [exact('ISO 8601 instant (default: --now)'), 'момент в ISO 8601 (по умолчанию — --now)'],

    // regulations
    [
      exact('List, show, validate and lint the support regulations'),
      'Регламенты поддержки: список, просмотр, проверка формата и замечания',
    ],
    [exact('each regulation with its timezone and levels'), 'все регламенты с часовым поясом и уровнями'],
    [exact('everything a regulation says, with its clauses'), 'всё содержание регламента по пунктам'],
    [
      exact('regulation id, e.g. moguta (or -r; default: config `regulation`)'),
      'id регламента, например moguta (или -r; по умолчанию — настройка `regulation`)',
    ],
    [
      exact('check regulation files against the format (exit 3 with file:line:column when invalid)'),
      'проверить файлы регламентов на соответствие формату (при ошибке — код 3 и файл:строка:столбец)',
    ],
    [exact('YAML files; default: every known regulation'), 'YAML-файлы; по умолчанию — все известные регламенты'],
    [
      exact('notes and ambiguities: unregulated levels, topics without match data, repeated clauses, shadowing'),
      'замечания и неоднозначности: уровни без установленного срока, темы без данных для сопоставления, повторы пунктов, перекрытие тем',
    ],
    [exact('one regulation'), 'один регламент'],
    [exact('one regulation (or -r); default: all'), 'один регламент (или -r); по умолчанию — все'],

    // config
    [
      exact('Read and change your settings (default regulation, agent name, store)'),
      'Просмотр и изменение настроек (регламент по умолчанию, имя сотрудника, хранилище)',
    ],
    [exact('show every key and its value'), 'показать все ключи и их значения'],
    [exact('print the value of a key (nothing when unset)'), 'вывести значение ключа (ничего, если не задано)'],
    [exact('set a key'), 'задать значение ключа'],
    [exact('the new value'), 'новое значение'],
    [exact('remove a key'), 'удалить ключ'],
    [exact('print where the settings file is'), 'показать путь к файлу настроек'],
    [exact('Keys:'), 'Ключи:'],
    [
      /(regulation +)default regulation id for commands that take --regulation/,
      '$1id регламента по умолчанию для команд с параметром --regulation',
    ],
    [
      /(agent +)your name, recorded as the author of ticket events/,
      '$1ваше имя, записывается как автор событий заявки',
    ],
    [
      /(store +)the ticket store: a file path, or a postgres:\/\/ URL for a team store/,
      '$1хранилище заявок: путь к файлу или URL postgres:// для общего хранилища команды',
    ],
    [
      /(regulationsDir +)a directory of extra regulation files \(same id overrides a built-in one\)/,
      '$1каталог дополнительных регламентов (регламент с тем же id заменяет встроенный)',
    ],
    [
      /(lang +)the interface language, ru or en \(else the locale: LC_ALL, LC_MESSAGES, LANG\)/,
      '$1язык интерфейса, ru или en (иначе по локали: LC_ALL, LC_MESSAGES, LANG)',
    ],

    // tickets
    [
      exact('The local ticket store: take requests in, respond, wait, resolve, close; the queue'),
      'Заявки: приём обращений, ответ, ожидание, решение, закрытие; очередь',
    ],
    [
      exact('Triage a request and store it as a ticket: prints its id, verdict and deadline'),
      'Разобрать обращение и сохранить как заявку: выводит её номер, заключение и срок',
    ],
    [exact('a short subject (default: the start of the text)'), 'краткая тема (по умолчанию — начало текста)'],
    [
      exact('a critical "restore a broken site" request (out of turn where the regulation says so)'),
      'критичное обращение «восстановить неработающий сайт» (вне очереди, если так предусмотрено регламентом)',
    ],
    [exact("store with this level instead of triage's"), 'сохранить с этим уровнем вместо определённого при разборе'],
    [
      exact('show credentials found in the text instead of masking them'),
      'показать найденные в тексте доступы, не скрывая их',
    ],
    [
      exact('store a --received-at later than --now (a clock that is wrong, not the request)'),
      'сохранить --received-at позже --now (неверны часы, а не обращение)',
    ],
    [
      exact('take in a mailbox (mboxrd): one ticket per message, a message already stored skipped'),
      'принять почтовый ящик (mboxrd): по заявке на письмо, письма, которые уже есть в хранилище, пропускаются',
    ],
    [exact('the request text, or - to read it from stdin'), 'текст обращения или -, чтобы прочитать его из stdin'],
    [
      exact('List stored tickets with their SLA state (empty result: exit 0, JSON [])'),
      'Список заявок с состоянием SLA (пустой результат: код 0, JSON [])',
    ],
    [/only these statuses, comma-separated: (.*)/, 'только эти статусы, через запятую: $1'],
    // tickets import and export (docs/IMPORT.md)
    [
      exact(
        "Take in a helpdesk's tickets with their history (generic JSON Lines or CSV, Okdesk, Usedesk): one ticket per source record, again and again without duplicates",
      ),
      'Импорт заявок из helpdesk с их историей (общий формат JSON Lines или CSV, Okdesk, Usedesk): одна заявка на запись источника, повторный импорт не создаёт дублей',
    ],
    [exact('the file, or - to read stdin'), 'файл или - для чтения из stdin'],
    [exact('the format of the file'), 'формат файла'],
    [
      exact('the regulation the tickets are judged by (default: config `regulation`)'),
      'регламент, по которому оцениваются заявки (по умолчанию — настройка `regulation`)',
    ],
    [
      exact("the timezone of times without an offset (default: the regulation's)"),
      'часовой пояс для времени без смещения (по умолчанию: пояс регламента)',
    ],
    [
      exact('do not triage the texts (the level comes from the record, its tier or --level)'),
      'не разбирать тексты (уровень — из записи, её тарифа или --level)',
    ],
    [exact('give every imported ticket this level'), 'дать всем импортированным заявкам этот уровень'],
    [
      exact('The formats are described in docs/IMPORT.md. A record already imported (same source and external_id)'),
      'Форматы описаны в docs/IMPORT.md. Уже импортированная запись (тот же source и external_id)',
    ],
    [
      exact('is updated when it changed and left alone when not. A bad row is reported with its line and field and'),
      'обновляется, если изменилась, и остаётся как есть, если нет. Ошибочная строка называется с номером и полем и',
    ],
    [
      exact('skipped; the others are imported, and the exit code is 1.'),
      'пропускается; остальные импортируются, код выхода — 1.',
    ],
    [
      exact('Write the stored tickets in the generic import format (JSON Lines or CSV), history included'),
      'Выгрузить заявки в общем формате импорта (JSON Lines или CSV) вместе с историей',
    ],
    [
      exact('JSON Lines (with events) or CSV (flat); default: csv for an -o file ending in .csv, else jsonl'),
      'JSON Lines (с событиями) или CSV (плоский); по умолчанию csv для файла -o с расширением .csv, иначе jsonl',
    ],
    [
      exact('write to this file (replaced whole, atomically) instead of stdout'),
      'записать в этот файл (целиком, атомарно) вместо stdout',
    ],
    [
      exact('The format is the one `tickets import` reads (docs/IMPORT.md): importing an export into an empty store'),
      'Формат — тот, что читает `tickets import` (docs/IMPORT.md): импорт выгрузки в пустое хранилище',
    ],
    [
      exact(
        'gives the same tickets. Credentials stay masked. CSV has no events or attachments column: only the flat times.',
      ),
      'даёт те же заявки. Учётные данные остаются скрытыми. В CSV нет столбцов events и attachments: только отдельные времена.',
    ],
    [
      exact('output format (html: a printable page with charts)'),
      'формат вывода (html: страница для печати с графиками)',
    ],
    [
      exact('write to this file (replaced whole) instead of stdout; the format follows its extension'),
      'записать в этот файл (целиком) вместо stdout; формат — по расширению',
    ],
    [exact('only tickets of this regulation'), 'только заявки этого регламента'],
    [
      exact('only tickets assigned to this agent ("none": unassigned)'),
      'только заявки этого сотрудника ("none" — без исполнителя)',
    ],
    [
      exact('only tickets assigned to you (config `agent`, else your user name)'),
      'только ваши заявки (настройка `agent`, иначе имя пользователя в системе)',
    ],
    [exact('only tickets with a window past its deadline'), 'только заявки с просроченным окном реакции'],
    [
      exact('the overdue tickets and also those at risk (as `overdue --at-risk`)'),
      'просроченные заявки и заявки под угрозой просрочки (как `overdue --at-risk`)',
    ],
    [exact('show credentials instead of masking them'), 'показывать доступы, не скрывая их'],
    [
      exact('One ticket: its details, timeline, and each reaction window with its deadline and outcome'),
      'Одна заявка: сведения, история и каждое окно реакции со сроком и итогом',
    ],
    [exact('e.g. MG-000123 (mg-123 works too)'), 'например, MG-000123 (можно и mg-123)'],
    [
      exact("A reply draft for the customer (Russian) from the ticket's verdict: what to send, why not, where to"),
      'Черновик ответа клиенту (на русском) по заключению разбора заявки: что ответить, почему отказ, куда обратиться',
    ],
    [exact('e.g. MG-000123'), 'например, MG-000123'],
    [
      exact('Record an agent response (closes the open reaction window)'),
      'Записать ответ сотрудника (закрывает открытое окно реакции)',
    ],
    [
      exact('when it happened (default: --now); not before the ticket was received'),
      'когда это произошло (по умолчанию — --now); не раньше получения заявки',
    ],
    [
      exact("record a time in the future or before the ticket's last event (a late entry of the record)"),
      'записать время в будущем или раньше последнего события заявки (запись задним числом)',
    ],
    [exact('what was said (credentials in it are masked)'), 'что было сказано (доступы в тексте скрываются)'],
    [
      exact('Record a customer reply (advantshop, umi: opens a new reaction window after an answer)'),
      'Записать ответ клиента (advantshop, umi: после ответа сотрудника открывает новое окно реакции)',
    ],
    [exact('Mark the ticket as waiting for the customer'), 'Перевести заявку в ожидание ответа клиента'],
    [exact('Mark the ticket resolved'), 'Отметить заявку как решённую'],
    [exact('Close the ticket'), 'Закрыть заявку'],
    [exact('Reopen a resolved or closed ticket'), 'Переоткрыть решённую или закрытую заявку'],
    [
      exact(
        'Assign the ticket to an agent ("none" to unassign); a ticket another agent has needs --reassign, so two agents taking it at once cannot both get it',
      ),
      'Назначить заявку сотруднику ("none" — снять назначение); заявку другого сотрудника можно забрать только с --reassign, чтобы двое, взявшие её одновременно, не получили её оба',
    ],
    [exact('take the ticket from the agent it is assigned to'), 'забрать заявку у сотрудника, которому она назначена'],
    [exact('agent name, or none'), 'имя сотрудника или none'],
    [
      exact('Change the SLA level (applies to reaction windows opened from then on)'),
      'Изменить уровень SLA (действует для окон реакции, открытых после этого)',
    ],
    [exact('a level of the regulation, e.g. development'), 'уровень регламента, например development'],
    [
      exact("The order to work tickets in, by each regulation's queue policy"),
      'Порядок работы с заявками по правилам очереди каждого регламента',
    ],
    [
      exact('only this regulation (default: every regulation, one queue each)'),
      'только этот регламент (по умолчанию — все регламенты, у каждого своя очередь)',
    ],
    [
      exact('Policies: first come first served (moguta, advantshop, mst, umi); critical "restore a broken'),
      'Правила: в порядке поступления (moguta, advantshop, mst, umi); критичные обращения «восстановить',
    ],
    [
      exact('site" requests first (advantshop, umi); imagecms: Premium before Pro, then by the oldest last'),
      'неработающий сайт» — первыми (advantshop, umi); imagecms: Premium раньше Pro, затем по самому давнему',
    ],
    [
      exact('customer comment. Only new and open tickets are queued.'),
      'последнему комментарию клиента. В очередь попадают только новые и открытые заявки.',
    ],
    [
      exact("Close tickets by the regulation's lifecycle rules, listing what it closed"),
      'Закрыть заявки по правилам жизненного цикла регламента и перечислить закрытые',
    ],
    [exact('list what would be closed, change nothing'), 'перечислить, что было бы закрыто, ничего не меняя'],
    [exact("only this regulation's tickets"), 'только заявки этого регламента'],
    [
      exact('Rules (imagecms): a resolved ticket closes after 7 calendar days without activity; any ticket'),
      'Правила (imagecms): решённая заявка закрывается через 7 календарных дней без активности; любая заявка',
    ],
    [
      exact("closes after 30 calendar days without a customer answer to the agent's last message."),
      'закрывается через 30 календарных дней без ответа клиента на последнее сообщение сотрудника.',
    ],
    [
      exact("Remove credentials from tickets closed longer than the regulation's retention (moguta: 2 days)"),
      'Удалить доступы из заявок, закрытых дольше срока хранения по регламенту (moguta: 2 дня)',
    ],
    [exact('list what would be purged, change nothing'), 'перечислить, что было бы удалено, ничего не меняя'],
    [
      exact('The values are deleted from the store for good; the texts keep "[removed]" where they were and'),
      'Значения удаляются из хранилища безвозвратно; в текстах на их месте остаётся "[removed]", а в',
    ],
    [
      exact('the ticket gets a note saying so. Regulations without a retention rule are left alone.'),
      'заявку добавляется примечание об этом. Регламенты без правила о сроке хранения не затрагиваются.',
    ],
    [
      exact(
        'Apply the regulation as it is now to the reaction windows opened since a date: shows each deadline that moves, and records it',
      ),
      'Применить текущую редакцию регламента к окнам реакции, открытым с указанной даты: показывает каждый сдвинутый срок и записывает его',
    ],
    [
      exact('windows opened on or after this day (YYYY-MM-DD, in the regulation’s timezone)'),
      'окна, открытые в этот день или позже (YYYY-MM-DD, в часовом поясе регламента)',
    ],
    [exact('show what would change, change nothing'), 'показать, что изменится, ничего не меняя'],
    [
      exact('Each reaction window keeps the deadline it was given when it opened, with the fingerprint of the'),
      'Каждое окно реакции хранит срок, назначенный при открытии, вместе с отпечатком',
    ],
    [
      exact('regulation that set it: a corrected regulation (or another folder of --regulations) changes no'),
      'регламента, который его задал: исправленный регламент (или другой каталог --regulations) не меняет',
    ],
    [
      exact('past deadline until this command applies it, on purpose. Windows keep the level they opened with.'),
      'прошлых сроков, пока эта команда его не применит, — так задумано. Окна сохраняют уровень, с которым открылись.',
    ],
    [
      exact('A ticket stored before windows were recorded gets its windows recorded.'),
      'Заявке, сохранённой до того, как окна стали записываться, окна будут записаны.',
    ],
    [
      exact(
        'Store: --store FILE or postgres://… URL, env REGDESK_STORE, config `store`, else the user data directory.',
      ),
      'Хранилище: --store FILE или URL postgres://…, переменная REGDESK_STORE, настройка `store`, иначе каталог данных пользователя.',
    ],
    [
      exact('Credentials found in texts are masked in every output unless --show-secrets.'),
      'Найденные в текстах доступы скрываются в любом выводе, если не указан --show-secrets.',
    ],

    // overdue
    [
      exact('Open reaction windows past their deadline at --now, most overdue first'),
      'Открытые окна реакции, срок которых истёк к --now; сначала самые просроченные',
    ],
    [
      exact('also windows past their target or with less than 20% of the limit left'),
      'также окна, у которых прошло целевое время или осталось меньше 20% срока',
    ],
    [
      exact('exit 4 when anything is overdue (for cron and monitoring)'),
      'код 4, если есть просроченные (для cron и мониторинга)',
    ],
    [exact('show credentials in subjects instead of masking them'), 'показывать доступы в темах, не скрывая их'],
    [
      exact('LATE is working time past the deadline (clock time in brackets); for at-risk rows it is'),
      'ОПОЗДАНИЕ — рабочее время после срока (в скобках — календарное); для заявок под угрозой просрочки оно',
    ],
    [exact('negative: the time left.'), 'отрицательное: это оставшееся время.'],

    // report
    [
      exact('SLA compliance over a period: reaction windows met, late, overdue; reaction times; breaches'),
      'Соблюдение SLA за период: окна реакции в срок, с опозданием, просроченные; время реакции; нарушения',
    ],
    [
      exact('first day, YYYY-MM-DD (default: the first day of the month of --to, or of --now)'),
      'первый день, YYYY-MM-DD (по умолчанию — первое число месяца --to или --now)',
    ],
    [
      exact('last day, inclusive (default: the day of --now; the last day of the month of a later --from)'),
      'последний день включительно (по умолчанию — день --now; для более позднего --from — последний день его месяца)',
    ],
    [exact('only this regulation'), 'только этот регламент'],
    [exact('one row per'), 'группировать строки по'],
    [exact('output format'), 'формат вывода'],

    // store
    [
      exact('The ticket store: which one is in use, and moving tickets between a file and a team database'),
      'Хранилище заявок: какое используется, перенос заявок между файлом и общей базой данных команды',
    ],
    [
      exact('Which store is in use (--store), its format or schema version, its tickets and size'),
      'Какое хранилище используется (--store), его формат или версия схемы, число заявок и размер',
    ],
    [
      exact('Copy every ticket from one store to another (file or postgres:// URL, either way), then check the copy'),
      'Скопировать все заявки из одного хранилища в другое (файл или URL postgres://, в любую сторону) и проверить копию',
    ],
    [
      exact('add to a target that already holds tickets (those with the same id must be identical)'),
      'добавить в хранилище, где уже есть заявки (заявки с одинаковым номером должны совпадать)',
    ],
    [exact('the store to read: a file or a postgres:// URL'), 'откуда копировать: файл или URL postgres://'],
    [exact('the store to write: a file or a postgres:// URL'), 'куда копировать: файл или URL postgres://'],
    [
      exact('Copying again is safe: tickets already in the target unchanged are skipped. A target that holds'),
      'Копировать повторно безопасно: заявки, которые уже есть в получателе без изменений, пропускаются. Получатель,',
    ],
    [
      exact('other tickets is refused unless --merge; a ticket whose id is in both with different content is'),
      'где есть другие заявки, отклоняется без --merge; заявка, номер которой есть в обоих с разным содержимым,',
    ],
    [exact('refused either way, and nothing is copied.'), 'отклоняется в любом случае, и тогда ничего не копируется.'],

    // completion
    [
      exact('Print a shell completion script: commands, options, regulations, levels, tiers, channels, ticket ids'),
      'Вывести скрипт автодополнения для оболочки: команды, параметры, регламенты, уровни, тарифы, каналы, номера заявок',
    ],
    [
      exact('The script asks regdesk itself for the words to offer (`regdesk __complete`), so it follows your'),
      'Скрипт получает варианты от самого regdesk (`regdesk __complete`), поэтому учитывает ваш',
    ],
    [
      exact('regulations directory, your store and new versions of regdesk without being generated again.'),
      'каталог регламентов, хранилище и новые версии regdesk без повторной генерации.',
    ],

    // tickets edit, tickets note (src/cli/commands/tickets/edit.ts)
    [
      exact(
        'Correct the facts of a ticket after intake; each change is an event (who, when, from, to). A corrected tier re-levels the window still open',
      ),
      'Исправить сведения о заявке после приёма; каждое изменение — событие (кто, когда, было, стало). Исправленный тариф меняет уровень открытого окна реакции',
    ],
    [
      exact('customer tier of the regulation ("none" where it is a tier, e.g. imagecms)'),
      'тариф клиента по регламенту ("none", где это тариф, например imagecms)',
    ],
    [exact('product id or name of the regulation'), 'продукт регламента: id или название'],
    [exact('not critical after all'), 'всё-таки не критичная'],
    [exact('a corrected subject'), 'исправленная тема'],
    [exact('who wrote in (name, address), "none" to clear'), 'кто обратился (имя, адрес); "none" — очистить'],
    [exact('when the correction was made (default: --now)'), 'когда внесено исправление (по умолчанию: --now)'],
    [
      exact("record a time in the future or before the ticket's last event"),
      'записать время в будущем или раньше последнего события заявки',
    ],
    [
      exact('Add an internal note to a ticket (credentials in it are masked)'),
      'Добавить к заявке внутреннюю заметку (доступы в ней скрываются)',
    ],
    [exact('the note'), 'текст заметки'],
    [exact('when it was written (default: --now)'), 'когда она написана (по умолчанию: --now)'],
    [
      exact('A tier whose level differs moves the ticket to that level when its level came from the old tier'),
      'Тариф с другим уровнем переводит заявку на этот уровень, если её уровень шёл от прежнего тарифа',
    ],
    [
      exact('(or it had none): the window still open is re-levelled from its opening, and the queue order follows'),
      '(или уровня не было): открытое окно реакции пересчитывается от его открытия, а порядок очереди следует',
    ],
    [
      exact('the new tier. A level set by hand (tickets level) stays.'),
      'новому тарифу. Уровень, заданный вручную (tickets level), остаётся.',
    ],
    [exact('csv: a last row with the totals'), 'csv: последней строкой — итоги'],
    [
      exact('csv: as Excel in a Russian locale opens it (semicolons, a UTF-8 byte-order mark, decimal commas)'),
      'csv: как его открывает Excel с русскими настройками (точка с запятой, метка порядка байтов UTF-8, десятичная запятая)',
    ],
    [
      exact('csv: as Excel in a Russian locale opens it (semicolons, a UTF-8 byte-order mark)'),
      'csv: как его открывает Excel с русскими настройками (точка с запятой, метка порядка байтов UTF-8)',
    ],
    // lists (src/cli/output/list-options.ts)
    [
      exact('with --json: the fields to print, comma-separated (e.g. --json id,status,deadline)'),
      'с --json: какие поля выводить, через запятую (например, --json id,status,deadline)',
    ],
    [exact('at most this many rows (after sorting)'), 'не больше стольких строк (после сортировки)'],
    [
      exact('order by this field of the JSON record; -FIELD for descending'),
      'упорядочить по этому полю JSON-записи; -ПОЛЕ — по убыванию',
    ],

    // commander's additions to an option's description, in a line of the formatted list (wrapped anywhere)
    [/(.*)\(choices:(.*), default:(.*)/, '$1(варианты:$2, по умолчанию:$3'],
    [/(.*)\(choices:(.*)/, '$1(варианты:$2'],
    [/(.*)\(default:(.*)/, '$1(по умолчанию:$2'],
    [/(.*)\bdefault:(.*)/, '$1по умолчанию:$2'],
  ]
}
