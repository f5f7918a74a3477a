// Test support: the readers analysts use, as independent oracles for Gloss's
// CSV files. Python's csv module, pandas and R's read.csv (with
// fileEncoding = "UTF-8-BOM", as the README tells R users) read a file and
// hand back every cell as text, plus the columns they would read as numbers
// by default. Python and R come from Debian (python3-pandas, r-base-core;
// .ci/run installs them). Every cell crosses back as plain ASCII (JSON, or
// code point numbers from R), so that no terminal or locale can change it.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export interface ReadBack {
  header: string[]
  rows: string[][]
  /** Columns the reader types as numbers when left to its defaults. */
  numeric: string[]
}

/** Debian's Python (with pandas) first: a Python of one's own may lack it. */
export const PYTHON =
  process.env.GLOSS_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3')
export const RSCRIPT = process.env.GLOSS_RSCRIPT ?? 'Rscript'

function run(command: string, args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // A UTF-8 locale, as analysts have: R converts text to the session's encoding.
    env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', ...env },
  })
  if (r.error) throw new Error(`${command} could not run: ${r.error.message}`)
  if (r.status !== 0) throw new Error(`${command} failed (${r.status}): ${r.stderr}`)
  return r.stdout
}

const PYTHON_CSV = `
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
print(json.dumps({"header": rows[0], "rows": rows[1:], "numeric": []}))
`

/** Python's csv module (the standard library), reading with utf-8-sig. */
export function readWithPythonCsv(path: string): ReadBack {
  return JSON.parse(run(PYTHON, ['-c', PYTHON_CSV, path])) as ReadBack
}

const PANDAS = `
import json, sys
import pandas as pd
text = pd.read_csv(sys.argv[1], encoding="utf-8-sig", dtype=str, keep_default_na=False)
typed = pd.read_csv(sys.argv[1], encoding="utf-8-sig")
numeric = [c for c in typed.columns if pd.api.types.is_numeric_dtype(typed[c])]
print(json.dumps({"header": list(text.columns), "rows": text.values.tolist(), "numeric": numeric}))
`

/** pandas.read_csv, every cell as text, and which columns it types as numbers. */
export function readWithPandas(path: string): ReadBack {
  return JSON.parse(run(PYTHON, ['-c', PANDAS, path])) as ReadBack
}

const R_SCRIPT = `
path <- Sys.getenv("GLOSS_CSV")
d <- read.csv(path, fileEncoding = "UTF-8-BOM", colClasses = "character",
              check.names = FALSE, na.strings = character(0))
typed <- read.csv(path, fileEncoding = "UTF-8-BOM", check.names = FALSE)
enc <- function(x) paste(utf8ToInt(enc2utf8(x)), collapse = " ")
line <- function(cells) cat(paste(vapply(cells, enc, ""), collapse = "\\t"), "\\n", sep = "")
line(names(d))
for (i in seq_len(nrow(d))) line(as.character(unlist(d[i, , drop = TRUE])))
cat("NUMERIC\\n")
line(names(typed)[vapply(typed, is.numeric, TRUE)])
`

/** R's read.csv with fileEncoding = "UTF-8-BOM", every cell as text, and its numeric columns. */
export function readWithR(path: string): ReadBack {
  const out = run(RSCRIPT, ['-e', R_SCRIPT], { GLOSS_CSV: path })
  const decode = (line: string) =>
    line === ''
      ? []
      : line
          .split('\t')
          .map((cell) => (cell === '' ? '' : String.fromCodePoint(...cell.split(' ').map(Number))))
  const lines = out.split('\n')
  const marker = lines.indexOf('NUMERIC')
  const [header, ...rows] = lines.slice(0, marker).map(decode)
  return { header: header ?? [], rows, numeric: decode(lines[marker + 1] ?? '') }
}
