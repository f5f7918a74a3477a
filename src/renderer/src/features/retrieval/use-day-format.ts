// Dates of articles (YYYY-MM-DD, no time) as the analyst's language writes them.
import { useMemo } from 'react'
import { useI18n } from '@renderer/i18n/i18n'

export function useDayFormat(): (day: string | undefined) => string {
  const { locale } = useI18n()
  return useMemo(() => {
    const dates = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'medium',
      timeZone: 'UTC',
    })
    return (day) => {
      if (!day) return ''
      const d = new Date(`${day}T00:00:00Z`)
      return Number.isNaN(d.getTime()) ? day : dates.format(d)
    }
  }, [locale])
}

/** "Le Monde · 3 Mar 2025": where and when an article appeared, as far as known. */
export function articlePlace(
  attributes: Readonly<Record<string, string>> | undefined,
  formatDay: (day: string | undefined) => string,
): string {
  return [attributes?.outlet, formatDay(attributes?.published)].filter(Boolean).join(' · ')
}
