// The coder name in Settings: who the passages the analyst adds are
// attributed to. Empty is the operating system's user (the placeholder
// shows it); a name with control characters, or the reserved "consensus",
// is refused with the reason beside the field and not saved. Saved on
// Enter, when the field loses the focus, and when the dialog closes
// (`commit`). In a coder copy, the copy's coder wins: the field says so.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CoderIdentity } from '@shared/api'
import { checkCoderName } from '@shared/model/coders'
import { MAX_CODER_NAME_LENGTH } from '@shared/model/corpus'
import { useI18n } from '@renderer/i18n/i18n'
import './settings.css'

export interface CoderNameState {
  identity: CoderIdentity | null
  typed: string
  setTyped: (typed: string) => void
  /** Saves the name typed when it can be kept; resolves once saved (or not). */
  commit: () => Promise<void>
  /** What was last saved, to tell the analyst. */
  saved: string | null
  failed: string | null
}

/**
 * The coder name as the dialog edits it. `sessionId`: the open session, if
 * any; `onAuthor` is told who that session's new passages are attributed
 * to after a change.
 */
export function useCoderName(
  sessionId: string | null,
  onAuthor?: (author: string) => void,
): CoderNameState {
  const { errorText } = useI18n()
  const [identity, setIdentity] = useState<CoderIdentity | null>(null)
  const [typed, setTyped] = useState('')
  const [saved, setSaved] = useState<string | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  // The last value asked to be saved: Enter then blur saves once.
  const asked = useRef<string | null | undefined>(undefined)
  useEffect(() => {
    let live = true
    void window.gloss.coderIdentity(sessionId).then((r) => {
      if (!live || !r.ok) return
      setIdentity(r.value)
      setTyped(r.value.coderName ?? '')
      asked.current = r.value.coderName
    })
    return () => {
      live = false
    }
  }, [sessionId])
  const commit = useCallback(async () => {
    if (!identity) return
    const { name, problem } = checkCoderName(typed)
    if (problem && problem !== 'empty') return
    const value = problem === 'empty' ? null : name
    if (value === asked.current) return
    asked.current = value
    const r = await window.gloss.updateSettings({ coderName: value })
    if (!r.ok) {
      asked.current = undefined
      setFailed(errorText(r.error))
      return
    }
    setFailed(null)
    const now = await window.gloss.coderIdentity(sessionId)
    if (!now.ok) return
    setIdentity(now.value)
    setSaved(now.value.author)
    onAuthor?.(now.value.author)
  }, [identity, typed, sessionId, onAuthor, errorText])
  return { identity, typed, setTyped, commit, saved, failed }
}

export function CoderNameField({ state }: { state: CoderNameState }) {
  const { t } = useI18n()
  const { identity, typed, setTyped, commit, saved, failed } = state
  const { problem } = checkCoderName(typed)
  const refusal =
    problem === 'control'
      ? t('settings.coderName.control')
      : problem === 'reserved'
        ? t('settings.coderName.reserved')
        : problem === 'tooLong'
          ? t('settings.coderName.tooLong', { max: MAX_CODER_NAME_LENGTH })
          : null
  const copy = identity?.copy
  return (
    <div className="field coder-name-field">
      <label htmlFor="settings-coder-name">{t('settings.coderName')}</label>
      <input
        id="settings-coder-name"
        type="text"
        maxLength={MAX_CODER_NAME_LENGTH + 50}
        disabled={identity === null}
        value={typed}
        placeholder={
          identity?.systemUser
            ? t('settings.coderName.placeholder', { name: identity.systemUser })
            : undefined
        }
        aria-invalid={refusal !== null}
        aria-describedby="settings-coder-name-help"
        onChange={(e) => setTyped(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit()
        }}
      />
      <span id="settings-coder-name-help" className="muted small">
        {copy ? t('settings.coderName.inCopy', { name: copy.coder }) : t('settings.coderName.help')}
      </span>
      {refusal && <span role="alert">{refusal}</span>}
      {failed && <span role="alert">{t('settings.coderName.failed', { message: failed })}</span>}
      {!refusal && !failed && saved !== null && !copy && (
        <span role="status" className="muted small">
          {t('settings.coderName.saved', { name: saved })}
        </span>
      )}
    </div>
  )
}
