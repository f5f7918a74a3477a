import { describe, expect, it } from 'vitest'
import { binOf, binsBetween, countBins } from './time-bins'

describe('binOf', () => {
  it('gives ISO 8601 weeks, including the weeks that cross a new year', () => {
    // The examples of ISO 8601's week dates (Monday first, week 1 holds the first Thursday).
    const cases: [string, string][] = [
      ['2005-01-01', '2004-W53'],
      ['2005-01-02', '2004-W53'],
      ['2005-12-31', '2005-W52'],
      ['2006-01-01', '2005-W52'],
      ['2006-01-02', '2006-W01'],
      ['2007-01-01', '2007-W01'],
      ['2007-12-30', '2007-W52'],
      ['2007-12-31', '2008-W01'],
      ['2008-12-28', '2008-W52'],
      ['2008-12-29', '2009-W01'],
      ['2009-12-31', '2009-W53'],
      ['2010-01-03', '2009-W53'],
      ['2010-01-04', '2010-W01'],
      ['2024-12-30', '2025-W01'],
      ['2025-01-05', '2025-W01'],
      ['2025-01-06', '2025-W02'],
    ]
    for (const [date, week] of cases) expect(binOf(date, 'week'), date).toBe(week)
  })

  it('gives months and years', () => {
    expect(binOf('2025-03-31', 'month')).toBe('2025-03')
    expect(binOf('2025-03-31', 'year')).toBe('2025')
    expect(binOf('0999-12-31', 'year')).toBe('0999')
    expect(() => binOf('2025-3-1', 'year')).toThrow(RangeError)
  })
})

describe('binsBetween', () => {
  it('lists every bin from the first to the last, empty ones included', () => {
    expect(binsBetween('2024-11-15', '2025-02-01', 'month')).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ])
    expect(binsBetween('2023-06-01', '2025-01-01', 'year')).toEqual(['2023', '2024', '2025'])
    expect(binsBetween('2020-12-20', '2021-01-12', 'week')).toEqual([
      '2020-W51',
      '2020-W52',
      '2020-W53',
      '2021-W01',
      '2021-W02',
    ])
    expect(binsBetween('2025-01-01', '2025-01-01', 'week')).toEqual(['2025-W01'])
  })

  it('counts bins without listing them', () => {
    expect(countBins('2024-11-15', '2025-02-01', 'month')).toBe(4)
    // Mondays 1999-12-27 and 2024-12-30 are 1,305 weeks apart.
    expect(countBins('2000-01-01', '2025-01-01', 'week')).toBe(1306)
    expect(binsBetween('2000-01-01', '2025-01-01', 'week')).toHaveLength(1306)
    expect(countBins('1900-01-01', '2025-12-31', 'year')).toBe(126)
  })
})
