// ISO weeks checked against an independent implementation: Python's
// date.isocalendar(), on every day of 34 years. (src/shared tests may not
// start processes, hence this file in main.)
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { binOf } from '@shared/model/time-bins'

describe('ISO weeks', () => {
  it('agrees with Python’s date.isocalendar() on every day of 1999–2032', () => {
    const python = spawnSync(
      'python3',
      [
        '-c',
        [
          'import datetime as d',
          'x = d.date(1999, 1, 1)',
          'while x.year < 2033:',
          '    y, w, _ = x.isocalendar()',
          '    print(x.isoformat(), f"{y:04d}-W{w:02d}")',
          '    x += d.timedelta(days=1)',
        ].join('\n'),
      ],
      { encoding: 'utf8' },
    )
    expect(python.status, python.stderr).toBe(0)
    const lines = python.stdout.trim().split('\n')
    expect(lines.length).toBe(12_419)
    const wrong = lines.filter((line) => {
      const [date, week] = line.split(' ') as [string, string]
      return binOf(date, 'week') !== week
    })
    expect(wrong).toEqual([])
  })
})
