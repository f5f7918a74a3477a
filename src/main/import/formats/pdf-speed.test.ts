// How fast readPdf reads a long PDF (about 300 pages written by LibreOffice),
// and how long it ever keeps the event loop: printed, never asserted (the
// machine is shared; the benchmark proper is bench/'s). What is asserted is
// that the long document comes out whole and in order.
import { readFile } from 'node:fs/promises'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { beforeAll, expect, it } from 'vitest'
import { officeFixture } from '../../../../test-support/office-fixtures'
import { articleBlocks, articleFodt, longArticle } from '../../../../test-support/pdf-fixtures'
import { readPdf } from './pdf'

/** About 2.6 pages a copy: a little over 300 pages. */
const COPIES = 116
const report = longArticle(COPIES)
let bytes: Uint8Array

beforeAll(async () => {
  bytes = await readFile(
    await officeFixture({ name: 'report.fodt', source: articleFodt(report), to: 'pdf' }),
  )
}, 300_000)

it('reads a 300-page report whole, in order, and prints its speed', async () => {
  let pages = 0
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  const start = performance.now()
  const doc = await readPdf(bytes, {
    fileName: 'report.pdf',
    onProgress: (_, total) => (pages = total),
  })
  const seconds = (performance.now() - start) / 1000
  delay.disable()

  expect(pages).toBeGreaterThanOrEqual(300)
  expect(doc.title).toBe('Rapport annuel sur la culture d’entreprise')
  expect(doc.blocks).toHaveLength(COPIES * 18)
  expect(doc.blocks[0]).toBe('Partie 1 : ce que disent les salariés')
  expect(doc.blocks).toEqual(articleBlocks(report))
  console.log(
    `readPdf: ${pages} pages in ${seconds.toFixed(1)} s (${(pages / seconds).toFixed(0)} pages/s); ` +
      `longest event-loop delay ${(delay.max / 1e6).toFixed(0)} ms`,
  )
})
