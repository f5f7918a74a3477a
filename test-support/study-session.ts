// A small study written as a session folder: a codebook of 40 themes in 6
// groups (the size issue 12 names), keys 1–9 on the first nine themes, and
// four short articles in which two themes, Pay and Rumours, are each used in
// three articles. For the codebook specs. Test support only.
import { join } from 'node:path'
import type { ThemeGroup } from '../src/shared/model/corpus'
import type { Theme } from '../src/shared/model/schema'
import { writeSessionFolder, type WrittenFolder } from './write-session-folder'

/** The themes of no group, then each group's, in codebook order. */
export const STUDY_GROUPS: readonly { name: string; themes: readonly string[] }[] = [
  { name: '', themes: ['Context', 'Quote', 'Numbers', 'Other'] },
  { name: 'Labour', themes: ['Wages', 'Pay', 'Hours', 'Unions', 'Strikes', 'Contracts'] },
  { name: 'Economy', themes: ['Prices', 'Profits', 'Growth', 'Jobs', 'Trade', 'Debt'] },
  {
    name: 'Politics',
    themes: ['Government', 'Opposition', 'Elections', 'Laws', 'Protest', 'Police'],
  },
  { name: 'Media', themes: ['Sources', 'Rumours', 'Leaks', 'Interviews', 'Editorials', 'Images'] },
  {
    name: 'Society',
    themes: ['Families', 'Health', 'Housing', 'Education', 'Migration', 'Sécurité de l’emploi'],
  },
  {
    name: 'Environment',
    themes: ['Climate', 'Energy', 'Pollution', 'Water', 'Transport', 'Farming'],
  },
]

const idOf = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-+$/, '')

/** A colour per theme, all different (hues around the wheel, two lightnesses). */
function colour(i: number): string {
  const h = (i * 137.508) % 360
  const l = i % 2 ? 0.42 : 0.55
  const a = 0.6 * Math.min(l, 1 - l)
  const f = (n: number) => {
    const k = (n + h / 30) % 12
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${f(0)}${f(8)}${f(4)}`
}

export const STUDY_THEME_GROUPS: ThemeGroup[] = STUDY_GROUPS.filter((g) => g.name).map((g) => ({
  id: `group-${idOf(g.name)}`,
  name: g.name,
}))

export const STUDY_CODEBOOK: Theme[] = STUDY_GROUPS.flatMap((g) =>
  g.themes.map((name) => ({
    id: idOf(name),
    name,
    colour: '',
    ...(g.name && { groupId: `group-${idOf(g.name)}` }),
  })),
).map((t, i) => ({ ...t, colour: colour(i), ...(i < 9 && { key: String(i + 1) }) }))

export const STUDY_ARTICLES = [
  {
    id: 'port',
    title: 'Dockers strike at the port',
    text:
      'Dockers walked out on Monday after talks on a pay rise broke down.\n' +
      'Union leaders said wages had not kept up with prices for three years.\n' +
      'Rumours of a settlement spread along the quays by the evening.\n' +
      'The port authority declined to comment on the shipping delays.',
    tags: [
      ['a pay rise', ['pay']],
      ['wages had not kept up', ['wages', 'prices']],
      ['Rumours of a settlement', ['rumours', 'unions']],
      ['shipping delays', ['trade']],
    ],
  },
  {
    id: 'council',
    title: 'Council debates the dockers’ pay',
    text:
      'The council spent the morning on the dockers’ pay claim.\n' +
      'One councillor repeated rumours that the port would be sold.\n' +
      'The mayor asked for calm and for figures before any vote.',
    tags: [
      ['the dockers’ pay claim', ['pay', 'government']],
      ['repeated rumours that the port would be sold', ['rumours']],
      ['figures before any vote', ['numbers']],
    ],
  },
  {
    id: 'editorial',
    title: 'Editorial: what the strike costs',
    text:
      'Every day of the strike costs the region dearly.\n' +
      'Fair pay is not a luxury, and neither is a working port.\n' +
      'Rumours help nobody; the parties should publish their offers.',
    tags: [
      ['Fair pay is not a luxury', ['pay', 'wages']],
      ['Rumours help nobody', ['rumours', 'editorials']],
      ['costs the region dearly', ['profits']],
    ],
  },
  {
    id: 'weather',
    title: 'A wet week ahead',
    text: 'Rain is expected all week along the coast.\nFarmers welcome it after a dry summer.',
    tags: [['Farmers welcome it', ['farming', 'climate']]],
  },
] as const

/** Writes the study as `<dir>/study.gloss`; open it with "Open session…" and its indexPath. */
export function writeStudy(dir: string): Promise<WrittenFolder> {
  return writeSessionFolder(join(dir, 'study.gloss'), {
    codebook: STUDY_CODEBOOK,
    themeGroups: STUDY_THEME_GROUPS,
    articles: STUDY_ARTICLES.map((a) => ({
      id: a.id,
      title: a.title,
      text: a.text,
      tags: a.tags.map(([words, themes]) => [words, themes] as const),
    })),
  })
}
