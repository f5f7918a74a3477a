import { describe, expect, it } from 'vitest'
import type { Theme } from '@shared/model/schema'
import { filterThemes, foldText } from './theme-filter'

const theme = (id: string, name: string, groupId?: string): Theme => ({
  id,
  name,
  colour: '#000000',
  ...(groupId && { groupId }),
})
const CODEBOOK = [
  theme('agri', 'Agriculture'),
  theme('cult', 'Culture d’entreprise', 'work'),
  theme('secu', 'Sécurité', 'risk'),
  theme('ecur', 'Écureuils'),
  theme('coeur', 'Cœur du métier', 'work'),
  theme('pop', 'Pop culture'),
]
const GROUPS = [
  { id: 'work', name: 'Travail' },
  { id: 'risk', name: 'Risques' },
]
const ids = (q: string) => filterThemes(CODEBOOK, GROUPS, q).map((t) => t.id)

describe('filterThemes', () => {
  it('gives every theme in codebook order for a blank query', () => {
    expect(ids('  ')).toEqual(['agri', 'cult', 'secu', 'ecur', 'coeur', 'pop'])
  })

  it('ignores case and accents, and ranks name starts, then word starts, then the rest', () => {
    expect(ids('CULT')).toEqual(['cult', 'pop', 'agri'])
    expect(ids('securite')).toEqual(['secu'])
    expect(ids('écu')).toEqual(['ecur', 'secu'])
    expect(ids('coeur')).toEqual(['coeur'])
  })

  it('finds themes by their group’s name, after the name matches', () => {
    expect(ids('travail')).toEqual(['cult', 'coeur'])
    expect(ids('risq')).toEqual(['secu'])
    expect(ids('zzz')).toEqual([])
  })

  it('folds ligatures and compatibility forms', () => {
    expect(foldText('Œuvre ﬁnale')).toBe('oeuvre finale')
  })
})
