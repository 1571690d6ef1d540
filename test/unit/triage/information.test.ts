import { describe, expect, it } from 'vitest'
import { INFORMATION_IDS } from '../../../src/regulation/vocabulary.js'
import { askedOf, type InformationId, missingInformation, withoutIdentifiers } from '../../../src/triage/information.js'

const ALL: InformationId[] = [...INFORMATION_IDS]

describe('missingInformation', () => {
  it('finds the shapes of the required information, not the words naming them', () => {
    const text =
      'Ключ ABCD-EFGH-1234-5678, домен myshop.ru, версия 10.2.1. После обновления белый экран. Скрин прикрепил. Ошибка: "Fatal error: Uncaught Exception"'
    expect(missingInformation(text, ALL)).toEqual(['page_url', 'steps', 'contact'])
  })

  it('reports what a bare complaint lacks', () => {
    expect(missingInformation('мой домен не работает, ключ потерял', ['license_key', 'domain', 'version'])).toEqual([
      'license_key',
      'domain',
      'version',
    ])
  })

  it.each<[string, InformationId]>([
    ['Не работает страница https://shop.ru/catalog/item-5', 'page_url'],
    ['сайт магазин.рф', 'domain'],
    ['1. захожу в корзину\n2. нажимаю оформить\n3. ошибка', 'steps'],
    ['сначала открываю каталог, потом фильтр и вижу пустую страницу', 'steps'],
    ['v8.1.3', 'version'],
    ['Версия движка: 9.4', 'version'],
    ['Дистрибутив 11.3, домен shop.ru', 'version'],
    ['Версия 12, тариф стартовый', 'version'],
    ['сайт shop.ru, версия последняя.', 'version'],
    ['сайт shop.ru, версия: последняя', 'version'],
    ['стоим на последней версии, ничего не меняли', 'version'],
    ['we run the latest version', 'version'],
    ['после апдейта на /cart вылетает 500-ка', 'page_url'],
    ['ошибка на странице (/catalog/kurtki/kurtka-zimnyaya)', 'page_url'],
    ['телефон +7 (912) 345-67-89', 'contact'],
    ['во вложении снимок экрана', 'screenshot'],
    ['вчера обновили модуль доставки', 'recent_changes'],
    ['лицензионный ключ 8F3A9C7D2E1B4A6F8C0D', 'license_key'],
  ])('%j contains %s', (text, id) => {
    expect(missingInformation(text, [id])).toEqual([])
  })

  it.each([
    'после обновления до последней версии не работает корзина',
    'после того как обновили до самой последней версии, не работает корзина',
    'после обновления к последней версии не работает корзина',
    'на хостинге PHP версии 8.1, не работает оплата',
    'after updating to the latest version the cart is empty',
    'версия PHP 8.1, не работает оплата',
    'в версии 2 раза больше ошибок',
  ])('%j names no version the customer runs', (text) => {
    expect(missingInformation(text, ['version'])).toEqual(['version'])
  })

  it.each(['ошибка в /var/www/shop/index.php на строке 12', 'скидка 1/2 цены', 'доставка и/или самовывоз'])(
    '%j names no page of the site',
    (text) => {
      expect(missingInformation(text, ['page_url'])).toEqual(['page_url'])
    },
  )

  it.each([
    'СРОЧНО!!! на всех страницах ошибка 500',
    'сайт не открывается с утра, белый экран',
    'the whole site is down since the update',
  ])('does not ask for the page of a failure of the whole site: %j', (text) => {
    expect(askedOf(['page_url', 'version'], text, true)).toEqual(['version'])
  })

  it('asks a wish for the product only who the customer is, whatever words of a failure it uses', () => {
    const required: InformationId[] = ['site_url', 'error_text', 'screenshot', 'steps']
    expect(askedOf(required, 'Предлагаю добавить в модуль каталога сравнение товаров, очень не хватает', true)).toEqual(
      ['site_url'],
    )
  })

  it('asks for the page of a failure on one page', () => {
    expect(askedOf(['page_url', 'version'], 'в корзине не пересчитывается сумма', true)).toEqual([
      'page_url',
      'version',
    ])
  })

  it('a date written with dots is no version number; a version beside one is still found', () => {
    expect(missingInformation('Исх. № 14-06/702 от 20.11.2026. Сайт не открывается', ['version'])).toEqual(['version'])
    expect(missingInformation('с 17.11.2026 не работает корзина', ['version'])).toEqual(['version'])
    expect(missingInformation('с 17.11.2026 после обновления до 10.5.3 не работает корзина', ['version'])).toEqual([])
    expect(missingInformation('модуль 2.10.2020.1 не грузится', ['version'])).toEqual([])
    // after a verb that often precedes a version, and in the other ways dates are dotted
    expect(missingInformation('обновили 20.11.2026 и не работает корзина', ['version'])).toEqual(['version'])
    expect(missingInformation('updated on 20.11.2026, the cart is broken', ['version'])).toEqual(['version'])
    expect(missingInformation('с 20.11.26 не работает корзина', ['version'])).toEqual(['version'])
    expect(missingInformation('с 2026.11.20 не работает корзина', ['version'])).toEqual(['version'])
    expect(missingInformation('обновили до 10.5 и не работает корзина', ['version'])).toEqual([])
    expect(missingInformation('стоит 9.12.3, не работает корзина', ['version'])).toEqual([])
  })

  it('the user part of a URL is no e-mail address to answer to', () => {
    expect(missingInformation('не работает корзина ftp://admin:S3cr3tPa55@shop.ru', ['contact'])).toEqual(['contact'])
    expect(missingInformation('пишите на ivan@shop.ru', ['contact'])).toEqual([])
  })
})

describe('withoutIdentifiers', () => {
  it.each([
    'ключ лицензии ABCD-1234-EFGH-5678',
    'лицензионный ключ ABCD-1234-EFGH-5678',
    'ключ ABCD-1234-EFGH-5678',
    'лицензия ABCD-1234-EFGH-5678',
  ])('takes a key out with the words that label it: %s', (label) => {
    expect(withoutIdentifiers(`не работает корзина. ${label}.`).trim()).toBe('не работает корзина.  .')
  })
})
