import { EsimflyHistoryOrder } from "./types"

/** An esimfly order no purchase of the store claims; possible_esim_order_ids are unsettled purchases it may belong to. */
export type EsimflyOrphan = EsimflyHistoryOrder & { possible_esim_order_ids: string[] }

export type EsimflyOrphansResponse = {
  orphans: EsimflyOrphan[]
  window: { from_date: string; to_date: string }
  scanned: number
}

export type ReconcileResponse = { settled: { id: string; status: string }[] }
