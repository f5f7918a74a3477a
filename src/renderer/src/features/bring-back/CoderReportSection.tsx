// One coder's part of the bring-back report: the numbers as a small table,
// then the lists that need the analyst's eye (passages not placed, articles
// not in the session, themes added or renamed), each shown only when it
// has something.
import type { CoderReport } from '@shared/ipc/bring-back'
import type { MessageKey } from '@renderer/i18n/messages-en'
import { useI18n } from '@renderer/i18n/i18n'

export function CoderReportSection({ report }: { report: CoderReport }) {
  const { t, plural, formatNumber } = useI18n()
  const { coder } = report
  const id = `bring-back-${report.file.replace(/[^A-Za-z0-9_-]/g, '_')}`
  const rows: [MessageKey, number][] = [
    ['bringBack.count.added', report.passages.added],
    ['bringBack.count.removed', report.passages.removed],
    ['bringBack.count.changed', report.passages.changed],
    ['bringBack.count.unchanged', report.passages.unchanged],
    ['bringBack.count.matched', report.matched],
    ['bringBack.count.notInSession', report.notInSession.length],
    ['bringBack.count.reanchored', report.reanchored.passages],
    ['bringBack.count.unplaced', report.unplaced.length],
  ]
  return (
    <section className="bring-back-coder" aria-labelledby={id}>
      <h3 id={id}>
        {coder} <span className="muted">{t('bringBack.fromFile', { file: report.file })}</span>
      </h3>
      <p className="muted">
        {report.replaced ? t('bringBack.replaced', { coder }) : t('bringBack.first')}
      </p>
      <table className="bring-back-counts" aria-label={t('bringBack.counts', { coder })}>
        <tbody>
          {rows.map(([label, n]) => (
            <tr key={label}>
              <th scope="row">{t(label)}</th>
              <td>{formatNumber(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
