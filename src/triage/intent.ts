import { scriptRegExp } from './script-regexp.js'
import { normalize } from './text.js'

/** What a request asks for: fix/explain something, or do a piece of work for the customer. */
export interface Intent {
  /** something is broken */
  problem: boolean
  /** how does it work, can it do X */
  question: boolean
  /** do this for us: install, migrate, restyle, develop, integrate */
  work: boolean
}

// Every pattern here runs on normalize()d, lower-case text, so none has the `i` flag: with it V8 compiles case
// folding into every class, which doubles the cost of compiling a pattern.

// Imperatives and requests for work ("сделайте", "нужно перенести", "can you install").
const WORK = [
  scriptRegExp(
    String.raw`(?<!\p{L})(?:установите|установить|поставьте|поставить|перенесите|перенести|переместите|переехать|перевезите|сделайте|сделать|доработайте|доработать|разработайте|разработать|сверстайте|сверстать|переверстайте|нарисуйте|настройте|настроить|подключите|подключить|интегрируйте|интегрировать|интеграци\w*|внедрите|внедрить|напишите|написать|создайте|создать|добавьте|добавить|измените|изменить|переделайте|переделать|поменяйте|поменять|оформите|оформить|обновите нам|разместите|разместить|запрограммируйте|запрограммировать|закодьте|закодить|закодим|накатите|залейте|залить|перепишите|переписать|допишите|дописать|кастомизируйте|кастомизировать|автоматизируйте|сверстайте|подготовьте|настроить нам|проверьте наш|посмотрите наш сервер|встройте|встроить|прикрутите|прикрутить)(?!\p{L})`,
    'u',
  ),
  scriptRegExp(
    String.raw`(?:нужн\w*|надо|хотим|хочу|хотели бы|требуется|прошу|просим|можете|могли бы|сможете|возьметесь|беретесь|сколько стоит)\s+(?:\p{L}+\s+){0,3}?(?:установ|перен|сдела|доработ|разработ|сверст|настро|подключ|интегр|внедр|напис|созда|добав|измен|переделa|переделать|поменя|оформ|размест|перевез|нарис|перепис|допис|закод|запрограм|кастомиз)`,
    'u',
  ),
  // "надо, чтобы калькулятор подтягивался в корзину": a requirement for how the site should work asks for the work
  scriptRegExp(
    String.raw`(?<!\p{L})(?:нужно|надо|необходимо|требуется)\s*,?\s+чтобы(?!\s+(?:вы|вам|мне|нам\s+(?:помогли|подсказали|объяснили)))`,
    'u',
  ),
  // "поправьте настройки обмена", "измените конфиг": changing the customer's settings is configuring for them
  scriptRegExp(
    String.raw`(?<!\p{L})(?:поправьте|исправьте|измените|поменяйте|перенастройте|подправьте)\s+(?:\p{L}+\s+)?(?:настройк|конфиг|параметр)`,
    'u',
  ),
  /(?:как\s+(?:это\s+)?(?:закодить|запрограммировать|написать|реализовать|доработать|переписать|дописать))/u,
  /\b(?:please|can you|could you|we need you to|need you to|would you)\s+(?:\w+\s+){0,2}?(?:install|migrate|move|transfer|develop|build|make|create|design|integrate|set up|setup|customi[sz]e|restyle|redesign|write|add|change)\b/,
  /\b(?:install|migrate|develop|integrate|customi[sz]e|redesign) (?:it|our|my|the|a)\b/,
]

const PROBLEM = [
  // "не открывается", "не пересчитывается", "не приходят": a negated present-tense verb is a failure report
  scriptRegExp(
    String.raw`(?<!\p{L})не\s+(?!могли бы|подскажете|знаю|понимаю|понимаем|понятно|разобрал|разбираюсь|разбираемся|нашел|нашла|нашли|нахожу|находим|найду|найти|могу найти|можем найти|могу понять|можем понять|могу разобраться|можем разобраться)\p{L}*(?:ится|ется|ются|ается|яется|ятся|атся|утся|ит|ят|ет|ут|ют|ает|ал|ала|али|ало|ил|ила|или|ило|л|ла|ли|ло)(?!\p{L})`,
    'u',
  ),
  /\b(?:is|are|was|were|does|do|did|can|could|will|would)\s*(?:not|n't)\s+\w+|\b(?:(?:can't|cannot)(?!\s+(?:find|figure|understand|see where))|won't|doesn't|don't|isn't|aren't|unable to|no longer)\b|\b(?:garbled|wrong|incorrect|missing|disappeared|broke|hangs|freezes|timed? out|mismatch|invalid|denied|exception|fatal)\b|\b(?:nobody|no one|none of (?:us|them|the \w+)) (?:can|could|is able to)\b|\b(?:shows?|showing|says|saying|displays?|displaying|throws?|throwing|gives?|returns?) (?:an? |the )?(?:error|warning|exception|message|['"“«])/,
  /не\s+(?!могу (?:найти|понять|разобраться)|можем (?:найти|понять|разобраться))(?:работает|работают|работаит|работет|открывается|открываются|грузится|загружается|загружаются|приходят|приходит|отображается|отображаются|сохраняется|сохраняются|отправляется|отправляются|проходит|проходят|видно|видит|запускается|устанавливается|обновляется|активируется|срабатывает|получается|входит|пускает|могу|можем|удается|удаётся)/u,
  // "пишет что нет прав", "выдаёт: …", "ругается на ключ": the product reports something
  /(?:пишет|выдает|выдаёт|показывает|ругается|выкидывает|выбивает)\s*(?:что|:|«|"|'|ошибк|на\s)/u,
  scriptRegExp(
    String.raw`(?:виснет|завис\p{L}*|крутится|бесконечно\s+(?:грузится|загружается|открывается)|грузится\s+бесконечно|не\s+грузит|криво|съехал\p{L}*|поехал\p{L}*|слетел\p{L}*|сбросил\p{L}*|freez\w*|stuck|hang\w*|crash\w*|slow|empty|nothing (?:happens|fires|shows)|stopped|no longer|returns nothing|does(?:n't| not) (?:show|work|load|open|start))`,
    'u',
  ),
  // "считает неправильно", "неверная сумма", "работает некорректно": a wrong result is a failure report
  scriptRegExp(String.raw`(?<!\p{L})(?:неправильн|неверн|некорректн|ошибочн)\p{L}*`, 'u'),
  scriptRegExp(
    String.raw`(?:ошибк\w*|ошибочк\w*|сломал\w*|слетел\w*|упал\w*|(?<!\p{L})(?:лег|легло|лёг)(?!\p{L})|глючит|глюк\w*|баг\w*|сбой\w*|перестал\w*|пропал\w*|исчез\w*|белый экран|пустая страница|(?<!\p{L})пуст(?:о|ая|ой|ые|ое|ую)(?!\p{L})|висит|зависает|тормозит|медленно|долго грузится|не\s+пускает|вылетает|падает|crash\w*|broken|error|bug|fails?|failed|failing|not working|doesn'?t work|does not work|stopped|blank page|white screen|(?<!\d)(?:500|502|503|504|404)(?!\d))`,
    'u',
  ),
]

const QUESTION = [
  scriptRegExp(
    String.raw`(?<!\p{L})(?:как|каким образом|где|можно ли|есть ли|подскажите|объясните|расскажите|поясните|что значит|что такое|почему|зачем|сколько|какие|какой|какая|how|where|what|why|which|is it possible|can i|can we|is there)(?![-‐](?:то|нибудь|либо))(?!\p{L})`,
    'u',
  ),
  /\?/,
  // "не понимаю", "помогите разобраться", "в документации не нашёл": the customer asks to be explained something
  scriptRegExp(
    String.raw`(?<!\p{L})(?:непонятн\p{L}*|не\s+понятн\p{L}*|не\s+понима\p{L}*|разобрать(?:ся)?|разбира\p{L}*ся|путаюсь|путаемся|запутал\p{L}*|не\s+(?:на(?:шел|шла|шли|хожу|ходим|йду)|могу\s+найти|можем\s+найти)|(?:can't|cannot|couldn't) (?:find|figure|understand)|don't understand|confus\w*)(?!\p{L})`,
    'u',
  ),
]

/** a second-person imperative: "установите", "сделайте", "поправьте" */
const IMPERATIVE = scriptRegExp(String.raw`(?<!\p{L})(\p{L}{4,}(?:ите|йте|ьте))(?!\p{L})`, 'gu')

// Polite imperatives that ask for help, an answer or a look, not for a piece of work: "подскажите", "посмотрите".
const HELP_IMPERATIVES = new Set(
  (
    'подскажите помогите объясните поясните разъясните расскажите скажите посмотрите гляньте взгляните проверьте ' +
    'уточните извините простите учтите примите ответьте свяжитесь пришлите вышлите дайте перезвоните разберитесь ' +
    'подтвердите посоветуйте порекомендуйте направьте сообщите напомните выясните будьте обратите представьте ' +
    'почините исправьте поправьте устраните верните восстановите откатите активируйте сбросьте ' +
    'видите хотите говорите можете пишите звоните смотрите имейте учитывайте'
  ).split(' '),
)
// Words that end like an imperative but ask nothing: nouns in the prepositional case ("на сайте", "в лимите"), the greeting.
const NOT_IMPERATIVES = new Set(
  'сайте лимите кредите депозите визите аудите транзите алфавите здравствуйте здрасьте'.split(' '),
)

/**
 * A Russian imperative of the polite form ("перетащите", "стилизуйте", "заполните") that is not a request for
 * help or an answer: the customer asks the support to do something. General on purpose: the list of work verbs
 * is open, the list of help verbs is short and closed.
 */
function asksToDoWork(t: string): boolean {
  for (const m of t.matchAll(IMPERATIVE)) {
    const word = m[1] ?? ''
    if (!HELP_IMPERATIVES.has(word) && !NOT_IMPERATIVES.has(word)) return true
  }
  return false
}

// English: "can your team moderate", "could you set up", "please configure"
// V8 takes ~2 ms to compile ENGLISH_WORK; a request without its first words skips it
const MAY_ASK_IN_ENGLISH = /\b(?:please|kindly|can|could|would|will)\b/
const ENGLISH_WORK =
  /\b(?:please|kindly|(?:can|could|would|will) (?:you|your (?:team|developers|specialists|staff)))\s+(?:\w+\s+){0,2}?(?:install|migrate|move|transfer|port|develop|build|make|create|design|integrate|set up|setup|configure|customi[sz]e|restyle|redesign|style|write|add|change|upgrade|update|fill|populate|moderate|delete|connect|implement|optimi[sz]e|speed up|rewrite|finish|run|tune|perform|conduct|do)\b/

// A wish for the product ("предлагаю добавить", "было бы удобно", "suggestion: please add") asks the vendor to
// improve its product, not to do work on the customer's site.
const SUGGESTION = scriptRegExp(
  String.raw`(?:предлагаю|предложение|пожелание|было бы (?:удобно|здорово|неплохо|хорошо)|хотелось бы|в (?:следующ|будущ)\p{L}* (?:верси|релиз|обновлени)|suggest\w*|feature request|would be (?:nice|great|useful)|we'd love|i'd love|wish|consider (?:adding|implementing|supporting)|any plans|plans? to (?:add|support|implement)|roadmap|планируете ли|есть ли в планах)`,
  'u',
)

/**
 * "Как настроить", "где добавить", "how to install": an infinitive after a question word asks how to do it oneself,
 * not for the work to be done; it is taken out before looking for requests for work. Asking how to program
 * something ("как это закодить", "как переписать функцию") stays a request for development.
 */
const HOW_TO = scriptRegExp(
  String.raw`(?<!\p{L})(?:как|каким образом|где|куда|можно ли|нельзя ли|не знаю как)(?:\s+[\p{L}\p{N}+.]+){0,3}?\s+(?!(?:за|пере|до|на|раз)?(?:код|программ|писа|реализ|работа|верста|кастомиз))\p{L}+(?:ть|ти|ться)(?!\p{L})`,
  'gu',
)

const HOW_TO_EN = /\b(?:how (?:to|do i|do we|can i|can we)|where (?:do|can) (?:i|we))\s+(?:[a-z]+\s+)?[a-z]+/g

/**
 * "Пытаюсь поставить", "сам переношу", "не получается установить": the customer does it himself and reports how it
 * goes; the infinitive or first-person verb after these words names his own action, not work asked of the support.
 */
const SELF_ACTION = scriptRegExp(
  String.raw`(?<!\p{L})(?:пыта\p{L}*|попыта\p{L}*|пробу\p{L}*|пробова\p{L}*|попробова\p{L}*|стараюсь|стараемся|не\s+(?:могу|можем|смог|смогли|получается|получилось|удается|удаётся|удалось)|сам|сама|сами|самостоятельно|собира(?:юсь|емся))(?:\s+\p{L}+){0,2}?\s+\p{L}+(?:ть|ти|ться|у|ю|ем|им)(?!\p{L})`,
  'gu',
)

/**
 * "Хотим поменять вид каталога, подскажите как": a wish followed by "how" asks how to do it oneself, so the wish is
 * not a request for the work. Only with the "how" question: "хотим поменять вид каталога" alone asks for work.
 */
const ASKS_HOW = scriptRegExp(
  String.raw`(?<!\p{L})(?:(?:подскажите|расскажите|объясните|посоветуйте|поясните)\s*,?\s*(?:пожалуйста\s*,?\s*)?(?:как|каким образом|где|что для этого)|как\s+(?:это|такое|так)\s+(?:сделать|настроить|реализовать|устроить)|с\s+чего\s+начать)(?!\p{L})|\bhow (?:do|can|should) (?:i|we) (?:do|achieve|set up) (?:it|this|that)\b`,
  'u',
)
const WISH = scriptRegExp(
  String.raw`(?<!\p{L})(?:хотим|хочу|хотели бы|хотелось бы|нужно|надо|планируем|собираемся)(?:\s+\p{L}+){0,2}?\s+\p{L}+(?:ть|ти)(?!\p{L})`,
  'gu',
)

/**
 * "Сделаете?", "займётесь?", "возьмётесь за перенос?": the customer asks whether the support will do the work —
 * a request for work phrased as a question, so its question mark does not make it a question about the product.
 */
const WORK_OFFER = scriptRegExp(
  String.raw`(?<!\p{L})(?:сделаете|займ[её]тесь|возьм[её]тесь|бер[её]тесь|настроите|перенес[её]те|доработаете|разработаете|напишете|поставите|переделаете|реализуете|сверстаете|заполните|подключите|интегрируете|выполните|осилите)(?!\p{L})(?:[^.!?\n]{0,40})\?`,
  'gu',
)

/**
 * "Вы предоставляете хостинг?", "можно у вас арендовать сервер", "do you offer …": asking whether the vendor offers
 * a service asks for that service.
 */
const SERVICE_ASKED = scriptRegExp(
  String.raw`(?<!\p{L})(?:(?:вы|ли)\s+(?:предоставляете|оказываете|занимаетесь|продаете|сдаете)|(?:можно|могу|можем)\s+(?:ли\s+)?у\s+вас\s+(?:арендова|заказа|взять\s+в\s+аренду)\p{L}*)(?!\p{L})|\bdo you (?:offer|provide|sell|rent|do)\b`,
  'u',
)

export function detectIntent(text: string): Intent {
  const t = normalize(text).trim()
  let intent = recent.get(t)
  if (!intent) {
    intent = intentOf(t)
    if (recent.size > 64) recent.clear()
    recent.set(t, intent)
  }
  return intent
}

/**
 * Intents of the texts seen last: a request is read as a whole and again as each of its matters, which for a
 * one-matter request is the same text. V8 compiles a pattern to native code on its second run; reading a text
 * once keeps a one-shot `regdesk triage` on the cheaper first compilation.
 */
const recent = new Map<string, Intent>()

function intentOf(t: string): Intent {
  const suggestion = SUGGESTION.test(t)
  const offered = t.replace(WORK_OFFER, ' ')
  let asks = t.replace(HOW_TO, ' ').replace(HOW_TO_EN, ' ').replace(SELF_ACTION, ' ')
  if (ASKS_HOW.test(t)) asks = asks.replace(WISH, ' ')
  return {
    problem: PROBLEM.some((re) => re.test(t)),
    question: suggestion || QUESTION.some((re) => re.test(offered)),
    work:
      !suggestion &&
      (offered !== t ||
        SERVICE_ASKED.test(t) ||
        WORK.some((re) => re.test(asks)) ||
        asksToDoWork(asks) ||
        (MAY_ASK_IN_ENGLISH.test(t) && ENGLISH_WORK.test(t))),
  }
}
