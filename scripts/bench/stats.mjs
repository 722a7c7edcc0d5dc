// Small statistics of the benchmark's repeated figures.

/** Nearest-rank percentile of numbers. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** The median (mean of the middle two for an even count), min and max of a figure over rounds. */
export function spread(values) {
  const sorted = values
    .filter((value) => value !== null && value !== undefined && !Number.isNaN(value))
    .sort((a, b) => a - b)
  if (!sorted.length) {
    return { median: null, min: null, max: null, n: 0 }
  }
  const mid = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length }
}
