// Gloss in plain Chromium: the built renderer, with window.gloss installed by
// an init script and every call routed through Playwright to the REAL
// main-process handlers (createHandlers), running in this test process
// against real files in the test's data folder, with their arguments checked
// as ipc.ts checks them (checked-calls.ts), imported files parsed by the real
// import worker (built from the sources, as electron-vite builds it). The
// bridge is built from the contract's names (src/shared/ipc/names.ts), as
// the preload's is. Only Electron and the native dialogs are replaced.
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { IpcEvents, MenuCommand } from '@shared/api'
import { INVOKE_METHODS, type EventName } from '@shared/ipc/names'
import { callChecked, isInvokeMethod } from '../../src/main/checked-calls'
import { FakeDialogs } from '../../src/main/test-support/fake-dialogs'
import { createHandlers, type Handlers } from '../../src/main/handlers'
import { importWorkerPath } from '../../src/main/test-support/import-worker'
import { dragFiles } from './drag-files'
import { whenShown, type GlossApp } from './types'

const SAMPLE = resolve('resources/sample-article-fr.txt')

/** Replies from this many characters on cross the DevTools protocol gzipped. */
const GZIP_FROM = 256 * 1024

/**
 * The window function through which the harness emits each main → renderer
 * event (what webContents.send delivers in Electron).
 */
const EVENT_EMITTERS = {
  onMenuCommand: '__glossMenu',
  onExportProgress: '__glossExportProgress',
  onAddArticlesProgress: '__glossAddArticlesProgress',
  onSessionProblems: '__glossSessionProblems',
  onCoderCopiesProgress: '__glossCoderCopiesProgress',
  onAgreementProgress: '__glossAgreementProgress',
} as const satisfies Record<EventName, string>

/** Runs in the page before any app script: the test transport of the contract. */
function installBridge({
  methods,
  emitters,
}: {
  methods: readonly string[]
  emitters: Record<string, string>
}) {
  // Values cross as JSON text, like Electron's structured clone of plain data,
  // and because Playwright serializes one large string far faster than a
  // large object graph (a 100,000-passage session).
  const invoke = (window as unknown as { __glossInvoke: (m: string, a: string) => Promise<string> })
    .__glossInvoke
  // The DevTools protocol message that carries a reply is harness cost, not
  // Gloss's (Electron uses IPC; a 4 MB reply takes 200–300 ms through the
  // protocol): note when each arrives and how long it travelled (the handler
  // stamps when it finished, on the same wall clock), and parse in a task of
  // its own, so that measurements can tell the two apart.
  const received: number[] = []
  const transport: number[] = []
  Object.defineProperty(window, '__glossReplyTimes', { value: received })
  Object.defineProperty(window, '__glossTransportMs', { value: transport })
  // Large replies come gzipped and base64-encoded (a quarter of the bytes
  // through the protocol); inflating them is transport too.
  const inflate = async (base64: string) => {
    const binary = atob(base64)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))
    return new Response(stream).text()
  }
  const call = async (m: string, args: unknown[]) => {
    const stamped = await invoke(m, JSON.stringify(args))
    const [sentAt, encoding] = stamped.slice(0, stamped.indexOf('|')).split(';')
    const body = stamped.slice(stamped.indexOf('|') + 1)
    const json = encoding === 'gzip' ? await inflate(body) : body
    received.push(performance.now())
    transport.push(performance.timeOrigin + performance.now() - Number(sentAt))
    await new Promise((r) => setTimeout(r, 0))
    return JSON.parse(json) as unknown
  }
  // Main → renderer events: what webContents.send delivers in Electron. The
  // harness emits them by calling window[emitter] (see emit).
  const events = (emitter: string) => {
    const listeners = new Set<(value: unknown) => void>()
    Object.defineProperty(window, emitter, {
      value: (value: unknown) => listeners.forEach((l) => l(value)),
    })
    return (listener: (value: unknown) => void) => {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    }
  }
  const api: Record<string, unknown> = {}
  for (const [name, emitter] of Object.entries(emitters)) api[name] = events(emitter)
  for (const m of methods) api[m] = (...args: unknown[]) => call(m, args)
  // What the preload answers with webUtils.getPathForFile in Electron: a page
  // cannot see a file's path, so the harness maps the names of the files a
  // spec drags (dragFiles) to their paths.
  const dropped = new Map<string, string>()
  Object.defineProperty(window, '__glossDraggedPaths', {
    value: (paths: string[]) => {
      for (const p of paths) dropped.set(p.slice(p.lastIndexOf('/') + 1), p)
    },
  })
  api.pathsOfDroppedFiles = (files: readonly File[]) =>
    Array.from(files, (f) => dropped.get(f.name) ?? '')
  Object.defineProperty(window, 'gloss', { value: Object.freeze(api), writable: false })
}

export async function launchChromiumApp(
  browser: Browser,
  url: string,
  dataDir: string,
  /** The system language the browser reports (navigator.languages). */
  locale = 'en-GB',
  /**
   * Who new passages are attributed to (the analyst's coder name). The
   * bench gives the author of its generated passages, so that its sessions
   * stay of one coder as it adds passages.
   */
  author = 'e2e-analyst',
): Promise<GlossApp & { close(): Promise<void> }> {
  // Answers queued by the test; an unexpected dialog fails loudly.
  const dialogs = new FakeDialogs({ hint: ': call app.answerNextDialog() first' })
  let handlers: Handlers
  let context: BrowserContext

  async function start(): Promise<Page> {
    // The page the events go to, once it exists.
    const events: { page?: Page } = {}
    handlers = createHandlers({
      dataDir,
      dialogs,
      samplePath: SAMPLE,
      importWorker: await importWorkerPath(),
      author,
      systemLanguage: () => locale,
      // Main → renderer events, as Electron's webContents.send would deliver them.
      onExportProgress: (progress) =>
        void (events.page && emit(events.page, 'onExportProgress', progress).catch(() => {})),
      onAddArticlesProgress: (progress) =>
        void (events.page && emit(events.page, 'onAddArticlesProgress', progress).catch(() => {})),
      onSessionProblems: (event) =>
        void (events.page && emit(events.page, 'onSessionProblems', event).catch(() => {})),
      onCoderCopiesProgress: (progress) =>
        void (events.page && emit(events.page, 'onCoderCopiesProgress', progress).catch(() => {})),
      onAgreementProgress: (progress) =>
        void (events.page && emit(events.page, 'onAgreementProgress', progress).catch(() => {})),
    })
    const h = handlers
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale })
    await context.exposeBinding('__glossInvoke', async (_source, method: string, json: string) => {
      const args: unknown = JSON.parse(json)
      const result = isInvokeMethod(method)
        ? await callChecked(h, method, Array.isArray(args) ? args : [])
        : { ok: false, error: { code: 'invalid-argument', message: `unknown method ${method}` } }
      // When the reply left the handler (wall clock, ms), for installBridge.
      const sentAt = performance.timeOrigin + performance.now()
      const reply = JSON.stringify(result)
      if (reply.length < GZIP_FROM) return `${sentAt}|${reply}`
      return `${sentAt};gzip|${gzipSync(reply, { level: 1 }).toString('base64')}`
    })
    await context.addInitScript(installBridge, {
      methods: INVOKE_METHODS,
      emitters: EVENT_EMITTERS,
    })
    const page = await context.newPage()
    events.page = page
    await page.goto(url)
    return whenShown(page)
  }

  const app = {
    page: await start(),
    dataDir,
    async restart() {
      await handlers.shutdown()
      await context.close()
      app.page = await start()
      return app.page
    },
    answerNextDialog(path: string | readonly string[] | null) {
      dialogs.answer(path)
      return Promise.resolve()
    },
    async dragFiles(paths: readonly string[]) {
      await app.page.evaluate(
        (p) =>
          (window as unknown as { __glossDraggedPaths: (p: string[]) => void }).__glossDraggedPaths(
            p,
          ),
        [...paths],
      )
      return dragFiles(app.page, paths)
    },
    async sendMenuCommand(command: MenuCommand) {
      await emit(app.page, 'onMenuCommand', command)
    },
    async close() {
      await handlers.shutdown()
      await context.close()
    },
  }
  return app
}

/** Delivers a main → renderer event to the page's subscribers. */
function emit<E extends EventName>(page: Page, event: E, value: IpcEvents[E]): Promise<void> {
  return page.evaluate(
    ([emitter, v]) => (window as unknown as Record<string, (v: unknown) => void>)[emitter]!(v),
    [EVENT_EMITTERS[event], value] as const,
  )
}
