/**
 * Remembers, per process, which incidents the admin was already told about, and on which
 * side of the low-balance threshold the balance was last seen: an alert fires once per
 * incident or crossing, not on every refused cart or balance read.
 */
export class AlertState {
  private readonly open = new Set<string>()
  private wasLow: boolean | null = null

  /** True the first time an incident is seen since it was last resolved. */
  openIncident(key: string): boolean {
    const isNew = !this.open.has(key)
    this.open.add(key)
    return isNew
  }

  resolveIncidents(prefix: string): void {
    for (const key of [...this.open]) {
      if (key.startsWith(prefix)) {
        this.open.delete(key)
      }
    }
  }

  /** True when the balance has just gone under the threshold. */
  crossedLow(balance: number, threshold: number | undefined): boolean {
    if (threshold === undefined) {
      return false
    }
    const low = balance < threshold
    const crossed = low && this.wasLow !== true
    this.wasLow = low
    return crossed
  }
}
