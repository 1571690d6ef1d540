import { describe, expect, it } from 'vitest'
import { RegulationRegistry } from '../../../src/regulation/load.js'
import { PARSERS } from '../../../src/regulation/parsers.js'
import { triageRequest } from '../../../src/triage/classify.js'
import { fromTranslit } from '../../../src/triage/translit.js'

describe('fromTranslit', () => {
  it('reads Russian typed in Latin letters back into Cyrillic', () => {
    expect(fromTranslit("Zdravstvujte! Nuzhno pomenjat' dizajn shapki sajta, skol'ko eto budet stoit'?")).toBe(
      'здравствуйте! нужно поменять дизайн шапки сайта, сколько это будет стоить?',
    )
    expect(fromTranslit("ne ponjatno, chto oznachaet 'vremja blokirovanija' i kak on vlijaet na raschet")).toBe(
      "не понятно, что означает 'время блокирования' и как он влияет на расчет",
    )
  })

  it('keeps domains, e-mails, versions and technical words as they are', () => {
    expect(
      fromTranslit('ne rabotaet korzina na sajte mebel.ru, pishite na ivan@mebel.ru, versija 10.11, chto s css?'),
    ).toBe('не работает корзина на сайте mebel.ru, пишите на ivan@mebel.ru, версия 10.11, что с css?')
  })

  it('leaves English and Russian text alone', () => {
    for (const text of [
      'Hi, the cart is broken on shop.ru since the update. Can you check? I tried it in Chrome and Firefox.',
      'После обновления не работает корзина, ключ ABCD-EFGH-IJKL',
    ])
      expect(fromTranslit(text)).toBe(text)
  })

  it('lets triage read a transliterated request', () => {
    const v = triageRequest(
      RegulationRegistry.withBuiltins(PARSERS).get('umi'),
      'Dobryj den, posle obnovlenija ne otkryvaetsja katalog na sajte, vydaet oshibku 500. Chto delat?',
      { receivedAt: Date.parse('2026-11-20T12:00:00+03:00') },
    )
    expect(v.scope).toBe('in')
  })
})
