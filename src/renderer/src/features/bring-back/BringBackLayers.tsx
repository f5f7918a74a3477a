// What bringing coders' work back shows over the session: the progress
// while main works, then the report until it is closed.
import { BringBackProgress } from './BringBackProgress'
import { BringBackReportDialog } from './BringBackReportDialog'
import type { BringBack } from './use-bring-back'
import './bring-back.css'

export function BringBackLayers({ bringBack }: { bringBack: BringBack }) {
  return (
    <>
      {bringBack.working && <BringBackProgress files={bringBack.working} />}
      {bringBack.report && (
        <BringBackReportDialog report={bringBack.report} onClose={bringBack.closeReport} />
      )}
    </>
  )
}
