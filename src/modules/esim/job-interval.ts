import { EsimflyOptionsError } from "../../lib/esimfly"

/** Parses a job's tick from its environment variable once, at load, naming it when it is wrong. */
export function jobIntervalMs(name: string, raw: string | undefined, fallbackMs: number, range: [number, number] = [1000, 86400000]): number {
  if (raw === undefined || raw.trim() === "") {
    return fallbackMs
  }
  const value = Number(raw)
  if (!Number.isInteger(value) || value < range[0] || value > range[1]) {
    throw new EsimflyOptionsError({ message: `esimfly: ${name} must be an integer between ${range[0]} and ${range[1]} (ms)`, option: name })
  }
  return value
}
