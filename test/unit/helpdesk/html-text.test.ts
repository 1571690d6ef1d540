import { describe, expect, it } from 'vitest'
import { plainText } from '../../../src/helpdesk/html-text.js'

describe('a helpdesk HTML text as plain text (plainText: a Usedesk comment, an Okdesk description)', () => {
  it('decodes every character reference a letter has: named, decimal and hexadecimal', () => {
    expect(
      plainText('Не работает оплата &laquo;ЮKassa&raquo; &mdash; сайт shop.ru&nbsp;&amp; склад &#8470;2, &#x2116;3'),
    ).toBe('Не работает оплата «ЮKassa» — сайт shop.ru & склад №2, №3')
  })

  it('keeps line breaks, drops tags, leaves an unknown name as written', () => {
    expect(plainText('<p>Первая строка<br/>вторая</p><div>&foo; третья</div>')).toBe(
      'Первая строка\nвторая\n&foo; третья',
    )
  })
})
