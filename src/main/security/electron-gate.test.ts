// Proves the electronegativity gate (scripts/electron-gate.mjs, run by
// `npm run check:electron`) can fail: on a deliberately insecure fixture, and
// on the real sources with one checklist item broken at a time.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ALLOWLIST,
  evaluate,
  isGated,
  scan,
  stageSources,
  type Issue,
} from '../../../scripts/electron-gate.mjs'

const FIXTURE = join(import.meta.dirname, 'fixtures/insecure-app')
const TIMEOUT = 60_000

const ids = (issues: Issue[]) => [...new Set(issues.map((i) => i.id))].sort()

describe('electronegativity gate on the insecure fixture', () => {
  it(
    'fails on every checklist item the fixture breaks',
    async () => {
      const { issues, errors } = await scan(FIXTURE)
      expect(errors).toEqual([])
      const { failures } = evaluate(issues)
      expect(ids(failures)).toEqual([
        'ALLOWPOPUPS_HTML_CHECK',
        'AUXCLICK_HTML_CHECK',
        'AUXCLICK_JS_CHECK',
        'BLINK_FEATURES_HTML_CHECK',
        'BLINK_FEATURES_JS_CHECK',
        'CONTEXT_ISOLATION_JS_CHECK',
        'EXPERIMENTAL_FEATURES_HTML_CHECK',
        'EXPERIMENTAL_FEATURES_JS_CHECK',
        'INSECURE_CONTENT_HTML_CHECK',
        'INSECURE_CONTENT_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
        'NODE_INTEGRATION_HTML_CHECK',
        'NODE_INTEGRATION_JS_CHECK',
        'OPEN_EXTERNAL_JS_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        'PRELOAD_JS_CHECK',
        'REMOTE_MODULE_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'WEB_SECURITY_HTML_CHECK',
        'WEB_SECURITY_JS_CHECK',
      ])
    },
    TIMEOUT,
  )

  it(
    'reads the same code as TypeScript',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'gloss-gate-ts-'))
      try {
        await cp(join(FIXTURE, 'main.js'), join(dir, 'main.ts'))
        const { issues, errors } = await scan(dir)
        expect(errors).toEqual([])
        const js = ids(evaluate(issues).failures).filter((id) => id.endsWith('_JS_CHECK'))
        expect(js).toEqual([
          'AUXCLICK_JS_CHECK',
          'BLINK_FEATURES_JS_CHECK',
          'CONTEXT_ISOLATION_JS_CHECK',
          'EXPERIMENTAL_FEATURES_JS_CHECK',
          'INSECURE_CONTENT_JS_CHECK',
          'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
          'NODE_INTEGRATION_JS_CHECK',
          'OPEN_EXTERNAL_JS_CHECK',
          'PRELOAD_JS_CHECK',
          'REMOTE_MODULE_JS_CHECK',
          'SANDBOX_JS_CHECK',
          'WEB_SECURITY_JS_CHECK',
        ])
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
    TIMEOUT,
  )
})

describe('electronegativity gate on the real sources', () => {
  let staged: string
  const originals = new Map<string, string>()

  beforeAll(async () => {
    staged = (await stageSources()).dir
    for (const rel of [
      'ts/main/security/window-options.ts',
      'js/main/security/window-options.js',
      'ts/main/security/guards.ts',
      'js/main/security/guards.js',
    ])
      originals.set(rel, await readFile(join(staged, rel), 'utf8'))
  }, TIMEOUT)

  afterAll(async () => {
    if (staged) await rm(staged, { recursive: true, force: true })
  })

  /** Scans the staged sources with `edit` applied to both copies of `file`. */
  async function scanWith(file: 'window-options' | 'guards', edit: (source: string) => string) {
    for (const rel of [`ts/main/security/${file}.ts`, `js/main/security/${file}.js`]) {
      const original = originals.get(rel)!
      const edited = edit(original)
      expect(edited, `the edit must change ${rel}`).not.toBe(original)
      await writeFile(join(staged, rel), edited)
    }
    try {
      const { issues, errors } = await scan(staged)
      expect(errors.filter((e) => !e.tolerable)).toEqual([])
      return evaluate(issues)
    } finally {
      for (const [rel, source] of originals) await writeFile(join(staged, rel), source)
    }
  }

  it(
    'passes as the code is, with only the reviewed allowlist entries',
    async () => {
      const { issues, errors } = await scan(staged)
      expect(errors.filter((e) => !e.tolerable)).toEqual([])
      const verdict = evaluate(issues)
      expect(verdict.failures).toEqual([])
      expect(verdict.stale).toEqual([])
      // Each entry matches its line once in the TypeScript copy and once in the transpiled one.
      expect(verdict.allowlisted).toHaveLength(ALLOWLIST.length * 2)
    },
    TIMEOUT,
  )

  const swap = (from: string, to: string) => (s: string) => s.replace(from, to)
  it.each([
    [
      'contextIsolation false',
      swap('contextIsolation: true', 'contextIsolation: false'),
      'CONTEXT_ISOLATION_JS_CHECK',
    ],
    ['sandbox false', swap('sandbox: true', 'sandbox: false'), 'SANDBOX_JS_CHECK'],
    // electronegativity 1.10.3 trusts any window with a `sandbox` key to have no Node
    // integration, so the key goes too.
    [
      'nodeIntegration true, no sandbox key',
      (s: string) =>
        swap(
          'nodeIntegration: false',
          'nodeIntegration: true',
        )(s).replace(/^\s*sandbox: true,?\n/m, ''),
      'NODE_INTEGRATION_JS_CHECK',
    ],
    ['webSecurity false', swap('webSecurity: true', 'webSecurity: false'), 'WEB_SECURITY_JS_CHECK'],
    [
      'allowRunningInsecureContent true',
      swap('allowRunningInsecureContent: false', 'allowRunningInsecureContent: true'),
      'INSECURE_CONTENT_JS_CHECK',
    ],
    [
      'experimentalFeatures true',
      swap('experimentalFeatures: false', 'experimentalFeatures: true'),
      'EXPERIMENTAL_FEATURES_JS_CHECK',
    ],
    [
      'enableBlinkFeatures set',
      swap('webviewTag: false', "enableBlinkFeatures: 'CSSVariables'"),
      'BLINK_FEATURES_JS_CHECK',
    ],
    [
      'Auxclick not disabled',
      swap("disableBlinkFeatures: 'Auxclick'", "disableBlinkFeatures: ''"),
      'AUXCLICK_JS_CHECK',
    ],
    [
      'enableRemoteModule true',
      swap('webviewTag: false', 'enableRemoteModule: true'),
      'REMOTE_MODULE_JS_CHECK',
    ],
  ])(
    'fails when window-options has %s',
    async (_name, edit, id) => {
      const { failures } = await scanWith('window-options', edit)
      expect(ids(failures)).toContain(id)
    },
    TIMEOUT,
  )

  it(
    'fails without the permission request handler',
    async () => {
      const { failures } = await scanWith('guards', (s) =>
        s.replace(/session\.setPermissionRequestHandler\(/, 'session.setSomethingElse('),
      )
      expect(ids(failures)).toContain('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK')
    },
    TIMEOUT,
  )

  it(
    'fails on an openExternal call that is not the reviewed one',
    async () => {
      const { failures } = await scanWith('guards', (s) =>
        s.replace(
          'const href = new URL(url).href',
          'void shell.openExternal(url)\n  const href = new URL(url).href',
        ),
      )
      expect(failures.map((f) => [f.id, f.sample])).toContainEqual([
        'OPEN_EXTERNAL_JS_CHECK',
        expect.stringMatching(/^void shell\.openExternal\(url\);?$/),
      ])
    },
    TIMEOUT,
  )

  it(
    'fails without a will-navigate guard and a window-open handler',
    async () => {
      const { failures } = await scanWith('guards', (s) =>
        s
          .replace(/contents\.on\('will-navigate'/, "contents.on('other-event'")
          .replace(/contents\.setWindowOpenHandler\(/, 'contents.setOtherHandler('),
      )
      expect(ids(failures)).toContain('LIMIT_NAVIGATION_GLOBAL_CHECK')
    },
    TIMEOUT,
  )
})

describe('gate verdicts', () => {
  const issue = (id: string, file: string, sample: string): Issue => ({
    id,
    file,
    sample,
    location: { line: 1, column: 0 },
    description: '',
    manualReview: true,
  })
  const [preload] = ALLOWLIST.filter((e) => e.id === 'PRELOAD_JS_CHECK')

  it('gates the checklist families and nothing else', () => {
    for (const id of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      'ALLOWPOPUPS_HTML_CHECK',
      'REMOTE_MODULE_JS_CHECK',
    ])
      expect(isGated(id), id).toBe(true)
    for (const id of ['CSP_GLOBAL_CHECK', 'DANGEROUS_FUNCTIONS_JS_CHECK', 'SANDBOXED_X'])
      expect(isGated(id), id).toBe(false)
  })

  it('allowlists only the exact reviewed line, once per copy', () => {
    const ok = issue(preload!.id, 'ts/main/security/window-options.ts', preload!.sample)
    const js = issue(preload!.id, 'js/main/security/window-options.js', `${preload!.sample};`)
    expect(evaluate([ok, js], [preload!]).failures).toEqual([])
    expect(evaluate([ok, ok], [preload!]).failures).toEqual([ok])
    const moved = issue(preload!.id, 'ts/main/window.ts', preload!.sample)
    const other = issue(preload!.id, 'ts/main/security/window-options.ts', 'preload: evil,')
    expect(evaluate([ok, moved, other], [preload!]).failures).toEqual([moved, other])
  })

  it('reports allowlist entries that match nothing as stale', () => {
    expect(evaluate([], [preload!]).stale).toEqual([preload])
  })
})
