// "Paste as new article": the text (from the clipboard when the system lets
// Gloss read it, else pasted here with Ctrl/Cmd+V) and its title, the first
// line unless the analyst writes another. Add, or Cancel (Esc).
import { useEffect, useState } from 'react'
import { pastedTitle } from '@shared/model/pasted-article'
import { useI18n } from '@renderer/i18n/i18n'
import { useModal } from '@renderer/lib/use-modal'

interface Props {
  /** The text and title to add, or null when the analyst cancels. */
  onDone: (article: { text: string; title: string } | null) => void
}

export function PasteArticleDialog({ onDone }: Props) {
  const { t } = useI18n()
  const [text, setText] = useState('')
  const [title, setTitle] = useState<string | null>(null)
  const [tried, setTried] = useState(false)
  const { close, dialogProps } = useModal((value) =>
    onDone(value === 'add' ? { text, title: title ?? pastedTitle(text) } : null),
  )
  // The clipboard's text, when the system allows reading it (else the analyst pastes).
  useEffect(() => {
    let live = true
    navigator.clipboard
      ?.readText()
      .then((clip) => {
        if (live && clip.trim()) setText((current) => current || clip)
      })
      .catch(() => {})
    return () => {
      live = false
    }
  }, [])
  const empty = text.trim() === ''
  const proposed = pastedTitle(text)
  return (
    <dialog {...dialogProps} className="paste-dialog" aria-labelledby="paste-dialog-title">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          setTried(true)
          if (!empty) close('add')
        }}
      >
        <h2 id="paste-dialog-title">{t('articles.pasteDialog.title')}</h2>
        <label className="field">
          <span>{t('articles.pasteDialog.text')}</span>
          <textarea
            autoFocus
            rows={12}
            spellCheck={false}
            placeholder={t('articles.pasteDialog.placeholder')}
            value={text}
            aria-invalid={tried && empty}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('articles.pasteDialog.titleLabel')}</span>
          <input
            type="text"
            maxLength={1000}
            value={title ?? proposed}
            aria-describedby="paste-title-help"
            onChange={(e) => setTitle(e.target.value)}
          />
          <span id="paste-title-help" className="muted small">
            {t('articles.pasteDialog.titleHelp')}
          </span>
        </label>
        {tried && empty && <p role="alert">{t('articles.pasteDialog.empty')}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={() => close('')}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('articles.pasteDialog.add')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
