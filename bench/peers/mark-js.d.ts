// The part of mark.js 8.11.1 (which ships no types) that the bench uses.
declare module 'mark.js' {
  interface MarkRangesOptions {
    element?: string
    className?: string
    each?(element: HTMLElement, range: object): void
    noMatch?(range: object): void
    done?(totalMarks: number): void
  }
  export default class Mark {
    constructor(context: Element | Element[] | string)
    markRanges(ranges: { start: number; length: number }[], options?: MarkRangesOptions): void
  }
}
