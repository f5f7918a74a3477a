// The summary feature's public face (and the CSV export chooser).
export { ExportChooser, type CsvLayout } from './ExportChooser'
export { SummaryView } from './SummaryView'
