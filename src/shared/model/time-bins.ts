// Time bins of dates (YYYY-MM-DD), for the summary's themes over time:
// ISO 8601 weeks (`2025-W03`: weeks start on Monday, week 1 holds the
// year's first Thursday, so 2024-12-30 is in 2025-W01), months (`2025-03`)
// and years (`2025`). Keys sort as text in time order, and binsBetween lists
// every bin from the first to the last, empty ones included, so that a line
// over time has no hidden gaps.
// Pure: no DOM, no Node, no Electron. Dates are calendar dates: UTC only,
// never the machine's time zone.

export const TIME_BINS = ['week', 'month', 'year'] as const
export type TimeBin = (typeof TIME_BINS)[number]

const DAY = 86_400_000

/** Milliseconds of a calendar date at 00:00 UTC (years below 100 too, unlike Date.UTC). */
function utc(year: number, month: number, day: number): number {
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  return d.getTime()
}

function parts(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) throw new RangeError(`not a date: ${date}`)
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** The Monday that starts the ISO week of a date, in ms. */
function mondayOf(ms: number): number {
  const weekday = (new Date(ms).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return ms - weekday * DAY
}

/** The ISO week key of the week starting on `monday` (ms). */
function weekKey(monday: number): string {
  // The week belongs to the year of its Thursday.
  const thursday = new Date(monday + 3 * DAY)
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - utc(year, 1, 1)) / DAY / 7) + 1
  return `${pad(year, 4)}-W${pad(week, 2)}`
}

/** The bin of a date (YYYY-MM-DD). */
export function binOf(date: string, bin: TimeBin): string {
  const [y, m, d] = parts(date)
  switch (bin) {
    case 'year':
      return pad(y, 4)
    case 'month':
      return `${pad(y, 4)}-${pad(m, 2)}`
    case 'week':
      return weekKey(mondayOf(utc(y, m, d)))
  }
}

/** How many bins binsBetween(first, last, bin) lists, without listing them. */
export function countBins(first: string, last: string, bin: TimeBin): number {
  const [y1, m1, d1] = parts(first)
  const [y2, m2, d2] = parts(last)
  switch (bin) {
    case 'year':
      return y2 - y1 + 1
    case 'month':
      return (y2 - y1) * 12 + (m2 - m1) + 1
    case 'week':
      return Math.round((mondayOf(utc(y2, m2, d2)) - mondayOf(utc(y1, m1, d1))) / DAY / 7) + 1
  }
}

/** Every bin from the one of `first` to the one of `last` (first ≤ last), in order. */
export function binsBetween(first: string, last: string, bin: TimeBin): string[] {
  const [y1, m1, d1] = parts(first)
  const n = countBins(first, last, bin)
  const out: string[] = []
  switch (bin) {
    case 'year':
      for (let i = 0; i < n; i++) out.push(pad(y1 + i, 4))
      break
    case 'month':
      for (let i = 0; i < n; i++) {
        const k = m1 - 1 + i
        out.push(`${pad(y1 + Math.floor(k / 12), 4)}-${pad((k % 12) + 1, 2)}`)
      }
      break
    case 'week': {
      const monday = mondayOf(utc(y1, m1, d1))
      for (let i = 0; i < n; i++) out.push(weekKey(monday + i * 7 * DAY))
      break
    }
  }
  return out
}
