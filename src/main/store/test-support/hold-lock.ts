// Test support: a second process that locks a session (as another Gloss
// would), prints "locked", and keeps the lock until it is killed or its
// stdin closes.
import { SessionLocks } from '../session-lock'

const path = process.argv[2]!
const result = await new SessionLocks().acquire(path)
process.stdout.write(result.acquired ? 'locked\n' : 'refused\n')
process.stdin.resume()
process.stdin.on('end', () => process.exit(0))
