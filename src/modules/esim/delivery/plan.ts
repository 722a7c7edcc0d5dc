type PlannedIntent = {
  id: string
  line_item_id: string
  quantity: number
  status: string
  fulfillment_id?: string | null
  package_code: string
  esims?: ({ iccid: string; status: string } | null)[] | null
}

export type DeliveryPlan = {
  items: { id: string; quantity: number }[]
  intentIds: string[]
  summary: EsimFulfillmentSummary[]
}

/** The eSIMs a batch actually holds, never more than it ordered. */
const heldCount = (intent: PlannedIntent) => Math.min(intent.quantity, (intent.esims ?? []).filter(Boolean).length)

/** Lines whose every batch is bought and stored and that no fulfillment covers yet, for the eSIMs held. */
export function readyLines(intents: PlannedIntent[]): DeliveryPlan {
  const byLine = new Map<string, PlannedIntent[]>()
  for (const intent of intents) {
    byLine.set(intent.line_item_id, [...(byLine.get(intent.line_item_id) ?? []), intent])
  }
  const ready = [...byLine.entries()].filter(
    ([, batches]) =>
      batches.every((intent) => intent.status === "completed" && !intent.fulfillment_id) && batches.some((b) => heldCount(b) > 0)
  )
  const readyIntents = ready.flatMap(([, batches]) => batches)
  return {
    items: ready.map(([id, batches]) => ({ id, quantity: batches.reduce((sum, b) => sum + heldCount(b), 0) })),
    intentIds: readyIntents.map((intent) => intent.id),
    summary: readyIntents.flatMap((intent) =>
      (intent.esims ?? []).flatMap((esim) =>
        esim ? [{ iccid: esim.iccid, package_code: intent.package_code, status: esim.status }] : []
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
