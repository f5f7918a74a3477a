// What every summary chart is drawn in: an SVG of its own size, named by its
// title, on white, with the title and a subtitle written at its top; and the
// scale of the bar charts (dashed grid lines behind the bars, the axis, its
// ticks and its label under them). React SVG elements with presentation
// attributes only: the same SVG is serialized to a PNG, where page styles do
// not apply.
import type { ReactNode, Ref } from 'react'
import { FONT, GRID, INK, MUTED, PAD } from './chart-kit'

interface FrameProps {
  /** The id of the <title> that names the chart. */
  titleId: string
  title: string
  subtitle: string
  width: number
  height: number
  /** The corpus charts keep their own size on the page. */
  corpus?: boolean
  ref?: Ref<SVGSVGElement>
  children: ReactNode
}

export function ChartFrame(props: FrameProps) {
  const { titleId, title, subtitle, width: W, height: H, corpus = false, ref } = props
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-labelledby={titleId}
      fontFamily={FONT}
      className={corpus ? 'summary-chart corpus-chart' : 'summary-chart'}
    >
      <title id={titleId}>{title}</title>
      <rect width={W} height={H} fill="#ffffff" />
      <text x={PAD} y={26} fontSize={16} fontWeight={700} fill={INK}>
        {title}
      </text>
      <text x={PAD} y={46} fontSize={12} fill={MUTED}>
        {subtitle}
      </text>
      {props.children}
    </svg>
  )
}

interface ScaleProps {
  /** Where the bars' track starts, and its width. */
  x0: number
  trackWidth: number
  /** The grid lines' top, and the axis' height. */
  top: number
  axisY: number
  ticks: readonly number[]
  /** Where a value stands along the track. */
  x: (value: number) => number
  tickLabel: (value: number) => string
  label: string
  /** The bars, drawn over the grid lines. */
  children: ReactNode
}

export function BarScale({
  x0,
  trackWidth,
  top,
  axisY,
  ticks,
  x,
  tickLabel,
  label,
  children,
}: ScaleProps) {
  return (
    <>
      {ticks.map((tick) => (
        <line
          key={tick}
          x1={x(tick)}
          x2={x(tick)}
          y1={top}
          y2={axisY}
          stroke={GRID}
          strokeDasharray="3 3"
        />
      ))}
      {children}
      <line x1={x0} x2={x0 + trackWidth} y1={axisY} y2={axisY} stroke={MUTED} />
      {ticks.map((tick, i) => (
        <text
          key={tick}
          x={x(tick)}
          y={axisY + 16}
          fontSize={11}
          fill={MUTED}
          textAnchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}
        >
          {tickLabel(tick)}
        </text>
      ))}
      <text x={x0 + trackWidth / 2} y={axisY + 34} fontSize={11} fill={MUTED} textAnchor="middle">
        {label}
      </text>
    </>
  )
}
