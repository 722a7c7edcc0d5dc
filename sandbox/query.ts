import { parameterError } from "./replies"
import { ApiReply } from "./types"

/** Thrown by the readers below; routes turn it into 400 INVALID_PARAMETER naming the parameter. */
export class InvalidParameterError extends Error {
  constructor(
    readonly parameter: string,
    readonly rule: string
  ) {
    super(`${parameter} ${rule}`)
  }

  toReply(): ApiReply {
    return parameterError(this.parameter, this.rule)
  }
}

export function readInt(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = query.get(name)
  if (raw === null || raw === "") return fallback
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value < 1 || value > max) {
    throw new InvalidParameterError(name, `must be an integer between 1 and ${max}`)
  }
  return value
}

export function readEnum<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T | null
): T | null {
  const raw = query.get(name)
  if (raw === null || raw === "") return fallback
  const value = allowed.find((candidate) => candidate === raw.toLowerCase())
  if (!value) throw new InvalidParameterError(name, `must be one of: ${allowed.join(", ")}`)
  return value
}

/** An ISO 8601 date, in ms since epoch. */
export function readDate(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name)
  if (raw === null || raw === "") return null
  const value = Date.parse(raw)
  if (Number.isNaN(value)) throw new InvalidParameterError(name, "must be an ISO 8601 date")
  return value
}

export function readText(query: URLSearchParams, name: string): string {
  return (query.get(name) ?? "").trim().toLowerCase()
}

export function pageOf<T>(items: T[], page: number, limit: number): T[] {
  return items.slice((page - 1) * limit, page * limit)
}
