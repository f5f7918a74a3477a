// Files dragged over the window: how many (for the "Drop to add N files"
// overlay) and, on drop, the files themselves. Other drags (text, links)
// are left alone; a file dropped anywhere never makes the window navigate
// to it. The listeners live as long as the session view.
import { useEffect, useState } from 'react'
import { useLatest } from '@renderer/lib/use-latest'

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false

/** How many files a drag carries (the items are known before the drop, their contents not). */
const fileCount = (e: DragEvent) =>
  Array.from(e.dataTransfer?.items ?? []).filter((i) => i.kind === 'file').length

/** The files being dragged over the window (null when none); `onDrop` gets dropped files. */
export function useFileDrop(onDrop: (files: File[]) => void): number | null {
  const [dragging, setDragging] = useState<number | null>(null)
  const latest = useLatest(onDrop)
  useEffect(() => {
    // dragenter and dragleave come for every element crossed: count them.
    let depth = 0
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      depth++
      setDragging(fileCount(e))
    }
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      // Accepting the drag is what lets it drop here.
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(null)
    }
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      depth = 0
      setDragging(null)
      const files = Array.from(e.dataTransfer?.files ?? [])
      if (files.length) latest.current(files)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [latest])
  return dragging
}
