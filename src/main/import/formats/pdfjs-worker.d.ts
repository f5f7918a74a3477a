// pdfjs's worker module ships without types: the PDF reader only hands it
// over to pdfjs (as `globalThis.pdfjsWorker`) and calls nothing in it.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
