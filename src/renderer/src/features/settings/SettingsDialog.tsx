// Settings: the UI language (system, English or French), kept by the main
// process so it survives restarts.
import { useEffect, useRef, useState } from 'react'
import { systemLocale, useI18n, type LocaleChoice } from '@renderer/i18n/i18n'
import { isOpen, overlays } from '@renderer/state/overlay-store'
import { useOverlays } from '@renderer/state/use-overlays'

const LANGUAGE_NAMES = { en: 'English', fr: 'Français' } as const

function ReopenLastToggle() {
  const { t } = useI18n()
  const [value, setValue] = useState<boolean | null>(null)
  useEffect(() => {
    let live = true
    void window.gloss.getSettings().then((r) => live && r.ok && setValue(r.value.reopenLast))
    return () => {
      live = false
    }
  }, [])
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={value ?? false}
        disabled={value === null}
        onChange={(e) => {
          const next = e.target.checked
          setValue(next)
          void window.gloss.updateSettings({ reopenLast: next })
        }}
      />
      {t('settings.reopenLast')}
    </label>
  )
}

export function SettingsButton() {
  const { t } = useI18n()
  const open = isOpen(useOverlays(), 'settings')
  const button = useRef<HTMLButtonElement>(null)
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

function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t, choice, setChoice } = useI18n()
  const first = useRef<HTMLSelectElement>(null)
  useEffect(() => {
    first.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
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
        <ReopenLastToggle />
        <div className="modal-actions">
          <button type="button" className="primary" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  )
}
