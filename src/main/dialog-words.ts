// The words of the native dialogs main opens (titles, filter names), in the
// language the renderer shows: the locale setting, or the system language
// when it is 'system'. Read each time a dialog opens, so a change in the
// settings applies at once. Must never import electron (the system language
// comes in as a function).
import { mainText, resolveLocale, type MainTextKey } from './i18n'
import type { SettingsStore } from './store/settings'

export type DialogWords = (key: MainTextKey) => string

/** A function that reads the current dialog language and returns its words. */
export function dialogWords(
  settings: SettingsStore,
  systemLanguage: (() => string) | undefined,
): () => Promise<DialogWords> {
  return async () => {
    const { locale } = await settings.get()
    const lang = resolveLocale(locale, systemLanguage?.() ?? 'en')
    return (key) => mainText(lang, key)
  }
}
