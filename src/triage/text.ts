import { stemmer as englishStem } from '@orama/stemmers/english'
import { stemmer as russianStem } from '@orama/stemmers/russian'
import { scriptRegExp } from './script-regexp.js'

const CYRILLIC = /[\u0400-\u04ff]/

/** Lower case, ё→е, and common lookalike Latin letters inside Cyrillic words fixed (typing in the wrong layout half-way). */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u0400-\u04ff]*[aceopxy][\u0400-\u04ff][\u0400-\u04ffaceopxy]*/g, fixMixedScript)
}

const LATIN_TO_CYRILLIC: Record<string, string> = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у' }

function fixMixedScript(word: string): string {
  return word.replace(/[aceopxy]/g, (ch) => LATIN_TO_CYRILLIC[ch] ?? ch)
}

/** Words of a text, normalised (letters and digits; URLs, e-mails and numbers kept out). */
export function words(text: string): string[] {
  const clean = normalize(text)
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/g, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
  // HTTP status codes ("ошибка 500", "502 bad gateway") name a failure as clearly as a word does
  const found =
    clean.match(
      scriptRegExp(
        String.raw`[\p{L}][\p{L}\p{N}]*|(?<![\p{L}\p{N}])\p{N}[сc](?![\p{L}\p{N}])|(?<![\p{N}.,])(?:40[034]|50[0-4])(?![\p{N}]|[.,]\p{N})`,
        'gu',
      ),
    ) ?? []
  // "1С" / "1C" (the accounting system) typed in either script is one word
  return found.map((w) => (w === '1c' ? '1с' : w))
}

const cache = new Map<string, string>()

/** Snowball stem of one normalised word, Russian or English by its script. */
export function stem(word: string): string {
  let s = cache.get(word)
  if (s === undefined) {
    s = CYRILLIC.test(word) ? russianStem(word) : englishStem(word)
    if (cache.size > 50_000) cache.clear()
    cache.set(word, s)
  }
  return s
}

export function stems(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w) && !NEGATIONS.has(w) && !GENERIC.has(w))
    .map(stem)
    .filter((s) => !productNameStems().has(s))
}

let productStems: Set<string> | undefined
/** the product names' stems: "в фениксе" names the product as much as "Феникс" */
function productNameStems(): Set<string> {
  productStems ??= new Set([...PRODUCT_NAMES].map(stem))
  return productStems
}

/**
 * Words every kind of request uses ("как", "сделать", "нам", "how", "can"): what they say about the request is
 * its intent, which intent.ts reads from the raw text; as topic terms they only favour the topics whose phrases
 * happen to contain them.
 */
export const GENERIC = new Set(
  (
    'как где куда откуда когда почему зачем какой какая какое какие каким каких какую каком какому нужен нужна нужны который которая которое которые ' +
    'которых котором сделать сделайте сделали сделал сделала делать делаю делаем делает делают делал сделаем ' +
    'нам нас сам сама сами самим свой своя свое своё свои свою своего своей своих себя себе кто кого чего чем ' +
    'пишет пишут написано выдает выдаёт выдают показывает ' +
    'хочу хотим хотели хотел хотела могу можем может могут можете могли сможете получается получилось ' +
    'how what where when why which who whom can could would should will shall may might must need needs want ' +
    'wants make made do done doing does get got just any some something anything all also our its than then ' +
    'over since into t s don doesn didn isn aren wasn won couldn can’t'
  ).split(' '),
)

/**
 * Negation particles: they matter for intent ("не работает" is a failure report) but say nothing about the
 * topic, and as a term shared by every "не …" phrase they would favour whichever topic has most of them.
 */
export const NEGATIONS = new Set(['не', 'нет', 'ни', 'not', 'no', 'nor', 'never', 'nothing', 'ничего'])

// Function words that carry no topic (Russian and English); kept short on purpose: negations and
// "how"-words are meaningful for intent and are not here.
export const STOPWORDS = new Set(
  (
    'и в во на с со к ко по за из от до у о об обо для при про над под же ли бы то это этот эта эти тот та те ' +
    'я мы вы ты он она оно они мне меня нас вам вас мой моя мое мои наш наша наше наши ваш ваша ваше ваши его ее их ' +
    'а но или либо хотя вместе что чтобы если когда так там тут здесь уже еще даже только все всё весь вся всего очень ' +
    'был была было были есть будет быть буду будем можно нужно надо также тоже просто вот ну да пожалуйста ' +
    'здравствуйте добрый день вечер утро привет спасибо заранее уважением помогите подскажите ' +
    'the a an and or of to in on at for with from by is are was were be been it this that these those i we you ' +
    'my our your me us he she they them please hi hello thanks thank regards there here do does did have has had'
  ).split(' '),
)

/**
 * The shipped products' own names ("umi", "Moguta.CMS", "AdvantShop", "Fenix"): every request to a vendor may name its
 * product, so the name says nothing about the topic, and it favoured the topics whose phrases happen to name it.
 */
const PRODUCT_NAMES = new Set(
  'umi юми moguta могута mogutacms advantshop адвантшоп эдвантшоп imagecms имиджцмс cms цмс fenix феникс fireguard файргард'.split(
    ' ',
  ),
)
