// Listeners and other undo-able set-ups tied to one lifetime: everything
// added through `on` or `add` is undone by one `dispose()`, so an owner
// cannot add a listener and forget to remove it. Never used after dispose.

export class Listeners {
  private readonly undo: (() => void)[] = []

  /** Adds `listener` for `type` on `target` until dispose(). */
  on<E extends Event = Event>(
    target: EventTarget,
    type: string,
    listener: (event: E) => void,
    options?: boolean | AddEventListenerOptions,
  ): void {
    const fn = listener as EventListener
    target.addEventListener(type, fn, options)
    this.undo.push(() => target.removeEventListener(type, fn, options))
  }

  /** Runs `undo` on dispose() (an observer to disconnect, a timer to clear). */
  add(undo: () => void): void {
    this.undo.push(undo)
  }

  dispose(): void {
    for (const undo of this.undo.splice(0).reverse()) undo()
  }
}
