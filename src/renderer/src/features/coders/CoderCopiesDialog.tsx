// "Make coder copies…": the coders, one per line (each name checked as it
// is typed, what is wrong shown beside it), and "Include my passages" (off
// by default). Making the copies asks main for a folder; Cancel or Esc
// closes without making any. A modal dialog (lib/use-modal.ts).
import { useMemo, useState } from 'react'
import { MAX_CODER_NAME_LENGTH } from '@shared/model/corpus'
import { useI18n } from '@renderer/i18n/i18n'
import { useModal } from '@renderer/lib/use-modal'
import { coderLines, namesToSend, type CoderLine } from './coder-names'

export interface CoderCopiesChoice {
  coders: string[]
  includeMine: boolean
}

interface Props {
  /** The current coder (whose passages "Include my passages" takes). */
  author: string
  /** The choice, or null when the analyst cancels. */
  onDone: (choice: CoderCopiesChoice | null) => void
}

export function CoderCopiesDialog({ author, onDone }: Props) {
  const { t, plural } = useI18n()
  const [typed, setTyped] = useState('')
  const [includeMine, setIncludeMine] = useState(false)
  const [tried, setTried] = useState(false)
  const lines = useMemo(() => coderLines(typed), [typed])
  const names = namesToSend(lines)
  const { close, dialogProps } = useModal((value) =>
    onDone(value === 'make' && names ? { coders: names, includeMine } : null),
  )
  const refusal =
    tried && !names ? t(lines.length ? 'coders.dialog.fix' : 'coders.dialog.none') : null
  return (
    <dialog {...dialogProps} className="coder-copies-dialog" aria-labelledby="coder-copies-title">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          setTried(true)
          if (names) close('make')
        }}
      >
        <h2 id="coder-copies-title">{t('coders.dialog.title')}</h2>
        <p className="muted">{t('coders.dialog.intro')}</p>
        <label className="field">
          <span>{t('coders.dialog.names')}</span>
          <textarea
            autoFocus
            rows={5}
            spellCheck={false}
            placeholder={t('coders.dialog.placeholder')}
            value={typed}
            aria-invalid={refusal !== null}
            aria-describedby="coder-copies-list"
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        <CoderList lines={lines} />
        <label className="check">
          <input
            type="checkbox"
            checked={includeMine}
            aria-describedby="coder-copies-mine-help"
            onChange={(e) => setIncludeMine(e.target.checked)}
          />
          {t('coders.dialog.includeMine', { name: author })}
        </label>
        <p id="coder-copies-mine-help" className="muted small">
          {t('coders.dialog.includeMineHelp')}
        </p>
        {refusal && <p role="alert">{refusal}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={() => close('')}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('coders.dialog.make', { copies: plural('coders.copies', lines.length) })}
          </button>
        </div>
      </form>
    </dialog>
  )
}

/** The copies the lines make: each coder, with what is wrong with the name beside it. */
function CoderList({ lines }: { lines: readonly CoderLine[] }) {
  const { t } = useI18n()
  const problemText = (line: CoderLine) => {
    switch (line.problem) {
      case null:
        return null
      case 'tooLong':
        return t('coders.problem.tooLong', { max: MAX_CODER_NAME_LENGTH })
      default:
        return t(`coders.problem.${line.problem}`)
    }
  }
  return (
    <ul id="coder-copies-list" className="coder-list" aria-label={t('coders.dialog.listLabel')}>
      {lines.map((line, i) => {
        const problem = problemText(line)
        return (
          <li key={i} className={problem ? 'coder-invalid' : undefined}>
            <span className="coder-name">{line.name}</span>
            {problem && <span className="coder-problem"> — {problem}</span>}
          </li>
        )
      })}
    </ul>
  )
}
