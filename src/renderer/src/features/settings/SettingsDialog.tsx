// Settings: the UI language (system, English or French), reopening the last
// session, keeping a copy of the files articles are added from, and the coder name (CoderNameField.tsx), kept by the main process
// so they survive restarts. Opened from the start screen's link, and from
// the File menu (Settings…) there and in a session (SessionSettings).
import { useEffect, useRef, useState } from 'react'
import { systemLocale, useI18n, type LocaleChoice } from '@renderer/i18n/i18n'
import { isOpen, openingKey, overlays } from '@renderer/state/overlay-store'
import { useOverlays } from '@renderer/state/use-overlays'
import { CoderNameField, useCoderName } from './CoderNameField'

const LANGUAGE_NAMES = { en: 'English', fr: 'Français' } as const

/** A yes/no setting kept by main, shown as a checkbox. */
function SettingToggle({
  name,
  label,
  hint,
}: {
  name: 'reopenLast' | 'keepOriginals'
  label: string
  hint?: string
}) {
  const [value, setValue] = useState<boolean | null>(null)
  useEffect(() => {
    let live = true
    void window.gloss.getSettings().then((r) => live && r.ok && setValue(r.value[name]))
    return () => {
      live = false
    }
  }, [name])
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={value ?? false}
        disabled={value === null}
        onChange={(e) => {
          const next = e.target.checked
          setValue(next)
          void window.gloss.updateSettings({ [name]: next })
        }}
      />
      <span>
        {label}
        {hint && <span className="setting-hint">{hint}</span>}
      </span>
    </label>
  )
}

export function SettingsButton() {
  const { t } = useI18n()
  const open = isOpen(useOverlays(), 'settings')
  const button = useRef<HTMLButtonElement>(null)
  // File › Settings… on the start screen (in a session, SessionSettings answers it).
  useEffect(
    () =>
      window.gloss.onMenuCommand((command) => {
        if (command === 'settings') overlays.open('settings')
      }),
    [],
  )
  return (
    <>
      <button
        ref={button}
        type="button"
        className="link settings-button"
        aria-haspopup="dialog"
        onClick={() => overlays.open('settings')}
      >
        {t('settings.title')}
      </button>
      {open && (
        <SettingsDialog
          onClose={() => {
            overlays.close('settings')
            button.current?.focus()
          }}
        />
      )}
    </>
  )
}

/**
 * The settings over an open session (opened by the File menu): the coder
 * name says whether the session is a coder copy, and `onAuthor` hears who
 * its new passages are attributed to after a change.
 */
export function SessionSettings({
  sessionId,
  onAuthor,
}: {
  sessionId: string
  onAuthor: (author: string) => void
}) {
  const key = openingKey(useOverlays(), 'settings')
  if (key === 0) return null
  return (
    <SettingsDialog
      key={key}
      sessionId={sessionId}
      onAuthor={onAuthor}
      onClose={() => overlays.close('settings', key)}
    />
  )
}

function SettingsDialog({
  onClose: close,
  sessionId = null,
  onAuthor,
}: {
  onClose: () => void
  sessionId?: string | null
  onAuthor?: (author: string) => void
}) {
  const { t, choice, setChoice } = useI18n()
  const first = useRef<HTMLSelectElement>(null)
  const coderName = useCoderName(sessionId, onAuthor)
  const { commit } = coderName
  // Closing keeps the coder name typed, when it can be kept.
  const onClose = useRef(close)
  useEffect(() => {
    onClose.current = () => {
      void commit()
      close()
    }
  }, [commit, close])
  useEffect(() => {
    first.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose.current()}
    >
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="settings-title">
        <h2 id="settings-title">{t('settings.title')}</h2>
        <label className="field">
          {t('settings.language')}
          <select
            ref={first}
            value={choice}
            onChange={(e) => setChoice(e.target.value as LocaleChoice)}
          >
            <option value="system">
              {t('settings.language.system', { language: LANGUAGE_NAMES[systemLocale()] })}
            </option>
            <option value="en">{LANGUAGE_NAMES.en}</option>
            <option value="fr">{LANGUAGE_NAMES.fr}</option>
          </select>
        </label>
        <SettingToggle name="reopenLast" label={t('settings.reopenLast')} />
        <SettingToggle
          name="keepOriginals"
          label={t('settings.keepOriginals')}
          hint={t('settings.keepOriginals.hint')}
        />
        <CoderNameField state={coderName} />
        <div className="modal-actions">
          <button type="button" className="primary" onClick={() => onClose.current()}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  )
}
