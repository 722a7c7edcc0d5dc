import type { EsimTopUpRow } from "../models/esim-top-up"

/** The top-up columns a shopper may see on an eSIM. */
export type StoreTopUp = Pick<EsimTopUpRow, "id" | "package_code" | "package_name" | "data_mb" | "status" | "bought_at">

/** Fields picked one by one, so esimfly's reference, cost and errors never reach a store response. */
export function toStoreTopUp(row: StoreTopUp): StoreTopUp {
  return {
    id: row.id,
    package_code: row.package_code,
    package_name: row.package_name,
    data_mb: row.data_mb,
    status: row.status,
    bought_at: row.bought_at,
  }
}

/** Each ICCID's top-ups in the order they were made. */
export function topUpsByIccid<T extends StoreTopUp & Pick<EsimTopUpRow, "iccid">>(
  rows: T[]
): Map<string, StoreTopUp[]> {
  const byIccid = new Map<string, StoreTopUp[]>()
  for (const row of rows) {
    byIccid.set(row.iccid, [...(byIccid.get(row.iccid) ?? []), toStoreTopUp(row)])
  }
  return byIccid
}
