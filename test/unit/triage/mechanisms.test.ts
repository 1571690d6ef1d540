import { describe, expect, it } from 'vitest'
import { RegulationRegistry } from '../../../src/regulation/load.js'
import { PARSERS } from '../../../src/regulation/parsers.js'
import { triageRequest } from '../../../src/triage/classify.js'
import { accessDataSpans } from '../../../src/triage/credentials.js'
import { detectIntent } from '../../../src/triage/intent.js'
import { scoringText } from '../../../src/triage/scoring-text.js'
import { stems, words } from '../../../src/triage/text.js'

const registry = RegulationRegistry.withBuiltins(PARSERS)
const at = Date.parse('2026-11-20T12:00:00+03:00')

describe('scoringText', () => {
  it.each([
    ['после обновления белый экран, ничего не меняли', 'меня'],
    ['в код ничего не вносили, после обновления не открывается корзина', 'внос'],
    ['код не правили, заказ не оформляется', 'прав'],
    ['checkout is empty since yesterday, nothing was changed on our side', 'chang'],
    ["we didn't modify anything, the cart is broken", 'modif'],
    ['после оплаты статус заказа не меняется', 'меня'],
  ])('drops a change the customer rules out: %s', (text, gone) => {
    expect(stems(scoringText(text)).some((s) => s.startsWith(gone))).toBe(false)
  })

  it.each([
    ['не грузится каталог. Последнее, что мы делали, — загрузили новые товары', 'загруз'],
    ['checkout is down. The last thing we did was add new products', 'product'],
    ['переведите нас на новую версию, сами боимся что-нибудь поломать', 'полома'],
    ["please upgrade us, we're afraid to break the shop", 'break'],
  ])('drops recent changes given as context and a fear of breaking things: %s', (text, gone) => {
    expect(stems(scoringText(text)).some((s) => s.startsWith(gone))).toBe(false)
  })

  it.each([
    ['Лицензию Shop Pro купили в январе. Сейчас при оформлении заказа выскакивает ошибка MySQL', 'куп'],
    ['Купили лицензию, пытаемся поставить на свой VPS, установщик выдаёт ошибку', 'куп'],
    ['Hi, we bought a license yesterday. The installer stops with an error', 'bought'],
    ['После обновления модуля оплаты не проходит оплата картой. Лицензия Pro, покупали осенью.', 'покупа'],
    ['Корзина не считает доставку. Лицензия Pro от 6 ноября, версия 4.12.1.', 'лиценз'],
    ['(Pro, лицензия от 02.11, shop-zoo.kz) цена не сохраняется', 'лиценз'],
    ['лицензию Premium оплатили 3 ноября, не работает поиск', 'лиценз'],
    ['Лицензию продлили 5 ноября. С тех пор не работает поиск', 'лиценз'],
    ['Лицензия от 6 нояб., не работает поиск по каталогу', 'лиценз'],
    ['Не работает поиск (лицензия с 2026-11-06)', 'лиценз'],
    ['The price filter shows 0. Pro licence since 6 November.', 'licen'],
  ])('drops a purchase told as background and a licence stated with its date: %s', (text, gone) => {
    expect(stems(scoringText(text)).some((s) => s.startsWith(gone))).toBe(false)
  })

  it.each([
    ['оплатили продление лицензии по счету, а в кабинете срок не обновился', 'оплат'],
    ['купили лицензию вчера', 'куп'],
    // about the licence: no start date that ends the phrase
    ['Лицензия до 31.12.2026, как продлить?', 'лиценз'],
    ['Лицензия с 01.12 не активируется, пишет «ключ недействителен»', 'лиценз'],
  ])('keeps a purchase or a licence that is the matter: %s', (text, kept) => {
    expect(stems(scoringText(text)).some((s) => s.startsWith(kept))).toBe(true)
  })

  it('keeps a change the customer reports', () => {
    expect(stems(scoringText('программист менял код корзины'))).toContain('меня')
  })

  it('drops pasted access data with its labels, keeps the problem', () => {
    const text =
      'ошибка 500 на странице оформления заказа. доступ в админку admin / qwerty123, FTP: ftp.shop.ua user shopftp pass Kx92!mm'
    const s = stems(scoringText(text))
    expect(s).toContain('оформлен')
    expect(s).not.toContain('админк')
    expect(s.join(' ')).not.toMatch(/qwerty|kx92/i)
  })

  it('finds the access-data span back to its label in the same sentence only', () => {
    const text = 'Админка выкидывает на логин. RDP к серверу 10.0.0.1 пользователь Administrator пароль P@ssw0rd1'
    const [span] = accessDataSpans(text)
    expect(text.slice(span?.start, span?.end)).toBe(
      'RDP к серверу 10.0.0.1 пользователь Administrator пароль P@ssw0rd1',
    )
  })
})

describe('words', () => {
  it('keeps HTTP status codes and 1С as words, not other numbers', () => {
    expect(words('ошибка 502 на сайте, 5000 рублей, версия 1.500')).toEqual([
      'ошибка',
      '502',
      'на',
      'сайте',
      'рублей',
      'версия',
    ])
    expect(words('подключите 1С и 1C')).toEqual(['подключите', '1с', 'и', '1с'])
  })

  it('does not score negations and generic words', () => {
    expect(stems('не работает как сделать нам')).toEqual(['работа'])
  })
})

describe('detectIntent', () => {
  it.each([
    'перетащите магазин на новый хостинг',
    'стилизуйте наш шаблон',
    'Can your team moderate our comments?',
    'could you set up the server for us',
    'надо, чтобы наш калькулятор доставки подтягивался в корзину',
    'есть свой скрипт, помогите встроить его в оформление заказа',
  ])('reads a request for work: %s', (text) => {
    expect(detectIntent(text).work).toBe(true)
  })

  it.each([
    'подскажите, где настройка доставки',
    'посмотрите пожалуйста, на сайте ошибка',
    'на сайте не открывается корзина',
    'Suggestion: please add scheduled publication',
    'предлагаю добавить выгрузку в Word',
    'как в Fenix+ 3 сделать второй сценарий пожара?',
    'нужно, чтобы вы подсказали, где это включается',
  ])('does not read help, a failure or a wish as work: %s', (text) => {
    expect(detectIntent(text).work).toBe(false)
  })

  it.each(['нужно наполнить каталог, около 500 позиций', 'бюджет 500 руб', 'за день 404 заказа'])(
    'reads no HTTP status in a quantity: %s',
    (text) => {
      expect(detectIntent(text).problem).toBe(false)
    },
  )

  it('reads failure reports', () => {
    expect(detectIntent('обновление не ставится').problem).toBe(true)
    expect(detectIntent('установщик виснет на распаковке').problem).toBe(true)
    expect(detectIntent('программа неправильно считает площадь').problem).toBe(true)
    expect(detectIntent('в админке бесконечно грузится список заказов').problem).toBe(true)
    expect(detectIntent('письма покупателям уходят с кракозябрами в теме').problem).toBe(true)
    expect(detectIntent('при сохранении отчёта в PDF обрезаются таблицы справа').problem).toBe(true)
  })

  it('reads a retold "не могут понять, как" as a question, not a failure', () => {
    const intent = detectIntent('Клиенты на демо-версии. Не могут понять, как у товара сделать варианты по размеру')
    expect(intent).toMatchObject({ problem: false, question: true })
  })

  it('reads "не понял" in a question as not understanding, not a failure', () => {
    const intent = detectIntent(
      'Можно ли стандартными средствами сделать доставку по регионам? В вики про регионы не понял.',
    )
    expect(intent).toMatchObject({ problem: false, question: true })
    expect(detectIntent('скрипт не поменял цены').problem).toBe(true)
  })

  it('advantshop: a request the development department has taken over is at the development level (3.2), its resolution may be delayed (3.1)', () => {
    const v = triageRequest(
      registry.get('advantshop'),
      'Добрый день. По обращению 40112 ваш сотрудник подтвердил ошибку пересчёта скидки и передал задачу в отдел разработки. Есть ли новости, когда исправят?',
      { receivedAt: Date.parse('2026-11-20T12:00:00+03:00'), channel: 'form' },
    )
    expect(v).toMatchObject({ scope: 'in', topic: { id: 'development-control' }, level: 'development' })
    expect(v.warnings.filter((w) => w.code === 'resolution_may_be_delayed')).toMatchObject([
      { clause: '3.1 «Режим работы службы технической поддержки»' },
    ])
  })

  it('umi: a request the development department has taken over is at the development level, its resolution may be delayed', () => {
    const v = triageRequest(
      registry.get('umi'),
      'По тикету 51007 вы подтвердили ошибку фильтра в каталоге и передали вопрос в отдел разработки. Когда выйдет обновление с исправлением?',
      { receivedAt: Date.parse('2026-11-20T12:00:00+03:00'), channel: 'portal' },
    )
    expect(v).toMatchObject({ scope: 'in', topic: { id: 'development-control' }, level: 'development' })
    expect(v.warnings.filter((w) => w.code === 'resolution_may_be_delayed')).toMatchObject([
      { clause: expect.stringMatching(/^6 «Решаемые задачи»/) },
    ])
    // a new error report stays at technical support, with no such warning
    const bug = triageRequest(registry.get('umi'), 'Не работает фильтр в каталоге, ошибка 500', {
      receivedAt: Date.parse('2026-11-20T12:00:00+03:00'),
      channel: 'portal',
    })
    expect(bug.level).toBe('support')
    expect(bug.warnings.map((w) => w.code)).not.toContain('resolution_may_be_delayed')
  })

  it('reads "ещё не купили" as where the customer stands, not a failure; a purchase that fails still is one', () => {
    expect(detectIntent('Я пока смотрю демо-версию, ещё не купил.').problem).toBe(false)
    expect(detectIntent('лицензию пока не покупали').problem).toBe(false)
    expect(detectIntent('мы ещё не приобрели Pro').problem).toBe(false)
    expect(detectIntent('товар не покупается, кнопка не нажимается').problem).toBe(true)
  })

  it('a how-to from a customer without a licence is the consultation or general-usage topic it asks about, not a refused bug', () => {
    const imagecms = registry.get('imagecms')
    const how = triageRequest(
      imagecms,
      'подскажите как в админке сделать скидку 20% на всю категорию «Гирлянды» на выходные? не нашла где. лицензию пока не покупали',
      { receivedAt: Date.parse('2026-11-20T12:00:00+03:00'), channel: 'portal' },
    )
    expect(how).toMatchObject({ scope: 'in', topic: { id: 'admin-usage' }, level: 'consultation' })
    const demo = triageRequest(
      registry.get('moguta'),
      'Здравствуйте, я пока смотрю демо-версию, ещё не купил. Подскажите как добавить товар с вариантами, например одна футболка и размеры S M L с разной цена? В документации не нашёл. Спасибо',
      { receivedAt: Date.parse('2026-11-20T12:00:00+03:00'), channel: 'form', tier: 'demo' },
    )
    expect(demo).toMatchObject({ scope: 'in', topic: { id: 'general-usage' } })
  })

  it.each([
    'лицензию покупали через партнера. может ли покупатель оформить заказ без регистрации?',
    'от чего зависит скорость выгрузки каталога?',
    'совпадает ли цена в выгрузке с ценой на сайте?',
  ])('does not find a failure inside another word: %s', (text) => {
    expect(detectIntent(text).problem).toBe(false)
  })

  it.each([
    'как настроить доставку в админке?',
    'где добавить новый способ оплаты?',
    'how to install the module on our hosting?',
  ])('reads "how to do it" as a question, not as asking for the work: %s', (text) => {
    const intent = detectIntent(text)
    expect(intent.work).toBe(false)
    expect(intent.question).toBe(true)
  })

  it.each(['как это запрограммировать?', 'подскажите, как переписать функцию расчёта в нашем плагине'])(
    'keeps asking how to program something a request for development: %s',
    (text) => {
      expect(detectIntent(text).work).toBe(true)
    },
  )

  it.each([
    'пробую поставить движок на свой vps, установщик ругается',
    'сам переношу магазин на другой сервер, где взять бэкап?',
    'хотим сменить цвет кнопок, подскажите как',
  ])('does not read the customer doing it himself as asking for work: %s', (text) => {
    expect(detectIntent(text).work).toBe(false)
  })

  it.each(['возьмётесь за перенос каталога?', 'а интеграцию с CRM сделаете?', 'вы оказываете услуги хостинга?'])(
    'reads asking whether the support will do it as a request for work: %s',
    (text) => {
      expect(detectIntent(text).work).toBe(true)
    },
  )

  it('does not take the question mark after "сделаете?" for a question about the product', () => {
    expect(detectIntent('доработку корзины сделаете?').question).toBe(false)
  })

  it('reads English failure reports without a negated verb', () => {
    expect(detectIntent('The checkout shows "Invalid signature" and no one can pay').problem).toBe(true)
  })

  it('reads "поправьте настройки" as configuring for the customer', () => {
    expect(detectIntent('поправьте настройки обмена, сами не справляемся').work).toBe(true)
  })

  it('does not read not finding something in the docs as a failure', () => {
    const intent = detectIntent('в документации не нашёл, где включается кэш')
    expect(intent.problem).toBe(false)
    expect(intent.question).toBe(true)
  })

  it('reads neither a greeting as work nor "почему-то" as a question', () => {
    expect(detectIntent('Здравствуйте, у нас вопрос по тарифам').work).toBe(false)
    expect(detectIntent('почему-то не приходят письма').question).toBe(false)
  })
})

describe('triageRequest decisions', () => {
  it('refuses a demo user whose request is not clearly a general usage question', () => {
    const v = triageRequest(
      registry.get('moguta'),
      'на демке пишем свой плагин, хук на сохранение заказа не срабатывает, посмотрите код',
      { receivedAt: at, tier: 'demo' },
    )
    expect(v.scope).toBe('out')
    expect(v.reasons[0]?.code).toBe('not_licensed')
  })

  it('serves a demo user on a general usage question', () => {
    const v = triageRequest(registry.get('moguta'), 'как в админке добавить товар с вариантами размеров?', {
      receivedAt: at,
      tier: 'demo',
    })
    expect(v.scope).toBe('in')
  })

  it('serves a demo user asking how to do something whose words recall another in-scope topic', () => {
    const v = triageRequest(
      registry.get('moguta'),
      'Подскажите, как сделать чтобы на все товары сразу была скидка 10%, в админке не нашёл где это настраивается',
      { receivedAt: at, tier: 'demo' },
    )
    expect(v.scope).toBe('in')
    expect(v.topic?.id).toBe('general-usage')
  })

  it('refuses a bug report from a tier served only on consultations, whatever licence words it holds', () => {
    const v = triageRequest(
      registry.get('imagecms'),
      'Лицензию Premium нам оформляла студия-партнёр, они пропали. После обновления на сайте пустая страница корзины.',
      { receivedAt: at, tier: 'via-partner' },
    )
    expect(v.scope).toBe('out')
    expect(v.reasons[0]?.code).toBe('not_licensed')
  })

  it.each([
    'Покупатели жалуются, что сравнение товаров не работает — добавляют два холодильника, а на странице сравнения пусто.',
    'Корзина не считает стоимость доставки — всегда 0 руб, хотя в настройках поставили 350. Лицензия Pro от 6 ноября.',
  ])("serves a Pro customer's failure report as technical support, not a consultation: %s", (text) => {
    const facts = { receivedAt: at, channel: 'portal' as const, tier: 'pro', licenseDate: '2026-11-06' }
    const v = triageRequest(registry.get('imagecms'), text, facts)
    expect(v).toMatchObject({ scope: 'in', level: 'support' })
    // the same words as a question stay a consultation
    const asked = triageRequest(registry.get('imagecms'), 'Как включить сравнение товаров на витрине?', facts)
    expect(asked).toMatchObject({ scope: 'in', level: 'consultation' })
  })

  it("keeps a Pro customer's licence key failure with the licence keys consultation (its clause covers them)", () => {
    const v = triageRequest(
      registry.get('imagecms'),
      'при вводе ключа в админке пишет «ключ не соответствует домену», домен правильный',
      { receivedAt: at, channel: 'portal', tier: 'pro', licenseDate: '2026-11-06' },
    )
    expect(v).toMatchObject({ scope: 'in', level: 'consultation', topic: { id: 'licence-keys' } })
  })

  it('keeps a licence key problem in scope when the tier is only the default', () => {
    const v = triageRequest(
      registry.get('imagecms'),
      'купил pro, при активации ключа в админке пишет что ключ не подходит к домену',
      { receivedAt: at },
    )
    expect(v.scope).toBe('in')
    expect(v.topic?.id).toBe('licence-keys')
  })

  it('does not read "ничего не меняли" as modified code', () => {
    const v = triageRequest(
      registry.get('advantshop'),
      'после обновления в админке не открывается раздел заказов, в код ничего не вносили',
      { receivedAt: at },
    )
    expect(v.scope).toBe('in')
  })

  // modifiedUpdates (regulations/advantshop.yaml, update-after-modification): with the modified fact, a failure that
  // speaks of updating the product is that out-of-scope topic; without the fact it is a failed update or an error, in
  // scope; and with the fact, a failure that names no update of the product keeps its topic (the rule only delays)
  it.each([
    'Поставили обновление до 12.1 — корзина не открывается, ошибка 500',
    'Обновление до 12.0.5 падает с ошибкой на этапе применения файлов, сайт откатился',
    'Обновились до 12.0.4, после обновления заказы не создаются',
    'After the update to 12.0.5 the checkout shows error 500',
  ])('advantshop: "%s" is out with modified code, in without', (text) => {
    const advantshop = registry.get('advantshop')
    const plain = triageRequest(advantshop, text, { receivedAt: at, tier: 'free' })
    expect(plain.scope).toBe('in')
    const modified = triageRequest(advantshop, text, { receivedAt: at, tier: 'free', modified: true })
    expect(modified).toMatchObject({ scope: 'out', level: 'consulting', topic: { id: 'update-after-modification' } })
    // refused because the code was modified: that reason is given too, under the topic's clause, after the topic's own
    expect(modified.reasons.map((r) => r.code)).toEqual(['topic_out_of_scope', 'code_modified'])
    expect(modified.reasons[1]?.clause).toBe(modified.topic?.clause)
    expect(plain.reasons.map((r) => r.code)).not.toContain('code_modified')
  })

  it.each([
    'Перестала считаться стоимость доставки в оформлении заказа, ошибка в корзине',
    'Остатки из 1С перестали обновляться на сайте, ошибка обмена',
  ])('advantshop: "%s" keeps its topic with modified code', (text) => {
    const advantshop = registry.get('advantshop')
    const plain = triageRequest(advantshop, text, { receivedAt: at, tier: 'free' })
    const modified = triageRequest(advantshop, text, { receivedAt: at, tier: 'free', modified: true })
    expect(modified.scope).toBe('in')
    expect(modified.topic?.id).toBe(plain.topic?.id)
  })

  // delayCauses (regulations/advantshop.yaml, §3.1 пп.2 и 10): a served request that names a third-party service's
  // function, or says the customer will not give access to the site, is delayed, not refused; a regulation without
  // them, or a request that names neither, gets no such warning
  const delayed = (v: ReturnType<typeof triageRequest>) =>
    v.warnings.find((w) => w.code === 'resolution_may_be_delayed')?.clause ?? null
  it.each([
    ['Модуль доставки СДЭК: для Казани пишет «Нет доступных вариантов доставки», для Москвы считает', 'п.10'],
    ['Оплата через ЮKassa не проходит, покупатели видят ошибку на последнем шаге', 'п.10'],
    ['Заказы перестали выгружаться на Яндекс.Маркет, фид пустой', 'п.10'],
    ['Не приходят SMS о заказе через смс-шлюз, в логах ошибка авторизации', 'п.10'],
    ['The payment gateway stopped working: checkout shows error 500', 'п.10'],
    ['После обновления в админке 404 на разделе каталога. Доступ дать не можем, служба безопасности запрещает', 'п.2'],
    ['В корзине ошибка 500. Не можем предоставить вам доступ к админке, политика компании', 'п.2'],
    ['Checkout fails with error 500. We cannot give you access to the server, sorry', 'п.2'],
    // spellings: СДЕК, SMS in Latin, Ю.Касса, a non-breaking hyphen (U+2011), Почта РФ; a name typed in translit
    ['Доставка СДЕК не рассчитывается в корзине', 'п.10'],
    ['SMS-шлюз не работает, коды не приходят', 'п.10'],
    ['Оплата через Ю.Кассу не проходит', 'п.10'],
    ['Оплата через Т\u2011Банк не проходит, в корзине ошибка 500 на последнем шаге', 'п.10'],
    ['Доставка Почтой РФ не рассчитывается', 'п.10'],
    ['CDEK ne rabotaet raschet dostavki', 'п.10'],
    ['Корзина не работает. Доступ не можем дать.', 'п.2'],
    ['Корзина не работает. Дать доступ не получится.', 'п.2'],
    ['Checkout fails with error 500 on every order. Access to the site cannot be provided.', 'п.2'],
  ])('advantshop: "%s" is served, its resolution may be delayed (§3.1 %s)', (text, item) => {
    const v = triageRequest(registry.get('advantshop'), text, { receivedAt: at, tier: 'free' })
    expect(v.scope).toBe('in')
    expect(delayed(v)).toBe(`3.1, «Отсрочка или невозможность решения», ${item}`)
  })

  it.each([
    'В корзине не пересчитывается сумма при смене количества товара',
    'Вот доступ в админку: логин manager — посмотрите, почему не открывается каталог',
    'Доступ к сайту можем дать, напишите, куда прислать. Не открывается каталог',
    'Озонатор в карточке товара отображается без фото',
    // a service named in a question how to set it up, a wish, a price question, not in a report that it fails
    'Как подключить оплату картой через ЮKassa? Договор есть, shopId получили',
    'Как скрыть ЮKassa, если сумма заказа не превышает 100 рублей?',
    'How do I set up YooKassa so that it does not ask for the phone number?',
    'Хотелось бы, чтобы Boxberry не показывал пункты выдачи без примерки',
    'Сколько стоит доработка, чтобы СДЭК не показывал пункты выдачи?',
    // a service that works, named beside what does not; a name inside an address or a path
    'СДЭК работает нормально, а вот фильтр каталога не работает',
    'У клиента с email ivan@ozon.ru не оформляется заказ',
    'Не открывается страница https://shop.ru/catalog/ozon-tovary',
    // locked out himself: no access he will not give
    'Не можем получить доступ к админке после обновления, сайт z.ru, версия 12',
    'Не можем восстановить доступ к сайту, письмо для сброса пароля не приходит',
  ])('advantshop: "%s" names no cause of delay', (text) => {
    const v = triageRequest(registry.get('advantshop'), text, { receivedAt: at, tier: 'free' })
    expect(delayed(v)).toBeNull()
  })

  // modified code (advantshop §3.1 п.7) delays a served request only: refused by its channel, left unclear, or refused
  // as an update after its own modifications (then code_modified is its reason, decided by that fact, and the
  // out-of-scope request served at the consulting level may take longer, §3.1 п.9), it says no such delay
  it.each([
    ['Не работает корзина, ошибка при оформлении заказа', { channel: 'form' }, 'in', 'п.7'],
    ['Не работает корзина', { channel: 'social' }, 'out', null],
    ['бухгалтерия просит акт сверки за прошлый год, куда обратиться?', { channel: 'form' }, 'unclear', null],
    ['Поставили обновление до 12.1 — корзина не открывается, ошибка 500', { channel: 'form' }, 'out', 'п.9'],
  ] as const)('advantshop, modified code: "%s" %o is %s, delayed by %s', (text, f, scope, item) => {
    const v = triageRequest(registry.get('advantshop'), text, { receivedAt: at, tier: 'free', modified: true, ...f })
    expect(v.scope).toBe(scope)
    expect(delayed(v)?.replace(/.*(п\.\d+)$/, '$1') ?? null).toBe(item)
    if (v.reasons.some((r) => r.code === 'code_modified')) expect(v.decidedBy).toBe('eligibility')
  })

  it('moguta lists no causes of delay: a third-party service there is no warning', () => {
    const v = triageRequest(registry.get('moguta'), 'Модуль доставки СДЭК не считает стоимость доставки', {
      receivedAt: at,
    })
    expect(delayed(v)).toBeNull()
  })

  // failuresAreErrors (regulations/imagecms.yaml: admin usage, storefront, modules): a Pro customer's report that a
  // function of the product is broken is an error of the product, served at his level; his how-to stays a consultation,
  // and a failure told about a topic not so marked (system requirements) keeps that topic's level
  it.each([
    ['Сравнение товаров не работает: кнопка нажимается, а товар не добавляется', 'support', 'imagecms-bugs'],
    ['Как в админке поменять порядок пунктов меню?', 'consultation', 'admin-usage'],
    ['Сервер не подходит по системным требованиям, сайт не запускается', 'consultation', 'system-requirements'],
  ])('imagecms Pro: "%s" is served at %s (%s)', (text, level, topic) => {
    const v = triageRequest(registry.get('imagecms'), text, { receivedAt: at, tier: 'pro', licenseDate: '2026-11-10' })
    expect(v).toMatchObject({ scope: 'in', level, topic: { id: topic } })
  })

  it('decides by the matters when each of several matters is clearly in scope', () => {
    const v = triageRequest(
      registry.get('imagecms'),
      '1) в админке бесконечно грузится список заказов 2) отдельно: в письме покупателю не приходит номер трека',
      { receivedAt: at, tier: 'pro', licenseDate: '2026-11-10' },
    )
    expect(v.scope).toBe('in')
    expect(v.warnings.map((w) => w.code)).toContain('multiple_problems')
  })

  it('warns about numbered problems when one of them is told as garbled output', () => {
    const v = triageRequest(
      registry.get('umi'),
      'по сайту shop.ru:\n1. в админке не сохраняется поле «Старая цена»;\n2. письма клиентам уходят с кракозябрами в теме.',
      { receivedAt: at },
    )
    expect(v.warnings.map((w) => w.code)).toContain('multiple_problems')
  })

  it('warns about a matter the customer marks as separate even when both fall under one topic', () => {
    const v = triageRequest(
      registry.get('advantshop'),
      'в корзине не пересчитывается сумма при смене количества. а отдельно: в админке не сохраняется описание товара',
      { receivedAt: at },
    )
    expect(v.warnings.map((w) => w.code)).toContain('multiple_problems')
  })

  it('warns when the customer numbers the matters in words ("первая: … вторая: …")', () => {
    const v = triageRequest(
      registry.get('umi'),
      'Первая проблема: не приходят письма о новых заказах. Вторая, не связанная с ней: в админке не загружаются картинки товаров',
      { receivedAt: at },
    )
    expect(v.warnings.map((w) => w.code)).toContain('multiple_problems')
  })

  it.each([
    [
      'lines that start with their number and no stop',
      '1 не сохраняется заказ пишет ошибку\n2 и еще в письмах клиентам кракозябры вместо русских букв',
    ],
    [
      'lines that start with the number in words',
      'первое не приходят письма о новом заказе админу\nвторое в мобильной версии не открывается меню каталога',
    ],
  ])('warns about several problems written as %s (a phone, a dictation)', (_how, text) => {
    const v = triageRequest(registry.get('umi'), text, { receivedAt: at })
    expect(v.warnings.map((w) => w.code)).toContain('multiple_problems')
  })

  it.each([
    [
      'a numbered item that names no failure in so many words',
      'Добрый день!\n1. Каталог стал грузиться очень долго, секунд 10.\n2. Покупателям не приходят письма с подтверждением заказа.',
    ],
    [
      'items numbered with a word ("Вопрос 1: … Вопрос 2 — …")',
      'Сайт shop.ru.\nВопрос 1: при оформлении заказа не подставляется город из профиля.\nВопрос 2 — в разделе «Статистика» графики пустые.',
    ],
    [
      'a list announced as "две вещи"',
      'Две вещи с выходных: в сравнении товаров пропадает первый товар, и письма админу',
    ],
    [
      'one more counted by the customer («и ещё одна беда»)',
      'Ключ защиты иногда не находится при запуске.\nИ ещё одна беда, уже не про ключ: при экспорте отчёта в PDF программа пишет «Не удалось создать файл».',
    ],
    [
      'a matter added on the way («раз уж пишу»)',
      'Письма покупателям не уходят после обновления.\n\nИ раз уж пишу: можно сдвинуть телефон в шапке вправо и сделать его покрупнее?',
    ],
    [
      'a forwarded list, its items quoted («> — …»)',
      'Пересылаю замечания руководителя:\n> — в корзине не считается скидка по купону;\n> — в мобильной версии не открывается меню каталога.',
    ],
    [
      'a numbered item that begins with the verb of a step',
      '1) Не приходят письма о заказах администратору.\n2) Выбрать способ доставки нельзя, ошибка 500.',
    ],
  ])('warns about several problems in %s', (_how, text) => {
    const v = triageRequest(registry.get('umi'), text, { receivedAt: at })
    expect(v.warnings.map((w) => w.code)).toContain('multiple_problems')
  })

  it.each([
    [
      'the steps that reproduce one problem',
      'Не сохраняется заказ.\n1. Зайти в админку под менеджером.\n2. Открыть заказ и поменять статус.\n3. Нажать «Сохранить» — ошибка 500.',
    ],
    [
      'the fields of a form the customer filled',
      '1) Сайт: shop.ru\n2) Версия: 10.1\n3) Проблема: не работает корзина после обновления',
    ],
    [
      "support's earlier advice quoted under a reply, after its attribution",
      'Очистили кэш, но ошибка осталась: при оформлении заказа Fatal error.\n\n> 18.11.2026 техподдержка пишет:\n> Попробуйте очистить кэш и сделать редизайн шапки сайта, а также настроить SEO.',
    ],
    [
      "support's questions quoted in a reply, each answered on the line below",
      'Отвечаю на ваши вопросы:\n> — Какая версия движка?\n9.4\n> — Вносились ли изменения в код?\nнет, ничего не меняли\nПосле обновления перестала работать оплата картой.',
    ],
  ])('does not take %s for several problems', (_how, text) => {
    const v = triageRequest(registry.get('umi'), text, { receivedAt: at })
    expect(v.warnings.map((w) => w.code)).not.toContain('multiple_problems')
  })

  it('finds the version in Russian typed in Latin letters («versiya 9.4»)', () => {
    const v = triageRequest(registry.get('moguta'), 'ne rabotaet korzina, versiya 9.4', { receivedAt: at })
    expect(v.missing).not.toContain('version')
  })

  it('reads the answers under quoted questions as the facts they give («> — Версия движка?» then «9.4»)', () => {
    const reply = 'Отвечаю:\n> - Версия движка?\n9.4\n> - Ключ?\nMG-1F2E-3D4C-5B6A-7980\nКорзина так и не работает.'
    const v = triageRequest(registry.get('moguta'), reply, { receivedAt: at })
    expect(v.missing).not.toContain('version')
    expect(v.missing).not.toContain('license_key')
    // unanswered, the quoted question gives nothing
    const asked = triageRequest(registry.get('moguta'), '> - Версия движка?\nКорзина так и не работает.', {
      receivedAt: at,
    })
    expect(asked.missing).toContain('version')
  })

  it('does not take a line that starts with a count for a list', () => {
    const v = triageRequest(
      registry.get('umi'),
      '10 товаров в корзине, а сумма считается как за один\nисправьте пожалуйста',
      {
        receivedAt: at,
      },
    )
    expect(v.warnings.map((w) => w.code)).not.toContain('multiple_problems')
  })

  it.each([
    ['advantshop', '3.1, «Отсрочка или невозможность решения», п.9'],
    ['umi', '4 «Консультирование по общим вопросам»'],
  ])(
    '%s: a request served as a consultation although out of scope may take longer, as its source says',
    (reg, clause) => {
      const text = 'Сделайте нам, пожалуйста, новый дизайн главной страницы магазина под наш фирменный стиль'
      const v = triageRequest(registry.get(reg), text, { receivedAt: at })
      expect(v).toMatchObject({ scope: 'out', level: 'consulting' })
      expect(v.warnings).toContainEqual(expect.objectContaining({ code: 'resolution_may_be_delayed', clause }))
      // refused by its channel it is not served: nothing to delay
      const refused = triageRequest(registry.get(reg), text, { receivedAt: at, channel: 'skype' })
      expect(refused.level).toBeNull()
      expect(refused.warnings.map((w) => w.code)).not.toContain('resolution_may_be_delayed')
      // in scope: no such warning
      const served = triageRequest(registry.get(reg), 'после обновления не работает корзина, ошибка 500', {
        receivedAt: at,
      })
      expect(served.warnings.map((w) => w.code)).not.toContain('resolution_may_be_delayed')
    },
  )

  it('advantshop names several problems only as a cause of delay (3.1 п.1): both warnings, no "one problem per request"', () => {
    const v = triageRequest(
      registry.get('advantshop'),
      '1) в корзине не пересчитывается сумма при смене количества 2) в админке не сохраняется описание товара',
      { receivedAt: at },
    )
    const codes = v.warnings.map((w) => w.code)
    expect(codes).toEqual(expect.arrayContaining(['multiple_problems', 'resolution_may_be_delayed']))
    expect(v.warnings.find((w) => w.code === 'multiple_problems')?.message).not.toContain('asks for one problem')
    const umi = triageRequest(
      registry.get('umi'),
      '1) в корзине не пересчитывается сумма 2) в админке не сохраняется описание товара',
      {
        receivedAt: at,
      },
    )
    expect(umi.warnings.find((w) => w.code === 'multiple_problems')?.message).toContain(
      'asks for one problem per request',
    )
    expect(umi.warnings.map((w) => w.code)).not.toContain('resolution_may_be_delayed')
  })

  it('moguta, whose source says nothing of delays, gives an out-of-scope request no delay warning', () => {
    const v = triageRequest(registry.get('moguta'), 'Сделайте нам, пожалуйста, новый дизайн главной страницы', {
      receivedAt: at,
    })
    expect(v.scope).toBe('out')
    expect(v.warnings.map((w) => w.code)).not.toContain('resolution_may_be_delayed')
  })

  it.each([
    ['moguta', 'сайт так и не запустили, проект закрыли. Можно вернуть деньги за лицензию?'],
    ['umi', 'бухгалтерия просит акт сверки за прошлый год, куда обратиться?'],
    ['moguta', 'Hi, the project was cancelled before launch. Can we get a refund for the licence?'],
  ])('is unclear on refunds and accounting papers, which %s says nothing about', (reg, text) => {
    expect(triageRequest(registry.get(reg), text, { receivedAt: at }).scope).toBe('unclear')
  })

  it('is unclear when topics of different levels come close (imagecms consultation vs support)', () => {
    const v = triageRequest(registry.get('imagecms'), 'на айфонах криво отображается меню, поправите?', {
      receivedAt: Date.parse('2025-06-10T11:00:00+03:00'),
      tier: 'pro',
      licenseDate: '2025-06-02',
    })
    expect(v.scope).toBe('unclear')
    expect(v.level).toBeNull()
    expect(v.topic).toBeNull()
    expect(v.candidates.length).toBeGreaterThan(0)
  })

  it.each([
    ['advantshop', 'скидка по промокоду не применяется к товарам из акции', 'product-errors'],
    ['advantshop', 'статус заказа не меняется на «оплачен», хотя деньги пришли', 'product-errors'],
    ['umi', 'при смене валюты цены в каталоге не пересчитываются', 'product-bugs'],
  ])('files a failure report that names no topic under the fallback topic (%s)', (reg, text, topic) => {
    const v = triageRequest(registry.get(reg), text, { receivedAt: at })
    expect(v).toMatchObject({ scope: 'in', topic: { id: topic } })
  })

  it('does not file a request for work under the fallback topic', () => {
    const v = triageRequest(registry.get('advantshop'), 'перенесите наш магазин на новый сервер', { receivedAt: at })
    expect(v.topic?.id).not.toBe('product-errors')
  })
})
