import { runInNewContext } from 'node:vm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { accessDataSpans, findSecrets, maskSecrets } from '../../../src/triage/credentials.js'
import { pattern } from '../../../src/triage/lexicon/index.js'

describe('findSecrets / maskSecrets', () => {
  it.each([
    ['Доступ в админку: admin / qwerty123, сайт shop.ru', 'qwerty123'],
    ['логин: ivan пароль: Secr3t!', 'Secr3t!'],
    ['логин: ivan пароль: Secr3t!', 'ivan'],
    ['ftp://user:p4ssw0rd@ftp.shop.ru', 'p4ssw0rd'],
    ['mysql -u root -pHardPass1 shop', 'HardPass1'],
    ['password is hunter22 and login admin', 'hunter22'],
    ['Пароль от FTP — "my secret pass"', 'my secret pass'],
    ['После обновления не работает корзина. пароль от админки Qwe12345!', 'Qwe12345!'],
    // a login between the label and the value
    ['Не работает корзина, пароль admin Qwe123!', 'Qwe123!'],
    ['доступ в админку: логин admin пароль Qwe123!', 'Qwe123!'],
    // typed in Latin letters
    ['parol: qwerty123 ne rabotaet korzina', 'qwerty123'],
    ['Parol ot adminki: Qw12345zz', 'Qw12345zz'],
    ['dostup: login admin, parol Zz12345qq', 'Zz12345qq'],
    ['password for the admin panel Hunter2024', 'Hunter2024'],
    ['SSH доступ root / Zx8!kk2pq', 'Zx8!kk2pq'],
    ['api_key: sk_live_abcdefghijklmnop', 'sk_live_abcdefghijklmnop'],
    // a well-known account or an e-mail, a slash and a password, without a label
    ['rdp 185.22.14.9 administrator / P@ssw0rd2026', 'P@ssw0rd2026'],
    ['Клиент вписал доступ:\nadmin@vinoteka-shop.com / Vino_2026 — «чтобы не тратить время»', 'Vino_2026'],
    ['IP 185.22.61.140\nroot / Vps#Adv2025\nЗаранее спасибо!', 'Vps#Adv2025'],
    // a user name in Latin letters after a Russian login label, without a separator
    ['белый экран, пароль Qwe123! логин admin', 'admin'],
    ['логин ivan.petrov, пароль скину в чат', 'ivan.petrov'],
    // an English login label and a name, when a password label follows
    ['Site broken. Admin panel login admin password Qwerty123', 'admin'],
    ['user ivan.petrov, pass Zz12345qq', 'ivan.petrov'],
    // a password of Latin letters only, right after a Russian label
    ['Не работает корзина. пароль qwerty', 'qwerty'],
    ['мой пароль Qwertyuiop, логин admin', 'Qwertyuiop'],
    // a pair after an earlier word about access: «ftp» is no login of it
    ['Не работает сайт. Пароль от админки: 12345, ftp: user / p@ss', 'p@ss'],
    // a label about access, a well-known account and a password, a space between; a token label with «API»
    ['доступы: admin Qwerty123', 'Qwerty123'],
    ['токен API: sk-abc123def456', 'sk-abc123def456'],
    // a few words between the password label and a colon; both labels before the pair
    ['Пароль от админки тот же что и раньше: Qwe12345', 'Qwe12345'],
    ['Пароль (временный): Qwe12345', 'Qwe12345'],
    ['Пароль у нас сейчас такой: Qwe12345', 'Qwe12345'],
    ['Пароль сменили, теперь такой: Qwe12345', 'Qwe12345'],
    ['password changed, now it is: Hunter22', 'Hunter22'],
    ['логин и пароль: admin Qwe12345', 'Qwe12345'],
    ['логин и пароль: admin Qwe12345', 'admin'],
    ['Логин/пароль: ivan, P@ss2024', 'P@ss2024'],
    // an HTTP authorisation, curl's user, a key labelled with its service, a bot token, a configuration's password
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcDEF123 — API отвечает 401', 'eyJhbGciOiJIUzI1NiJ9'],
    ['Authorization: Basic YWRtaW46cXdlcnR5MTIz', 'YWRtaW46cXdlcnR5MTIz'],
    ['curl -u admin:Sup3rS3cret https://shop.ru/api/orders возвращает 500', 'Sup3rS3cret'],
    ['API-ключ СДЭК: Abc123Def456Ghi789 — не считается доставка', 'Abc123Def456Ghi789'],
    ['Ключ API Яндекс.Карт: 8f14e45fceea167a5a36 не работает карта', '8f14e45fceea167a5a36'],
    ['Токен бота 123456789:AAEhBOweik6ad6PsVMRxjeQKF9wZtkLwGwM — уведомления не приходят', 'AAEhBOweik6ad6Ps'],
    ["В config: 'db_password' => 'Sup3rS3cret', ошибка подключения к базе", 'Sup3rS3cret'],
    ['{"password": "x12345"} не подключается', 'x12345'],
    // an application password in four groups, all of it
    ['Пароль приложения для почты: abcd efgh ijkl mnop — письма не уходят', 'mnop'],
    ['пароль: abcd efgh ijkl mnop', 'efgh'],
  ])('masks the secret in %j', (text, secret) => {
    expect(findSecrets(text).length).toBeGreaterThan(0)
    expect(maskSecrets(text)).not.toContain(secret)
    expect(maskSecrets(text)).toContain('••••••')
  })

  it.each([
    'забыл пароль от админки, помогите сбросить',
    'не могу войти, пишет неверный пароль',
    // what a password is for, a domain after the label, a database's error text
    'пароль от WordPress не подходит',
    'пароль shop.ru не принимает',
    "Ошибка: Access denied for user 'shop'@'localhost' (using password: YES)",
    'как поменять пароль пользователя?',
    // a Russian word after the login label, a product after «пользователь»: no user name
    'логин администратора не подходит',
    // what the login is for, a domain, a word that names no one
    'не помню логин от сайта shop.ru',
    'логин от ftp не подходит',
    'доступ к ftp: есть',
    'доступы: admin, пароль скину позже',
    'логин shop.ru не подходит',
    'Логин email не принимает',
    'Пользователь FireGuard 3 пишет, что отчёт пустой',
    'после обновления сайт лёг, белый экран',
    // a path, a word after the slash, a year after an address: no password there
    'ошибка на странице site.ru/admin/index.php после обновления',
    'в меню admin / settings нет пункта',
    'писал с ivan@shop.ru / 2026 год',
    // an English label without a password after the name, or a plain word between them
    'login attempts are blocked after an update',
    'login attempts password reset does not work',
    'the login page password field is empty',
    'login via password does not work since the update',
    'the user has password problems',
    // an authorisation scheme named, an error after a token label, curl without a user
    'Bearer authentication fails since the update',
    'токен истёк, ошибка: Unauthorized',
    'curl https://shop.ru/api/orders возвращает 500',
    'user group admin cannot see orders',
    // words before a colon that quote an error, not a password
    'пароль не подходит, пишет: Неверный логин или пароль',
    'пароль не принимается, код ошибки: 1045',
  ])('finds no secret in %j', (text) => {
    expect(findSecrets(text)).toEqual([])
    expect(maskSecrets(text)).toBe(text)
  })

  it('masks the name where it is, not where the same letters recur in the label after it', () => {
    expect(maskSecrets('user pass1 password Qwerty123')).toBe('user •••••• password ••••••')
    expect(maskSecrets('логин pass пароль Qwerty123')).toBe('логин •••••• пароль ••••••')
  })

  it('reads a long run of spaces after a login label in one pass, not split by split', () => {
    // 200,000 spaces: tried split by split, this took minutes; read once, it is immediate (the suite's time limit)
    const text = `user admin${' '.repeat(200_000)}x login admin${'\n'.repeat(200_000)}password`
    expect(findSecrets(text)).toEqual([])
  })
})

describe('accessDataSpans: the access data with its labels, sentence by sentence', () => {
  /** the reading before: the sentence found by searching the whole text before each secret (merged as it merges) */
  function spansBefore(text: string): { kind: string; start: number; end: number }[] {
    const spans = findSecrets(text).map((s) => {
      const stops = [...text.slice(0, s.start).matchAll(/[.!?](?=\s)|\n/g)]
      const boundary = Math.max((stops.at(-1)?.index ?? -1) + 1, s.start - 100, 0)
      let start = s.start
      for (const m of text.slice(boundary, s.start).matchAll(pattern('credentials.accessLabel'))) {
        start = boundary + (m.index ?? 0)
        break
      }
      return { kind: s.kind, start, end: s.end }
    })
    const merged: { kind: string; start: number; end: number }[] = []
    for (const s of spans.sort((a, b) => a.start - b.start || b.end - a.end)) {
      const last = merged.at(-1)
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
      else merged.push({ ...s })
    }
    return merged
  }

  it('finds the sentence of each secret as a search of the whole text before it did', () => {
    const parts = [
      'Доступ в админку: admin / qwerty123',
      'пароль: Secr3t!',
      'ftp сервер',
      '. ',
      '! ',
      '\n',
      'сайт shop.ru',
      ' ',
      'x'.repeat(60),
    ]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 12 }), (chunks) => {
        const text = chunks.join('')
        expect(accessDataSpans(text)).toEqual(spansBefore(text))
      }),
    )
  })

  it('reads a log of 20,000 passwords in one pass (the whole text before each secret was searched: minutes long)', () => {
    const text = `Не работает сайт. Лог:\n${Array.from({ length: 20_000 }, (_, i) => `строка ${i}: пароль admin${i} для входа`).join('\n')}`
    const context = { accessDataSpans, text, spans: 0 }
    // a watchdog, not a measure: in one pass this takes a fraction of a second, searched before each secret minutes
    runInNewContext('spans = accessDataSpans(text).length', context, { timeout: 20_000 })
    expect(context.spans).toBe(20_000)
  })
})
