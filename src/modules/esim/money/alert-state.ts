/**
 * Remembers, per process, which incidents the admin was already told about: an alert
 * fires once per incident, not on every refused cart. (The low-balance crossing is kept in
 * the balance mirror, so that it fires once across processes.)
 */
export class AlertState {
  private readonly open = new Set<string>()

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
}
