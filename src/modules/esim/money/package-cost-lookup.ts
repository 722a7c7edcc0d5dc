import { isFresh, MirroredCost, PackageCostReading } from "./mirrors"

export type LookupSelection = { maxAgeMs: number; limit: number; now: Date }

/** What one lookup run did, by package code. */
export type PackageCostLookupResult = { searched: string[]; listed: string[]; unlisted: string[]; failed: string[] }

/**
 * The mapped codes one run searches: those never mirrored first, then those read longer ago
 * than `maxAgeMs`, oldest first; at most `limit`, so a run stays light on the rate limit.
 */
export function codesToLookUp(
  mapped: string[],
  mirrored: Map<string, MirroredCost>,
  { maxAgeMs, limit, now }: LookupSelection
): string[] {
  const unique = [...new Set(mapped)]
  const missing = unique.filter((code) => !mirrored.has(code))
  const readAt = (code: string) => mirrored.get(code)?.read_at.getTime() ?? 0
  const stale = unique
    .filter((code) => mirrored.has(code) && !isFresh(mirrored.get(code)?.read_at, maxAgeMs, now))
    .sort((a, b) => readAt(a) - readAt(b))
  return [...missing, ...stale].slice(0, limit)
}

/** What one search tells: every package it listed, and the searched code with a null cost when it is not among them. */
export function lookupReadings(code: string, listed: PackageCostReading[]): PackageCostReading[] {
  return listed.some((reading) => reading.package_code === code)
    ? listed
    : [...listed, { package_code: code, cost: null, currency: null }]
}
