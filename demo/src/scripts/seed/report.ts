import { Logger } from "@medusajs/framework/types"

/** Logs one line per seeded thing and counts what was created versus found. */
export class SeedReport {
  created = 0
  skipped = 0

  constructor(private readonly logger: Logger) {}

  made(what: string): void {
    this.created++
    this.logger.info(`seed: created ${what}`)
  }

  found(what: string): void {
    this.skipped++
    this.logger.info(`seed: ${what} already there, skipped`)
  }

  note(what: string): void {
    this.logger.info(`seed: ${what}`)
  }

  warn(what: string): void {
    this.logger.warn(`seed: ${what}`)
  }

  summary(): string {
    return `seed: done, ${this.created} created, ${this.skipped} already there`
  }
}
