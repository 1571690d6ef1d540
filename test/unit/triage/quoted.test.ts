import { describe, expect, it } from 'vitest'
import { withAnsweredQuestions, withoutQuotedLetters } from '../../../src/triage/quoted.js'

describe('withAnsweredQuestions', () => {
  it('joins each quoted question to the answer on the line below it, as a labelled field', () => {
    expect(withAnsweredQuestions('Отвечаю:\n> — Какая версия?\n11.2.5\n>  - Домен?? \nshop.ru\nСпасибо')).toBe(
      'Отвечаю:\nКакая версия: 11.2.5\nДомен: shop.ru\nСпасибо',
    )
  })

  it('joins the answer after blank lines, and a question support numbered («> 2. Какой домен?»)', () => {
    expect(withAnsweredQuestions('Отвечаю:\n> — Какая версия?\n\n11.2.5\n\n> 2. Какой домен?\nshop.ru')).toBe(
      'Отвечаю:\nКакая версия: 11.2.5\n\nКакой домен: shop.ru',
    )
  })

  it('joins a question quoted on the first line, and one quoted twice («> > …»)', () => {
    expect(withAnsweredQuestions('> > Версия?\n9.4')).toBe('Версия: 9.4')
  })

  it.each([
    ['questions quoted one after another (a forwarded list)', '> — как поменять логотип?\n> — как добавить доставку?'],
    ['a quoted question with no answer after it', 'Вы спросили:\n> Какая версия?\n> Какой домен?'],
    ['a quoted statement', '> Версия 9.4\nвот'],
    ['a question that is not quoted', 'Какая версия?\n9.4'],
    ['a text without quotes', 'Не работает корзина, версия 9.4'],
  ])('leaves %s as it is', (_what, text) => {
    expect(withAnsweredQuestions(text)).toBe(text)
  })

  it('keeps every character of the answers, identifiers and access data where they were', () => {
    const text = '> Пароль от админки?\nadmin / Qw3rty!9\n> Ключ?\nMG-1F2E-3D4C-5B6A-7980'
    const read = withAnsweredQuestions(text)
    expect(read).toContain('admin / Qw3rty!9')
    expect(read).toContain('MG-1F2E-3D4C-5B6A-7980')
  })
})

describe('withoutQuotedLetters', () => {
  it('leaves out a quoted letter with the attribution that introduces it, quoted or not', () => {
    const reply = 'Ошибка осталась.\n\n> 18.11.2026 техподдержка пишет:\n> Очистите кэш и настройте SEO.'
    expect(withoutQuotedLetters(reply)).toBe('Ошибка осталась.\n')
    const yandex =
      'Письма не приходят.\n\n14.03.2025, 17:05, "Поддержка" <support@umi.ru>:\n> Уточните, пожалуйста.\n\nСпасибо'
    expect(withoutQuotedLetters(yandex)).toBe('Письма не приходят.\n\nСпасибо')
    const gmail =
      'Экспорт в PDF не работает.\n\nпт, 14 мар. 2025 г. в 12:30, Техподдержка MST <01@mst.su>:\n> Переустановите драйвер.'
    expect(withoutQuotedLetters(gmail)).toBe('Экспорт в PDF не работает.\n')
    const wrapped =
      'Не помогло.\n\nпт, 14 мар. 2025 г. в 12:30, Поддержка Moguta <\nsupport@moguta.ru>:\n> Во-первых, очистите кэш.'
    expect(withoutQuotedLetters(wrapped)).toBe('Не помогло.\n')
  })

  it.each([
    [
      'a list the customer forwards',
      'Руководитель переслал замечания:\n> — не считается скидка;\n> — не работает поиск.',
    ],
    ['an attribution with no quote after it', 'Иван пишет:\nне работает корзина'],
    ['a text without quotes', 'не работает корзина'],
  ])('leaves nothing out of %s', (_what, text) => {
    expect(withoutQuotedLetters(text)).toBeUndefined()
  })
})
