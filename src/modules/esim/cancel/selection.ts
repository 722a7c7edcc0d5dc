/** Which eSIM orders of one Medusa order a cancel run looks at. */
export type CancelSelection = {
  order_id: string
  /** Only these lines; every eSIM line of the order when left out. */
  line_item_ids?: string[]
  /** Only these eSIM orders, asked for by an admin: esimfly is asked again even after an earlier outcome. */
  esim_order_ids?: string[]
  /** Only eSIM orders whose cancel was asked for (a purchase run finishing a cancel that came meanwhile). */
  requested_only?: boolean
}

/** The `esim_order` filters of a selection. */
export const cancelFilters = (selection: CancelSelection) => ({
  order_id: selection.order_id,
  ...(selection.line_item_ids ? { line_item_id: selection.line_item_ids } : {}),
  ...(selection.esim_order_ids ? { id: selection.esim_order_ids } : {}),
  ...(selection.requested_only ? { cancel_requested_at: { $ne: null } } : {}),
})
