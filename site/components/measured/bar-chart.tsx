/** One bar: its value, and optionally a second figure drawn as a whisker past it (a p99 beside a p50). */
export type ChartBar = { value: number; whisker?: number } | null

export type ChartGroup = { label: string; bars: Record<string, ChartBar>; marker?: number }

export type BarChartProps = {
  id: string
  title: string
  series: { key: string; label: string }[]
  groups: ChartGroup[]
  format: (value: number) => string
  /** The axis's round numbers need no decimals: "50 ms" rather than "50.0 ms". */
  tickFormat?: (value: number) => string
  axisLabel: string
  whiskerLabel?: string
  markerLabel?: string
}

// Blue and orange stay apart for the common colour blindnesses and keep 3:1
// against both the light and the dark theme's background; every bar also
// carries its figure as text.
const COLORS = ['#2563eb', '#ea580c', '#8b5cf6']
const WIDTH = 720
const LABEL_WIDTH = 200
const VALUE_WIDTH = 170
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_WIDTH
const BAR = 14
const BAR_GAP = 3
const GROUP_GAP = 14
const LEGEND = 30
const AXIS = 36

/**
 * A horizontal grouped bar chart, drawn as static SVG when the page is built.
 * It has no client code: no hover, no state, nothing to hydrate. The figures
 * are in the SVG's description for screen readers and in the table beside it.
 */
export function BarChart({ id, title, series, groups, format, tickFormat = format, axisLabel, whiskerLabel, markerLabel }: BarChartProps) {
  const groupHeight = series.length * (BAR + BAR_GAP) - BAR_GAP
  const plotHeight = groups.length * (groupHeight + GROUP_GAP)
  const height = LEGEND + plotHeight + AXIS
  const largest = Math.max(
    ...groups.flatMap((g) => [g.marker ?? 0, ...Object.values(g.bars).flatMap((bar) => (bar ? [bar.value, bar.whisker ?? 0] : []))]),
  )
  const { max, ticks } = axis(largest)
  const x = (value: number) => LABEL_WIDTH + (value / max) * PLOT_WIDTH
  return (
    <svg
      className="bff-bar-chart"
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH, height: 'auto' }}
      fontSize={12}
      fill="currentColor"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{describe({ series, groups, format, whiskerLabel, markerLabel })}</desc>
      <Legend series={series} whiskerLabel={whiskerLabel} markerLabel={markerLabel} />
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={LEGEND - 4} y2={LEGEND + plotHeight} stroke="currentColor" strokeOpacity={0.15} />
          <text x={x(tick)} y={LEGEND + plotHeight + 14} textAnchor="middle">{tickFormat(tick)}</text>
        </g>
      ))}
      <text x={LABEL_WIDTH + PLOT_WIDTH / 2} y={height - 4} textAnchor="middle">{axisLabel}</text>
      {groups.map((group, g) => {
        const top = LEGEND + g * (groupHeight + GROUP_GAP)
        return (
          <g key={group.label}>
            <text x={LABEL_WIDTH - 8} y={top + groupHeight / 2 + 4} textAnchor="end">{group.label}</text>
            {series.map(({ key }, s) => {
              const bar = group.bars[key]
              const y = top + s * (BAR + BAR_GAP)
              if (!bar) return <text key={key} x={LABEL_WIDTH + 4} y={y + BAR - 3} fillOpacity={0.7}>not measured</text>
              const end = x(Math.max(bar.value, bar.whisker ?? 0))
              return (
                <g key={key}>
                  <rect x={LABEL_WIDTH} y={y} width={Math.max(1, x(bar.value) - LABEL_WIDTH)} height={BAR} fill={COLORS[s % COLORS.length]} />
                  {bar.whisker !== undefined && (
                    <path d={`M${x(bar.value)} ${y + BAR / 2}H${x(bar.whisker)}M${x(bar.whisker)} ${y + 3}V${y + BAR - 3}`} stroke="currentColor" fill="none" />
                  )}
                  <text x={end + 5} y={y + BAR - 3}>
                    {format(bar.value)}
                    {bar.whisker !== undefined && ` (${whiskerLabel} ${format(bar.whisker)})`}
                  </text>
                </g>
              )
            })}
            {group.marker !== undefined && (
              <line x1={x(group.marker)} x2={x(group.marker)} y1={top - 3} y2={top + groupHeight + 3} stroke="currentColor" strokeWidth={2} strokeDasharray="3 2" />
            )}
          </g>
        )
      })}
    </svg>
  )
}

function Legend({ series, whiskerLabel, markerLabel }: Pick<BarChartProps, 'series' | 'whiskerLabel' | 'markerLabel'>) {
  const items = [
    ...series.map(({ label }, s) => ({ label, mark: <rect width={12} height={12} y={-10} fill={COLORS[s % COLORS.length]} /> })),
    ...(whiskerLabel ? [{ label: whiskerLabel, mark: <path d="M0 -4H12M12 -9V1" stroke="currentColor" fill="none" /> }] : []),
    ...(markerLabel ? [{ label: markerLabel, mark: <path d="M6 -11V3" stroke="currentColor" strokeWidth={2} strokeDasharray="3 2" /> }] : []),
  ]
  let left = LABEL_WIDTH
  return (
    <g>
      {items.map(({ label, mark }) => {
        const at = left
        // About 6.5 units a character at this size: enough room without measuring text.
        left += 24 + label.length * 6.5
        return (
          <g key={label} transform={`translate(${at} 14)`}>
            {mark}
            <text x={17}>{label}</text>
          </g>
        )
      })}
    </g>
  )
}

/** A round axis end (1, 2 or 5 times a power of ten per step) with at most five steps. */
export function axis(largest: number): { max: number; ticks: number[] } {
  if (!(largest > 0)) return { max: 1, ticks: [0, 1] }
  const magnitude = 10 ** Math.floor(Math.log10(largest / 5))
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => largest / s <= 5)!
  const max = Math.ceil(largest / step) * step
  return { max, ticks: Array.from({ length: Math.round(max / step) + 1 }, (_, i) => Number((i * step).toPrecision(12))) }
}

/** The chart's text alternative: every figure it draws, in reading order. */
function describe({ series, groups, format, whiskerLabel, markerLabel }: Pick<BarChartProps, 'series' | 'groups' | 'format' | 'whiskerLabel' | 'markerLabel'>) {
  return groups
    .map((group) => {
      const bars = series.map(({ key, label }) => {
        const bar = group.bars[key]
        if (!bar) return `${label} not measured`
        return `${label} ${format(bar.value)}${bar.whisker !== undefined ? ` (${whiskerLabel} ${format(bar.whisker)})` : ''}`
      })
      if (group.marker !== undefined) bars.push(`${markerLabel} ${format(group.marker)}`)
      return `${group.label}: ${bars.join(', ')}.`
    })
    .join(' ')
}
