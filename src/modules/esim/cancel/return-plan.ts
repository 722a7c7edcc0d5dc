/** One line of a Medusa return: the order line item and how many came back (received or damaged). */
export type ReturnedItem = {
  item_id: string
  received_quantity: number | string | null
  damaged_quantity?: number | string | null
}

export type PartialReturn = { line_item_id: string; returned: number; ordered: number }

export type ReturnedLines = {
  /** eSIM lines of this return that are now returned in full: cancel them at esimfly. */
  full: string[]
  /** eSIM lines of this return returned only in part: esimfly cancels whole batches, so they are left. */
  partial: PartialReturn[]
}

const count = (value: number | string | null | undefined) => Number(value ?? 0) || 0

/**
 * Which eSIM lines a received return settles. A line counts as returned once every return
 * of the order together brought back its full quantity; a cancel at esimfly takes whole
 * batches, so a partial return must not cancel eSIMs the shopper keeps.
 */
export function returnedEsimLines(
  esimOrders: { line_item_id: string; quantity: number }[],
  allReturnedItems: ReturnedItem[],
  thisReturnItemIds: string[]
): ReturnedLines {
  const ordered = new Map<string, number>()
  for (const esimOrder of esimOrders) {
    ordered.set(esimOrder.line_item_id, (ordered.get(esimOrder.line_item_id) ?? 0) + esimOrder.quantity)
  }
  const returned = new Map<string, number>()
  for (const item of allReturnedItems) {
    returned.set(
      item.item_id,
      (returned.get(item.item_id) ?? 0) + count(item.received_quantity) + count(item.damaged_quantity)
    )
  }
  const lines = [...new Set(thisReturnItemIds)].filter((id) => ordered.has(id) && (returned.get(id) ?? 0) > 0)
  return {
    full: lines.filter((id) => (returned.get(id) ?? 0) >= (ordered.get(id) ?? 0)),
    partial: lines
      .filter((id) => (returned.get(id) ?? 0) < (ordered.get(id) ?? 0))
      .map((id) => ({ line_item_id: id, returned: returned.get(id) ?? 0, ordered: ordered.get(id) ?? 0 })),
  }
}
