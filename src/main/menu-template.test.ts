import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '@shared/api'
import { buildMenuTemplate, type MenuOptions } from './menu-template'

function build(options: Partial<MenuOptions> = {}) {
  const sent: MenuCommand[] = []
  const template = buildMenuTemplate({
    locale: 'en',
    isMac: false,
    devTools: false,
    send: (c) => sent.push(c),
    ...options,
  })
  return { template, sent }
}

const submenu = (item: MenuItemConstructorOptions) => item.submenu as MenuItemConstructorOptions[]

/** Each top menu's label with its items' labels (separators as '—'). */
const labels = (template: MenuItemConstructorOptions[]) =>
  template.map((top) => [
    top.label ?? top.role,
    submenu(top).map((i) => (i.type === 'separator' ? '—' : i.label)),
  ])

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)()

describe('the application menu', () => {
  it('is in English', () => {
    expect(labels(build().template)).toEqual([
      [
        'File',
        [
          'Add Articles…',
          'Paste as New Article',
          '—',
          'Export CSV…',
          'Save a Copy as One File…',
          'Bring Coders’ Work Back…',
          'Close Session',
          '—',
          'Make Coder Copies…',
          'Settings…',
          '—',
          'Quit Gloss',
        ],
      ],
      ['Edit', ['Undo', 'Redo', '—', 'Cut', 'Copy', 'Paste', 'Select All']],
      [
        'View',
        [
          'Inter-coder Agreement',
          '—',
          'Actual Size',
          'Zoom In',
          'Zoom Out',
          '—',
          'Toggle Full Screen',
        ],
      ],
    ])
  })

  it('is in French, role items included', () => {
    expect(labels(build({ locale: 'fr' }).template)).toEqual([
      [
        'Fichier',
        [
          'Ajouter des articles…',
          'Coller comme nouvel article',
          '—',
          'Exporter en CSV…',
          'Enregistrer une copie en un seul fichier…',
          'Rapatrier le travail des codeurs…',
          'Fermer la session',
          '—',
          'Faire des copies pour les codeurs…',
          'Réglages…',
          '—',
          'Quitter Gloss',
        ],
      ],
      ['Édition', ['Annuler', 'Rétablir', '—', 'Couper', 'Copier', 'Coller', 'Tout sélectionner']],
      [
        'Affichage',
        [
          'Accord inter-codeurs',
          '—',
          'Taille réelle',
          'Zoom avant',
          'Zoom arrière',
          '—',
          'Plein écran',
        ],
      ],
    ])
  })

  it('sends the session commands to the renderer, with the same shortcuts in every language', () => {
    for (const locale of ['en', 'fr'] as const) {
      const { template, sent } = build({ locale })
      const items = template.flatMap(submenu).filter((i) => i.click)
      expect(items.map((i) => i.accelerator)).toEqual([
        'CmdOrCtrl+Shift+O',
        'CmdOrCtrl+Shift+V',
        'CmdOrCtrl+E',
        undefined,
        undefined,
        'CmdOrCtrl+W',
        undefined,
        'CmdOrCtrl+,',
        'CmdOrCtrl+Z',
        'CmdOrCtrl+Shift+Z',
        'CmdOrCtrl+Shift+K',
      ])
      items.forEach(click)
      expect(sent).toEqual([
        'add-articles',
        'paste-article',
        'export-csv',
        'save-copy',
        'bring-back-coders',
        'close-session',
        'coder-copies',
        'settings',
        'undo',
        'redo',
        'agreement',
      ])
      // Ctrl+Shift+V stays "paste as plain text" in text fields: the menu shows it, the renderer decides.
      expect(items[1]!.registerAccelerator).toBe(false)
    }
  })

  it('on macOS has the app menu first and closes the window from File, in French too', () => {
    const { template } = build({ locale: 'fr', isMac: true })
    expect(template[0]!.role).toBe('appMenu')
    expect(submenu(template[0]!).map((i) => i.label ?? '—')).toEqual([
      'À propos de Gloss',
      '—',
      'Services',
      '—',
      'Masquer Gloss',
      'Masquer les autres',
      'Tout afficher',
      '—',
      'Quitter Gloss',
    ])
    expect(submenu(template[1]!).at(-1)).toEqual({ role: 'close', label: 'Fermer la fenêtre' })
  })

  it('offers the developer tools only when asked (not packaged)', () => {
    const view = (devTools: boolean) => submenu(build({ locale: 'fr', devTools }).template[2]!)
    expect(view(false).some((i) => i.role === 'toggleDevTools')).toBe(false)
    expect(view(true).at(-1)).toEqual({
      role: 'toggleDevTools',
      label: 'Outils de développement',
    })
  })

  it('labels every item in both languages', () => {
    for (const locale of ['en', 'fr'] as const) {
      const items = build({ locale, isMac: true, devTools: true }).template.flatMap(submenu)
      for (const item of items.filter((i) => i.type !== 'separator'))
        expect(item.label, JSON.stringify(item)).toBeTruthy()
    }
  })
})
