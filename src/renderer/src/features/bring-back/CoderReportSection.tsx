// The bring-back report's parts: every coder's numbers side by side (one
// table, a column per coder), then per coder the lists that need the
// analyst's eye (passages not placed, articles not in the session, themes
// added or renamed), each shown only when it has something.
import type { CoderReport } from '@shared/ipc/bring-back'
import type { MessageKey } from '@renderer/i18n/messages-en'
import { useI18n } from '@renderer/i18n/i18n'

/** The numbers of every coder side by side: a row per count, a column per coder. */
export function CoderCountsTable({ reports }: { reports: readonly CoderReport[] }) {
  const { t, formatNumber } = useI18n()
  const rows: [MessageKey, (r: CoderReport) => number][] = [
    ['bringBack.count.added', (r) => r.passages.added],
    ['bringBack.count.removed', (r) => r.passages.removed],
    ['bringBack.count.changed', (r) => r.passages.changed],
    ['bringBack.count.unchanged', (r) => r.passages.unchanged],
    ['bringBack.count.matched', (r) => r.matched],
    ['bringBack.count.notInSession', (r) => r.notInSession.length],
    ['bringBack.count.reanchored', (r) => r.reanchored.passages],
    ['bringBack.count.unplaced', (r) => r.unplaced.length],
  ]
  return (
    <table className="bring-back-counts" aria-label={t('bringBack.countsTable')}>
      <thead>
        <tr>
          <td />
          {reports.map((r) => (
            <th key={r.coder} scope="col">
              <span className="bring-back-coder-name">{r.coder}</span>
              <span className="muted">{t('bringBack.fromFile', { file: r.file })}</span>
              <span className="muted">
                {r.replaced ? t('bringBack.replacedShort') : t('bringBack.firstShort')}
              </span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, n]) => (
          <tr key={label}>
            <th scope="row">{t(label)}</th>
            {reports.map((r) => (
              <td key={r.coder}>{formatNumber(n(r))}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** One coder's lists that need the analyst's eye; nothing when they are all empty. */
export function CoderReportSection({ report }: { report: CoderReport }) {
  const { t, plural, formatNumber } = useI18n()
  const { coder } = report
  const id = `bring-back-${report.file.replace(/[^A-Za-z0-9_-]/g, '_')}`
  const empty =
    report.unplaced.length +
      report.notInSession.length +
      report.themesAdded.length +
      report.themesRenamed.length ===
    0
  if (empty) return null
  return (
    <section className="bring-back-coder" aria-labelledby={id}>
      <h3 id={id}>{coder}</h3>
      <ItemList
        heading={t('bringBack.unplaced', { count: formatNumber(report.unplaced.length) })}
        items={report.unplaced.map((u) => ({
          head: u.article,
          text: t('bringBack.unplacedItem', {
            quote: u.quote,
            themes: u.themes.length ? u.themes.join(', ') : t('bringBack.noTheme'),
          }),
        }))}
      />
      <ItemList
        heading={t('bringBack.notInSession', { count: formatNumber(report.notInSession.length) })}
        items={report.notInSession.map((a) => ({
          head: a.title,
          text: plural('count.passages', a.passages),
        }))}
      />
      <ItemList
        heading={t('bringBack.themesAdded', {
          coder,
          count: formatNumber(report.themesAdded.length),
        })}
        items={report.themesAdded.map((th) => ({
          head: th.copyName
            ? t('bringBack.themeAddedAs', { name: th.name, copyName: th.copyName })
            : th.name,
        }))}
      />
      <ItemList
        heading={t('bringBack.themesRenamed', {
          coder,
          count: formatNumber(report.themesRenamed.length),
        })}
        items={report.themesRenamed.map((th) => ({
          head: t('bringBack.themeRenamed', { name: th.name, copyName: th.copyName }),
        }))}
      />
    </section>
  )
}

/** A list of the report under its heading; nothing when empty. */
function ItemList({
  heading,
  items,
}: {
  heading: string
  items: { head: string; text?: string }[]
}) {
  if (items.length === 0) return null
  return (
    <section className="bring-back-list" aria-label={heading}>
      <h4>{heading}</h4>
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            <span className="bring-back-file">{item.head}</span>
            {item.text !== undefined && <span className="muted"> — {item.text}</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}
