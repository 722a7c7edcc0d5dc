/** A clock that moves only when a test advances it; its sleeps wake in time order. */
export class FakeClock {
  #now: number
  #timers: { at: number; wake: () => void }[] = []

  constructor(start = Date.UTC(2026, 0, 1, 12, 0, 0)) {
    this.#now = start
  }

  now = (): number => this.#now

  sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.#timers.push({ at: this.#now + ms, wake })
      this.#timers.sort((a, b) => a.at - b.at)
    })

  /** Sleeps not yet woken. */
  get pending(): number {
    return this.#timers.length
  }

  /** Moves time forward without waking any sleep, as a timer that fires late would. */
  skew(ms: number): void {
    this.#now += ms
  }

  /** Moves time forward, waking each due sleep at its own time and letting its work run. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms
    await settle()
    while (this.#timers.length > 0 && this.#timers[0].at <= target) {
      const timer = this.#timers.shift() as { at: number; wake: () => void }
      this.#now = Math.max(this.#now, timer.at)
      timer.wake()
      await settle()
    }
    this.#now = target
    await settle()
  }
}

/** Lets every queued promise callback run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
