// The import worker's entry: a worker thread that parses article files'
// bytes (parse-article.ts: sniffing, decoding, the format readers, layout,
// normalization, sha256) so that main's event loop never holds a parse.
// One job at a time, as the pool (parse-pool.ts) sends them; every
// outcome is a message (parse-wire.ts), errors included. Cancelling is the
// pool's: it terminates the worker.
// It must never: read or write a file, import electron, or let an error
// go unanswered (the pool would wait for it).
import { parentPort } from 'node:worker_threads'
import { parseArticle } from './parse-article'
import { errorToWire, type ParseJob, type WorkerReply } from './parse-wire'

const port = parentPort
if (!port) throw new Error('the import worker runs as a worker thread')

const reply = (message: WorkerReply) => port.postMessage(message)

async function run({ id, bytes, request }: ParseJob): Promise<void> {
  // The readers take a Buffer's view of the transferred bytes (no copy).
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  try {
    const read = await parseArticle(buffer, request, {
      onProgress: (done, total) => reply({ type: 'progress', id, done, total }),
    })
    reply({ type: 'done', id, read })
  } catch (e) {
    reply({ type: 'failed', id, error: errorToWire(e) })
  }
}

port.on('message', (job: ParseJob) => void run(job))
