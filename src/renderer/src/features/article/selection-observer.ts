// Reports the text selected inside one element (the article) as text
// offsets: keyboard selections (Shift+arrows) as the document's
// selectionchange events arrive, at most once per frame; mouse selections
// once the button is released, even when a drag ends outside the element.
// Tells whether Alt was held (Alt selects characters instead of whole words).
// It only reads the selection: it never changes it, nor the DOM.
import { selectionOffsets } from './dom-offsets'
import { Listeners } from './listeners'

export interface TextSelection {
  start: number
  end: number
  range: Range
}

/** Called with the selection inside the element (null: none there) and whether Alt was held. */
export type SelectionCallback = (selection: TextSelection | null, altKey: boolean) => void

/** What the observer needs of the document: its events, its selection and its window's events. */
export interface SelectionDocument extends EventTarget {
  getSelection: () => Selection | null
  readonly defaultView: EventTarget | null
}

export class SelectionObserver {
  private readonly listeners = new Listeners()
  private pointerDown = false
  private altKey = false
  private frame = 0

  constructor(
    private readonly root: Element,
    private readonly callback: SelectionCallback,
    private readonly doc: SelectionDocument = document,
  ) {
    const { listeners } = this
    listeners.on(doc, 'selectionchange', this.onChange)
    const view = doc.defaultView
    if (view) {
      const onKey = (e: KeyboardEvent) => (this.altKey = e.altKey)
      listeners.on(view, 'keydown', onKey, true)
      listeners.on(view, 'keyup', onKey, true)
      // A drag may end outside the element.
      listeners.on(view, 'mouseup', () => {
        if (!this.pointerDown) return
        this.pointerDown = false
        this.onChange()
      })
    }
    listeners.on<MouseEvent>(root, 'mousedown', (e) => {
      this.pointerDown = true
      this.altKey = e.altKey
    })
    listeners.on<MouseEvent>(root, 'mouseup', (e) => {
      this.pointerDown = false
      this.altKey = e.altKey
      this.report()
    })
    listeners.add(() => cancelAnimationFrame(this.frame))
  }

  /** Stops listening; nothing is reported afterwards. */
  disconnect(): void {
    this.listeners.dispose()
  }

  private readonly onChange = () => {
    if (this.pointerDown) return
    cancelAnimationFrame(this.frame)
    this.frame = requestAnimationFrame(() => this.report())
  }

  private report(): void {
    this.callback(selectionOffsets(this.root, this.doc.getSelection()), this.altKey)
  }
}
