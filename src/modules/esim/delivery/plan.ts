import type { EsimOrderRow } from "../models/esim-order"
import type { EsimProfileRow } from "../models/esim-profile"
type PlannedEsimOrder = Pick<EsimOrderRow, "id" | "line_item_id" | "quantity" | "status" | "package_code"> &
  Partial<Pick<EsimOrderRow, "fulfillment_id">> & { esims?: (Pick<EsimProfileRow, "iccid" | "status"> | null)[] | null }

export type DeliveryPlan = {
  items: { id: string; quantity: number }[]
  esimOrderIds: string[]
  summary: EsimFulfillmentSummary[]
}

/** The eSIMs a batch actually holds, never more than it ordered. */
const heldCount = (esimOrder: PlannedEsimOrder) =>
  Math.min(esimOrder.quantity, (esimOrder.esims ?? []).filter(Boolean).length)

/** Lines whose every batch is bought and stored and that no fulfillment covers yet, for the eSIMs held. */
export function readyLines(esimOrders: PlannedEsimOrder[]): DeliveryPlan {
  const byLine = new Map<string, PlannedEsimOrder[]>()
  for (const esimOrder of esimOrders) {
    byLine.set(esimOrder.line_item_id, [...(byLine.get(esimOrder.line_item_id) ?? []), esimOrder])
  }
  const ready = [...byLine.entries()].filter(
    ([, batches]) =>
      batches.every((esimOrder) => esimOrder.status === "completed" && !esimOrder.fulfillment_id) &&
      batches.some((b) => heldCount(b) > 0)
  )
  const readyEsimOrders = ready.flatMap(([, batches]) => batches)
  return {
    items: ready.map(([id, batches]) => ({ id, quantity: batches.reduce((sum, b) => sum + heldCount(b), 0) })),
    esimOrderIds: readyEsimOrders.map((esimOrder) => esimOrder.id),
    summary: readyEsimOrders.flatMap((esimOrder) =>
      (esimOrder.esims ?? []).flatMap((esim) =>
        esim ? [{ iccid: esim.iccid, package_code: esimOrder.package_code, status: esim.status }] : []
      )
    ),
  }
}

/** What the fulfillment provider records on a fulfillment: a summary of the eSIMs it delivered. */
export type EsimFulfillmentSummary = {
  iccid: string
  package_code: string | null
  status: string
}
