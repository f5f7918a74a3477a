// The filter column of the Passages view: text in the quote or note, the
// themes (by group; ANY or ALL of them), "has note" and "untagged", the
// coders (a session of several), then the article's title and attributes.
// Every filter holds at once.
import { memo, useMemo } from 'react'
import type { CorpusMeta } from '@shared/model/corpus'
import { isArticleFilterEmpty } from '@shared/model/corpus-query'
import { isFiltering, type PassageFilter } from '@shared/model/passage-filter'
import type { PassageQuery } from '@shared/model/passage-query'
import type { Theme } from '@shared/model/schema'
import { CoderName, type CoderDisplay } from '@renderer/features/coder-layers'
import { ThemeToggle } from '@renderer/features/sidebar'
import { useI18n } from '@renderer/i18n/i18n'
import { attributeFields } from './attribute-fields'
import { AttributeFilters } from './AttributeFilters'
import { NO_PASSAGE_QUERY } from './retrieval-memory'

interface Props {
  meta: CorpusMeta
  query: PassageQuery
  onChange: (query: PassageQuery) => void
  textRef?: React.Ref<HTMLInputElement>
  /** The session's coders, when it has several (a coder filter). */
  coders?: CoderDisplay | null
}

export function isQueryFiltering(q: PassageQuery): boolean {
  return isFiltering(q.passages) || !isArticleFilterEmpty(q.articles)
}

/** Memoized: the results re-render as their rows arrive, the filters only when they change. */
export const PassageFilters = memo(function PassageFilters({
  meta,
  query,
  onChange,
  textRef,
  coders = null,
}: Props) {
  const { t } = useI18n()
  const p = query.passages
  const setPassages = (change: Partial<PassageFilter>) =>
    onChange({ ...query, passages: { ...p, ...change } })
  const toggleTheme = (id: string) =>
    setPassages({
      themeIds: p.themeIds.includes(id) ? p.themeIds.filter((x) => x !== id) : [...p.themeIds, id],
    })
  const groups = useMemo(() => themeGroups(meta), [meta])
  const fields = useMemo(() => attributeFields(meta), [meta])

  return (
    <aside className="retrieval-filters" aria-label={t('retrieval.filters')}>
      <label className="retrieval-field">
        <span>{t('retrieval.filter.text')}</span>
        <input
          ref={textRef}
          type="text"
          value={p.text}
          placeholder={t('retrieval.filter.text.placeholder')}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setPassages({ text: e.target.value })}
        />
      </label>
      <fieldset className="retrieval-group">
        <legend>{t('retrieval.filter.themes')}</legend>
        <div className="filter filter-more">
          <div className="segmented" role="group" aria-label={t('filter.themeMode')}>
            {(['any', 'all'] as const).map((mode) => (
              <button
                key={mode}
                type="button"
                aria-pressed={p.themeMode === mode}
                aria-label={t(mode === 'any' ? 'filter.any.label' : 'filter.all.label')}
                title={t(mode === 'any' ? 'filter.any.help' : 'filter.all.help')}
                onClick={() => setPassages({ themeMode: mode })}
              >
                {t(mode === 'any' ? 'filter.any' : 'filter.all')}
              </button>
            ))}
          </div>
          <Toggle on={p.hasNote} onClick={() => setPassages({ hasNote: !p.hasNote })}>
            {t('filter.hasNote')}
          </Toggle>
          <Toggle on={p.untagged} onClick={() => setPassages({ untagged: !p.untagged })}>
            {t('filter.untagged')}
          </Toggle>
        </div>
        {groups.map(({ id, name, themes }) => (
          <div
            key={id}
            className="retrieval-themes"
            role="group"
            aria-label={name ?? t('retrieval.filter.ungrouped')}
          >
            {groups.length > 1 && (
              <span className="retrieval-group-name" aria-hidden="true">
                {name ?? t('retrieval.filter.ungrouped')}
              </span>
            )}
            <div className="filter">
              {themes.map((th) => (
                <ThemeToggle
                  key={th.id}
                  theme={th}
                  on={p.themeIds.includes(th.id)}
                  small
                  onClick={() => toggleTheme(th.id)}
                />
              ))}
            </div>
          </div>
        ))}
      </fieldset>
      {coders && (
        <fieldset className="retrieval-group">
          <legend>{t('retrieval.filter.coders')}</legend>
          <div className="filter" role="group" aria-label={t('filter.byCoder')}>
            {coders.names.map((name) => (
              <Toggle
                key={name}
                on={p.coders.includes(name)}
                onClick={() =>
                  setPassages({
                    coders: p.coders.includes(name)
                      ? p.coders.filter((x) => x !== name)
                      : [...p.coders, name],
                  })
                }
              >
                <CoderName label={coders.label(name)} slot={coders.slotOf(name)} />
              </Toggle>
            ))}
          </div>
        </fieldset>
      )}
      <fieldset className="retrieval-group">
        <legend>{t('retrieval.filter.articles')}</legend>
        <AttributeFilters
          meta={meta}
          fields={fields}
          filter={query.articles}
          onChange={(articles) => onChange({ ...query, articles })}
        />
      </fieldset>
      {isQueryFiltering(query) && (
        <button
          type="button"
          className="link small retrieval-clear"
          onClick={() => onChange({ ...NO_PASSAGE_QUERY, sort: query.sort })}
        >
          {t('retrieval.filter.clear')}
        </button>
      )}
    </aside>
  )
})

function Toggle(props: { on: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      className={props.on ? 'toggle small on-neutral' : 'toggle small'}
      aria-pressed={props.on}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  )
}

/** The codebook by group, in the groups' order; themes without a group last (name null). */
function themeGroups(meta: Pick<CorpusMeta, 'codebook' | 'themeGroups'>) {
  const out: { id: string; name: string | null; themes: Theme[] }[] = meta.themeGroups.map((g) => ({
    id: g.id,
    name: g.name,
    themes: meta.codebook.filter((th) => th.groupId === g.id),
  }))
  const known = new Set(meta.themeGroups.map((g) => g.id))
  const rest = meta.codebook.filter((th) => !th.groupId || !known.has(th.groupId))
  if (rest.length) out.push({ id: '', name: null, themes: rest })
  return out.filter((g) => g.themes.length > 0)
}
