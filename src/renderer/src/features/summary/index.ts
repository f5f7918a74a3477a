// The summary feature's public face (and the CSV export chooser).
import './corpus-summary.css'
export { ExportChooser, type CsvLayout, type ExportChoice } from './ExportChooser'
export { SummaryView } from './SummaryView'
export { filteredCount } from './corpus-scope'
export { svgToPngBase64 } from './svg-to-png'
