// The one i18n layer of the UI: every visible string goes through t(), dates
// and numbers through Intl for the current locale. English and French; the
// language follows the system unless the analyst picks one in Settings
// (kept by the main process with the other settings). Texts the main
// process sends (errors, read-only reasons, notices) come as a key and
// parameters and go through fromMain() / errorText().
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import type { GlossError } from '@shared/api'
import type { MessageRef } from '@shared/main-messages'
import { en, type MessageKey } from './messages-en'
import { fr } from './messages-fr'

export type Locale = 'en' | 'fr'
export type LocaleChoice = Locale | 'system'
const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, fr }

export function systemLocale(languages: readonly string[] = navigator.languages): Locale {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0]
    if (base === 'fr' || base === 'en') return base
  }
  return 'en'
}

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in vars ? String(vars[name]) : m,
  )
}

export function translate(
  locale: Locale,
  key: MessageKey,
  vars?: Record<string, string | number>,
): string {
  return format(CATALOGS[locale][key] ?? en[key] ?? key, vars)
}

/** The structured form of a text from main: a key and parameters, when it has one. */
export type FromMain = Partial<MessageRef> | null | undefined

/**
 * A text from the main process in `locale`: its key translated with its
 * parameters (nested messages translated too, dates formatted with
 * `formatDate`), or `fallback` (main's English text) when it has no key or
 * a key, nested or not, that this renderer does not know.
 */
export function translateFromMain(
  locale: Locale,
  m: FromMain,
  fallback: string,
  formatDate: (iso: string) => string,
): string {
  const text = (ref: Partial<MessageRef>): string | null => {
    if (typeof ref.key !== 'string' || !Object.hasOwn(en, ref.key)) return null
    const vars: Record<string, string> = {}
    for (const [name, p] of Object.entries(ref.params ?? {})) {
      if (typeof p === 'string' || typeof p === 'number') vars[name] = String(p)
      else if (typeof p !== 'object' || p === null) return null
      else if ('key' in p) {
        const nested = text(p)
        if (nested === null) return null
        vars[name] = nested
      } else if (typeof p.date === 'string') vars[name] = formatDate(p.date)
      else return null
    }
    return translate(locale, ref.key as MessageKey, vars)
  }
  return (m && text(m)) ?? fallback
}

/** Functions, not methods: components destructure them (`const { t } = useI18n()`). */
export interface I18n {
  locale: Locale
  choice: LocaleChoice
  setChoice: (choice: LocaleChoice) => void
  t: (key: MessageKey, vars?: Record<string, string | number>) => string
  /** Picks `<key>.one` or `<key>.other` for the count, with the count formatted. */
  plural: (key: string, count: number) => string
  formatDate: (iso: string) => string
  formatNumber: (n: number, options?: Intl.NumberFormatOptions) => string
  /** A text the main process sent (a read-only reason, a notice), with its English fallback. */
  fromMain: (m: FromMain, fallback: string) => string
  /** An error the main process returned, in the current language. */
  errorText: (error: GlossError) => string
}

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ children }: { children: ReactNode }) {
  // The choice lives in the main process's settings, so it survives restarts.
  const [choice, setChoiceState] = useState<LocaleChoice>('system')
  useEffect(() => {
    let live = true
    void window.gloss.getSettings().then((r) => {
      if (live && r.ok) setChoiceState(r.value.locale)
    })
    return () => {
      live = false
    }
  }, [])
  const locale: Locale = choice === 'system' ? systemLocale() : choice
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  const setChoice = useCallback((c: LocaleChoice) => {
    setChoiceState(c)
    void window.gloss.updateSettings({ locale: c })
  }, [])
  const value = useMemo<I18n>(() => {
    const tag = locale === 'fr' ? 'fr-FR' : 'en-GB'
    const dates = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' })
    const rules = new Intl.PluralRules(tag)
    const numbers = new Intl.NumberFormat(tag)
    const formatDate = (iso: string) => {
      const d = new Date(iso)
      return Number.isNaN(d.getTime()) ? iso : dates.format(d)
    }
    return {
      locale,
      choice,
      setChoice,
      t: (key, vars) => translate(locale, key, vars),
      plural: (key, count) =>
        translate(
          locale,
          `${key}.${rules.select(count) === 'one' ? 'one' : 'other'}` as MessageKey,
          { count: numbers.format(count) },
        ),
      formatDate,
      // The plain format is made once: lists format a number per row.
      formatNumber: (n, options) =>
        (options ? new Intl.NumberFormat(tag, options) : numbers).format(n),
      fromMain: (m, fallback) => translateFromMain(locale, m, fallback, formatDate),
      errorText: (error) => translateFromMain(locale, error, error.message, formatDate),
    }
  }, [locale, choice, setChoice])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext)
  if (!ctx) throw new Error('useI18n outside I18nProvider')
  return ctx
}
