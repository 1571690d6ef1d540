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

// Imperatives and requests for work ("сделайте", "нужно перенести", "can you install").
const WORK = [
  /(?:^|[^\p{L}])(?:установите|установить|поставьте|поставить|перенесите|перенести|переместите|переехать|перевезите|сделайте|сделать|доработайте|доработать|разработайте|разработать|сверстайте|сверстать|переверстайте|нарисуйте|настройте|настроить|подключите|подключить|интегрируйте|интегрировать|интеграци\w*|внедрите|внедрить|напишите|написать|создайте|создать|добавьте|добавить|измените|изменить|переделайте|переделать|поменяйте|поменять|оформите|оформить|обновите нам|разместите|разместить|запрограммируйте|запрограммировать|закодьте|закодить|закодим|накатите|залейте|залить|перепишите|переписать|допишите|дописать|кастомизируйте|кастомизировать|автоматизируйте|сверстайте|подготовьте|настроить нам|проверьте наш|посмотрите наш сервер)(?:[^\p{L}]|$)/u,
  /(?:нужн\w*|надо|хотим|хочу|хотели бы|требуется|прошу|просим|можете|могли бы|сможете|возьметесь|беретесь|сколько стоит)\s+(?:\p{L}+\s+){0,3}?(?:установ|перен|сдела|доработ|разработ|сверст|настро|подключ|интегр|внедр|напис|созда|добав|измен|переделa|переделать|поменя|оформ|размест|перевез|нарис|перепис|допис|закод|запрограм|кастомиз)/u,
  /(?:как\s+(?:это\s+)?(?:закодить|запрограммировать|написать|реализовать|доработать|переписать|дописать))/u,
  /\b(?:please|can you|could you|we need you to|need you to|would you)\s+(?:\w+\s+){0,2}?(?:install|migrate|move|transfer|develop|build|make|create|design|integrate|set up|setup|customi[sz]e|restyle|redesign|write|add|change)\b/,
  /\b(?:install|migrate|develop|integrate|customi[sz]e|redesign) (?:it|our|my|the|a)\b/,
]

const PROBLEM = [
  // "не открывается", "не пересчитывается", "не приходят": a negated present-tense verb is a failure report
  /(?<!\p{L})не\s+(?!могли бы|подскажете|знаю|понимаю|понятно)\p{L}*(?:ется|ются|ается|яется|ятся|атся|утся|ит|ят|ет|ут|ют|ает|ал|ала|али|ало|ил|ила|или|ило|л|ла|ли|ло)(?!\p{L})/u,
  /\b(?:is|are|was|were|does|do|did|can|could|will|would)\s*(?:not|n't)\s+\w+|\b(?:can't|cannot|won't|doesn't|don't|isn't|aren't|unable to|no longer)\b|\b(?:garbled|wrong|incorrect|missing|disappeared|broke|hangs|freezes|timed? out)\b/,
  /не\s+(?:работает|работают|работаит|работет|открывается|открываются|грузится|загружается|загружаются|приходят|приходит|отображается|отображаются|сохраняется|сохраняются|отправляется|отправляются|проходит|проходят|видно|видит|запускается|устанавливается|обновляется|активируется|срабатывает|получается|входит|пускает|могу|можем|удается|удаётся)/u,
  /(?:ошибк\w*|ошибочк\w*|сломал\w*|слетел\w*|упал\w*|(?<!\p{L})(?:лег|легло|лёг)(?!\p{L})|глючит|глюк\w*|баг\w*|сбой\w*|перестал\w*|пропал\w*|исчез\w*|белый экран|пустая страница|висит|зависает|тормозит|медленно|долго грузится|не\s+пускает|вылетает|падает|crash\w*|broken|error|bug|fails?|failed|failing|not working|doesn'?t work|does not work|stopped|blank page|white screen|(?<!\d)(?:500|502|503|504|404)(?!\d))/u,
]

const QUESTION = [
  /(?:^|[^\p{L}])(?:как|каким образом|где|можно ли|есть ли|подскажите|объясните|расскажите|поясните|что значит|что такое|почему|зачем|сколько|какие|какой|какая|how|where|what|why|which|is it possible|can i|can we|is there)(?:[^\p{L}]|$)/u,
  /\?/,
]

export function detectIntent(text: string): Intent {
  const t = normalize(text)
  return {
    problem: PROBLEM.some((re) => re.test(t)),
    question: QUESTION.some((re) => re.test(t)),
    work: WORK.some((re) => re.test(t)),
  }
}
