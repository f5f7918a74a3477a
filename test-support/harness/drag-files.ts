// Dragging real files onto the Gloss window, as an analyst drags them from
// a file manager: Playwright gives the page File objects of the files on
// disk (through a file input of the test's own, removed after), and the
// page receives dragenter and dragover, then drop (or dragleave) carrying
// them. What Gloss does with a drop (ask the preload for the files' paths,
// send them to main) is then its real code.
import type { ElementHandle, Page } from '@playwright/test'

export interface FileDrag {
  /** Drops the files where they were dragged. */
  drop(): Promise<void>
  /** Drags them out of the window again without dropping. */
  leave(): Promise<void>
}

type DragEventName = 'dragenter' | 'dragover' | 'drop' | 'dragleave'

export async function dragFiles(page: Page, paths: readonly string[]): Promise<FileDrag> {
  const input: ElementHandle<HTMLInputElement> = await page.evaluateHandle(() => {
    const i = document.createElement('input')
    i.type = 'file'
    i.multiple = true
    i.hidden = true
    document.body.append(i)
    return i
  })
  await input.setInputFiles([...paths])
  const transfer = await page.evaluateHandle((i) => {
    const dt = new DataTransfer()
    for (const f of Array.from(i.files ?? [])) dt.items.add(f)
    i.remove()
    return dt
  }, input)
  const send = (...types: DragEventName[]) =>
    page.evaluate(
      ([dt, names]) => {
        // Over the middle of the window, where a drop usually lands.
        const target = document.elementFromPoint(innerWidth / 2, innerHeight / 2) ?? document.body
        for (const type of names)
          target.dispatchEvent(
            new DragEvent(type, {
              bubbles: true,
              cancelable: true,
              composed: true,
              dataTransfer: dt,
              clientX: innerWidth / 2,
              clientY: innerHeight / 2,
            }),
          )
      },
      [transfer, types] as const,
    )
  await send('dragenter', 'dragover')
  return {
    drop: () => send('dragover', 'drop'),
    leave: () => send('dragleave'),
  }
}
