// Password-protected test fixtures written by LibreOffice: `--convert-to`
// cannot set a password, so a Basic macro in a fresh user profile opens the
// source and stores it with one (the media descriptor's `Password`). Like
// office-fixtures.ts, the result is cached by the hash of the source and
// the filter, under node_modules/.cache. Needs `soffice`.
// LibreOffice 7.4 writes encrypted ODF and Word 97 files this way; it
// ignores the password for OOXML (DOCX).
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, extname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { cacheFile, OFFICE_CACHE, runSoffice } from './office-fixtures'

/** The password every protected fixture is stored with. */
export const FIXTURE_PASSWORD = 'gloss-secret'

export interface PasswordConversion {
  /** The source file's name, with its extension (`article.fodt`). */
  name: string
  source: string | Uint8Array
  /** LibreOffice's export filter (`writer8` for ODT, `MS Word 97` for .doc). */
  filter: string
  /** The written file's extension (`odt`). */
  extension: string
}

const MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub StoreWithPassword(source As String, target As String, filter As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  document = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, load())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = filter
  store(1).Name = &quot;Password&quot;
  store(1).Value = &quot;${FIXTURE_PASSWORD}&quot;
  document.storeToURL(ConvertToURL(target), store())
  document.close(True)
End Sub
</script:module>
`

/** The protected file's path (in the cache). Throws when `soffice` is missing or wrote nothing. */
export async function passwordOfficeFixture(conversion: PasswordConversion): Promise<string> {
  const key = createHash('sha256')
    .update('password\0')
    .update(MODULE)
    .update(conversion.name)
    .update('\0')
    .update(conversion.filter)
    .update('\0')
    .update(conversion.source)
    .digest('hex')
    .slice(0, 20)
  const out = join(
    OFFICE_CACHE,
    `${basename(conversion.name, extname(conversion.name))}-protected-${key}.${conversion.extension}`,
  )
  if (existsSync(out)) return out
  const work = await mkdtemp(join(tmpdir(), 'gloss-office-password-'))
  try {
    const source = join(work, conversion.name)
    const target = join(work, `out.${conversion.extension}`)
    await writeFile(source, conversion.source)
    const profile = join(work, 'profile')
    const env = `-env:UserInstallation=${pathToFileURL(profile).href}`
    // A first start writes the profile; the macro goes into its Standard library.
    await runSoffice([env, '--headless', '--norestore', '--nolockcheck', '--terminate_after_init'])
    await writeFile(join(profile, 'user', 'basic', 'Standard', 'Module1.xba'), MODULE)
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`
    await runSoffice([
      env,
      '--headless',
      '--norestore',
      '--nolockcheck',
      `macro:///Standard.Module1.StoreWithPassword(${quote(source)},${quote(target)},${quote(conversion.filter)})`,
    ])
    if (!existsSync(target))
      throw new Error(`soffice wrote nothing storing ${conversion.name} with a password`)
    await cacheFile(target, out)
    return out
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
