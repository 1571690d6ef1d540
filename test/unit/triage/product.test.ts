import { describe, expect, it } from 'vitest'
import { RegulationRegistry } from '../../../src/regulation/load.js'
import { PARSERS } from '../../../src/regulation/parsers.js'
import { triageRequest } from '../../../src/triage/classify.js'
import { productNamedIn } from '../../../src/triage/product.js'

const registry = RegulationRegistry.withBuiltins(PARSERS)
const mst = registry.get('mst')

describe('productNamedIn', () => {
  it.each([
    ['после обновления Феникс+ 2 не запускается', 'fenix-plus-2'],
    ['Fenix+ 3 неправильно считает время блокирования', 'fenix-plus-3'],
    ['в FENIX+ не открывается проект', 'fenix-plus'],
    ['Fenix Server Academy не видит рабочие места студентов', 'fenix-server-academy'],
    // a number after a name that is no family is a count, not a generation
    ['Fenix Server 2 пользователя не могут подключиться', 'fenix-server'],
    ['Fenix+ Academy 5 слушателей: программа не запускается после установки', 'fenix-plus-academy'],
    ['FireGuard 3 2 рабочих места, не запускается расчёт', 'fireguard-3'],
  ])('finds the product a request names: %s', (text, id) => {
    expect(productNamedIn(mst, text)).toBe(id)
  })

  it('does not take a count after a supported product for an older generation: Fenix+ Academy is not Fenix+', () => {
    const v = triageRequest(mst, 'Fenix+ Academy 5 слушателей: программа не запускается после установки', {
      receivedAt: Date.parse('2026-11-20T12:00:00+03:00'),
    })
    expect(v.reasons.map((r) => r.code)).not.toContain('product_unsupported')
    expect(v.scope).toBe('in')
  })

  // a generation of a family the regulation does not list: named as written, which is no product of it
  it.each([
    ['Fenix+ 4 не запускается', 'Fenix+ 4'],
    ['FireGuard 5 выдаёт ошибку при расчёте', 'FireGuard 5'],
    ['Феникс+ 4 не запускается', 'Феникс+ 4'],
  ])('names a generation the regulation does not list: %s', (text, named) => {
    expect(productNamedIn(mst, text)).toBe(named)
    const v = triageRequest(mst, text, { receivedAt: Date.parse('2026-11-20T12:00:00+03:00') })
    expect(v.scope).toBe('out')
    expect(v.reasons[0]?.code).toBe('product_unsupported')
  })

  it.each([
    ['переходим с Fenix+ 2 на Fenix+ 3, как перенести проекты?'],
    ['проект 2019 года не открывается'],
    ['в Fenix+ 2019 года выпуска не открывается проект'],
    ['не открывается проект'],
  ])('names no product when there are several, or none: %s', (text) => {
    expect(productNamedIn(mst, text)).toBeUndefined()
  })

  it('lets triage apply the end of support of a product the request names', () => {
    const at = Date.parse('2026-11-20T12:00:00+03:00')
    const named = triageRequest(mst, 'Феникс+ 2 перестал запускаться после переустановки Windows', { receivedAt: at })
    expect(named.scope).toBe('out')
    expect(named.reasons[0]?.code).toBe('product_unsupported')
    // the product the agent gives wins over the one the text names
    const given = triageRequest(mst, 'Феникс+ 2 перестал запускаться после переустановки Windows', {
      receivedAt: at,
      product: 'fenix-plus-3',
    })
    expect(given.reasons.map((r) => r.code)).not.toContain('product_unsupported')
    // and a product named in Russian typed in Latin letters
    const translit = triageRequest(
      mst,
      'Dobryj den, posle pereustanovki Windows Feniks+ 2 ne zapuskaetsja, chto delat?',
      {
        receivedAt: at,
      },
    )
    expect(translit.reasons[0]?.code).toBe('product_unsupported')
  })
})
