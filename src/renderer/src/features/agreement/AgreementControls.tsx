// The Agreement view's choices, in a column on the left: the unit of
// analysis, the coders (two or more), the themes (all, or chosen), the
// articles (the whole session, or those the articles panel's filter lets
// through, with their counts), Compute, and how Gloss computes agreement.
import type { UnitKind } from '@shared/agreement/units'
import type { CoderRecord } from '@shared/model/corpus'
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { choicesProblem, type AgreementChoices } from './agreement-choices'

/** The units of analysis, in the order offered (units.ts). */
const UNIT_KINDS: readonly UnitKind[] = ['article', 'paragraph', 'sentence', 'characters']

interface Props {
  choices: AgreementChoices
  onChange: (choices: AgreementChoices) => void
  coders: readonly CoderRecord[]
  codebook: readonly Theme[]
  articleCount: number
  /** Articles the articles panel's filter lets through; null: no filter set. */
  filteredCount: number | null
  running: boolean
  /** The figures shown answer other choices (or there are none yet). */
  stale: boolean
  onCompute: () => void
}

export function AgreementControls(props: Props) {
  const { t, plural } = useI18n()
  const { choices, onChange, codebook } = props
  const set = (change: Partial<AgreementChoices>) => onChange({ ...choices, ...change })
  const problem = choicesProblem(choices)
  const toggle = <T,>(list: readonly T[], item: T) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item]
  return (
    <form
      className="agreement-controls"
      aria-label={t('agreement.controls')}
      onSubmit={(e) => {
        e.preventDefault()
        props.onCompute()
      }}
    >
      <fieldset>
        <legend>{t('agreement.unit')}</legend>
        {UNIT_KINDS.map((unit) => (
          <label key={unit} className="agreement-choice" title={t(`agreement.unit.help.${unit}`)}>
            <input
              type="radio"
              name="agreement-unit"
              checked={choices.unit === unit}
              onChange={() => set({ unit })}
            />
            <span>{t(`agreement.unit.${unit}`)}</span>
          </label>
        ))}
        <p className="muted agreement-help-line">{t(`agreement.unit.help.${choices.unit}`)}</p>
      </fieldset>
      <fieldset>
        <legend>{t('agreement.coders')}</legend>
        {props.coders.map((c) => (
          <label key={c.name} className="agreement-choice">
            <input
              type="checkbox"
              checked={choices.coders.includes(c.name)}
              onChange={() => set({ coders: toggle(choices.coders, c.name) })}
            />
            <span className="agreement-coder">{c.name}</span>
            <span className="muted">
              {t('agreement.coders.opened', {
                articles: plural('agreement.kind.article', c.opened.length),
              })}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('agreement.themes')}</legend>
        <label className="agreement-choice">
          <input
            type="radio"
            name="agreement-themes"
            checked={choices.themes === 'all'}
            onChange={() => set({ themes: 'all' })}
          />
          <span>{t('agreement.themes.all')}</span>
        </label>
        <label className="agreement-choice">
          <input
            type="radio"
            name="agreement-themes"
            checked={choices.themes !== 'all'}
            onChange={() => set({ themes: codebook.map((th) => th.id) })}
          />
          <span>{t('agreement.themes.chosen')}</span>
        </label>
        {choices.themes !== 'all' && (
          <div className="agreement-theme-list">
            {codebook.map((th) => (
              <label key={th.id} className="agreement-choice">
                <input
                  type="checkbox"
                  checked={(choices.themes as string[]).includes(th.id)}
                  onChange={() => set({ themes: toggle(choices.themes as string[], th.id) })}
                />
                <span
                  className="agreement-swatch"
                  style={{ background: th.colour }}
                  aria-hidden="true"
                />
                <span>{th.name}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('agreement.scope')}</legend>
        <label className="agreement-choice">
          <input
            type="radio"
            name="agreement-scope"
            checked={choices.scope === 'session'}
            onChange={() => set({ scope: 'session' })}
          />
          <span>
            {t('agreement.scope.session', {
              articles: plural('agreement.kind.article', props.articleCount),
            })}
          </span>
        </label>
        <label className="agreement-choice">
          <input
            type="radio"
            name="agreement-scope"
            checked={choices.scope === 'filtered'}
            disabled={props.filteredCount === null}
            onChange={() => set({ scope: 'filtered' })}
          />
          <span>
            {props.filteredCount === null
              ? t('agreement.scope.noFilter')
              : t('agreement.scope.filtered', {
                  articles: plural('agreement.kind.article', props.filteredCount),
                })}
          </span>
        </label>
      </fieldset>
      {problem && (
        <p className="agreement-problem" role="alert">
          {t(problem)}
        </p>
      )}
      <button
        type="submit"
        className={props.stale ? 'primary' : ''}
        disabled={!!problem || props.running}
      >
        {props.stale ? t('agreement.compute') : t('agreement.recompute')}
      </button>
      <details className="agreement-help">
        <summary>{t('agreement.help.title')}</summary>
        <p>{t('agreement.help.coded')}</p>
        <p>{t('agreement.help.units')}</p>
        <p>{t('agreement.help.coefficients')}</p>
      </details>
    </form>
  )
}
