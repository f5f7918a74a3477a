// The "?" overlay: every keyboard shortcut of the session view, in a modal
// dialog named "Keyboard shortcuts". Opened with "?" or the small "?" button
// over the article's corner; Esc or Close closes it and gives the focus back.
import { Fragment, type ReactNode } from 'react'
import type { Theme } from '../../../../shared/model/schema'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages-en'
import { modKeyLabel } from '../session/use-shortcuts'
import { useModal } from '../../use-modal'

interface Props {
  codebook: readonly Theme[]
  onClose(): void
}

/** Keys pressed together ("Ctrl+F") as kbd elements; alternatives separated by "/". */
function Keys({ combos }: { combos: string[][] }) {
  return combos.map((combo, i) => (
    <Fragment key={i}>
      {i > 0 && <span className="keys-or"> / </span>}
      {combo.map((k, j) => (
        <Fragment key={j}>
          {j > 0 && '+'}
          <kbd>{k}</kbd>
        </Fragment>
      ))}
    </Fragment>
  ))
}

export function ShortcutsDialog({ codebook, onClose }: Props) {
  const { t } = useI18n()
  const { close, dialogProps } = useModal(onClose)
  const mod = modKeyLabel()
  const shift = t('keys.shift')
  const themes = codebook
    .slice(0, 9)
    .map((th) => `${th.key} ${th.name}`)
    .join(' · ')

  const sections: { title: MessageKey; rows: [string[][], ReactNode][] }[] = [
    {
      title: 'shortcuts.section.article',
      rows: [
        [[[mod, 'F']], t('shortcuts.find')],
        [[[t('keys.enter')], [shift, t('keys.enter')]], t('shortcuts.findSteps')],
        [[['F3'], [shift, 'F3']], t('shortcuts.findNext')],
        [[[shift, '←→↑↓']], t('shortcuts.extend')],
        [[['Alt']], t('shortcuts.exact')],
      ],
    },
    {
      title: 'shortcuts.section.passages',
      rows: [
        [[['J'], ['K']], t('shortcuts.nextPassage')],
        [[['↓'], ['↑']], t('shortcuts.listArrows')],
        [
          [['1–9']],
          <>
            <span>{t('shortcuts.themes')}</span>
            {themes && <span className="muted shortcut-themes">{themes}</span>}
          </>,
        ],
        [[['N']], t('shortcuts.note')],
        [[[t('keys.delete')], [t('keys.backspace')]], t('shortcuts.delete')],
      ],
    },
    {
      title: 'shortcuts.section.general',
      rows: [
        [[[mod, 'Z']], t('shortcuts.undo')],
        [
          [
            [mod, shift, 'Z'],
            [mod, 'Y'],
          ],
          t('shortcuts.redo'),
        ],
        [[[mod, 'E']], t('shortcuts.export')],
        [[[t('keys.escape')]], t('shortcuts.escape')],
        [[['?']], t('shortcuts.help')],
      ],
    },
  ]

  return (
    <dialog {...dialogProps} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
      <div className="shortcuts-head">
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <button type="button" autoFocus onClick={() => close()}>
          {t('common.close')}
        </button>
      </div>
      <div className="shortcuts-sections">
        {sections.map((section) => (
          <section key={section.title} aria-labelledby={`shortcuts-${section.title}`}>
            <h3 id={`shortcuts-${section.title}`}>{t(section.title)}</h3>
            <dl className="shortcut-list">
              {section.rows.map(([combos, what], i) => (
                <div key={i} className="shortcut-row">
                  <dt>
                    <Keys combos={combos} />
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  )
}

/** The small "?" button that opens the overlay. */
export function ShortcutsButton({ onClick }: { onClick(): void }) {
  const { t } = useI18n()
  return (
    <button
      type="button"
      className="shortcuts-button"
      aria-label={t('shortcuts.title')}
      aria-haspopup="dialog"
      aria-keyshortcuts="?"
      title={`${t('shortcuts.title')} (?)`}
      onClick={onClick}
    >
      ?
    </button>
  )
}
