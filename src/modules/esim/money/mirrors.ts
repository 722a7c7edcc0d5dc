import type { Package } from "../../../lib/esimfly"
import type { InferTypeOf } from "@medusajs/framework/types"
import { BALANCE_SOURCES, EsimflyBalance } from "../models/esimfly-balance"
import { EsimflyPackageCost, PACKAGE_COST_SOURCES } from "../models/esimfly-package-cost"

export const BALANCE_ACCOUNT = "default"

export type BalanceSource = (typeof BALANCE_SOURCES)[number]
export type PackageCostSource = (typeof PACKAGE_COST_SOURCES)[number]

/** One balance report from esimfly: a `newBalance`, a refund's balance or a `GET /balance`. */
export type BalanceReading = { amount: number; currency: string; read_at: Date; source: BalanceSource }

/** What esimfly lists for one package; a null cost records that it lists none. */
export type PackageCostReading = { package_code: string; cost: number | null; currency: string | null }

export type MirroredBalance = {
  amount: number
  currency: string
  read_at: Date
  source: BalanceSource
  low_alerted: boolean
}

export type MirroredCost = { cost: number | null; currency: string | null; read_at: Date }

/** How old a mirrored reading is, in whole seconds (never negative). */
export function ageSeconds(readAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - readAt.getTime()) / 1000))
}

/** True when a reading exists and is no older than `maxAgeMs`. */
export function isFresh(readAt: Date | null | undefined, maxAgeMs: number, now: Date): boolean {
  return !!readAt && now.getTime() - readAt.getTime() <= maxAgeMs
}

/** What esimfly charges for one eSIM of a listed package, for the cost mirror. */
export function toPackageCostReading(pkg: Pick<Package, "packageCode" | "cost" | "currency">): PackageCostReading {
  return { package_code: pkg.packageCode, cost: pkg.cost, currency: pkg.cost === null ? null : pkg.currency }
}

type BalanceRow = Pick<InferTypeOf<typeof EsimflyBalance>, "amount" | "currency" | "read_at" | "source" | "low_alerted">
type PackageCostRow = Pick<InferTypeOf<typeof EsimflyPackageCost>, "package_code" | "cost" | "currency" | "read_at">

/** The mirrored balance as the plugin reads it: amounts as numbers. */
export function toMirroredBalance(row: BalanceRow): MirroredBalance {
  const { currency, read_at, source, low_alerted } = row
  return { amount: Number(row.amount), currency, read_at, source, low_alerted }
}

/** Mirrored package costs by package code. */
export function toMirroredCosts(rows: PackageCostRow[]): Map<string, MirroredCost> {
  return new Map(
    rows.map((r) => [
      r.package_code,
      { cost: r.cost === null ? null : Number(r.cost), currency: r.currency, read_at: r.read_at },
    ])
  )
}
