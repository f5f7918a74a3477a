// The "?" overlay: every keyboard shortcut of the session view, in a modal
// dialog named "Keyboard shortcuts", as the action registry lists them
// (actions/shortcut-list.ts). Opened with "?" or the small "?" button over
// the article's corner; Esc or Close closes it and gives the focus back.
import { Fragment } from 'react'
import type { Theme } from '@shared/model/schema'
import { bindingCombo, type KeyNames } from '@renderer/actions/key-binding'
import { rowBindings, SHORTCUT_SECTIONS } from '@renderer/actions/shortcut-list'
import { useI18n } from '@renderer/i18n/i18n'
import { modKeyLabel } from '@renderer/lib/keys'
import { useModal } from '@renderer/lib/use-modal'

interface Props {
  codebook: readonly Theme[]
  onClose: () => void
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
  const names: KeyNames = {
    mod: modKeyLabel(),
    shift: t('keys.shift'),
    alt: t('articles.key.alt'),
    named: {
      ArrowLeft: '←',
      ArrowRight: '→',
      Enter: t('keys.enter'),
      Escape: t('keys.escape'),
      Delete: t('keys.delete'),
      Backspace: t('keys.backspace'),
    },
  }
  const themes = codebook
    .filter((th) => th.key)
    .sort((a, b) => Number(a.key) - Number(b.key))
    .map((th) => `${th.key} ${th.name}`)
    .join(' · ')

  return (
    <dialog {...dialogProps} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
      <div className="shortcuts-head">
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <button type="button" autoFocus onClick={() => close()}>
          {t('common.close')}
        </button>
      </div>
      <div className="shortcuts-sections">
        {SHORTCUT_SECTIONS.map((section) => (
          <section key={section.title} aria-labelledby={`shortcuts-${section.title}`}>
            <h3 id={`shortcuts-${section.title}`}>{t(section.title)}</h3>
            <dl className="shortcut-list">
              {section.rows.map((row, i) => (
                <div key={i} className="shortcut-row">
                  <dt>
                    <Keys combos={rowBindings(row).map((b) => bindingCombo(b, names))} />
                  </dt>
                  <dd>
                    {row.themes ? (
                      <>
                        <span>{t(row.label)}</span>
                        {themes && <span className="muted shortcut-themes">{themes}</span>}
                      </>
                    ) : (
                      t(row.label)
                    )}
                  </dd>
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
export function ShortcutsButton({ onClick }: { onClick: () => void }) {
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
