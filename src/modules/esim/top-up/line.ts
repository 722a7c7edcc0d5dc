import { createHmac, timingSafeEqual } from "node:crypto"
import type { EsimTopUpRow } from "../models/esim-top-up"

/** The line item metadata key of a top-up line. */
export const TOP_UP_METADATA_KEY = "esim_top_up"

/** What a top-up line carries: the eSIM, the package and the server's seal over them and the price. */
export type TopUpLineMetadata = {
  iccid: string
  package_code: string
  seal: string
  /** For display only (not sealed): the package's name and data. */
  package_name: string | null
  data_mb: number | null
}

type Sealed = { iccid: string; package_code: string; unit_price: number; currency_code: string }

/**
 * The seal binds the ICCID, package, unit price and currency the route checked: a shopper can
 * edit a line's metadata through the store API, but cannot forge a seal, so a line edited to
 * another eSIM or a dearer package buys nothing. Keyed by a key derived from the esimfly secret.
 */
export function sealTopUpLine(secret: string, line: Sealed): string {
  const key = createHmac("sha256", secret).update("esim-top-up-line").digest()
  const price = Number(line.unit_price).toFixed(4)
  const text = [line.iccid, line.package_code, price, line.currency_code.toLowerCase()].join("\n")
  return createHmac("sha256", key).update(text).digest("hex")
}

function sealMatches(secret: string, line: Sealed, seal: string): boolean {
  const expected = Buffer.from(sealTopUpLine(secret, line), "hex")
  const given = Buffer.from(seal, "hex")
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export type TopUpOrderItem = {
  id: string
  quantity: number | string
  unit_price: number | string
  variant_id?: string | null
  metadata?: Record<string, unknown> | null
}

export type TopUpOrder = {
  id: string
  email?: string | null
  customer_id?: string | null
  currency_code: string
  items?: (TopUpOrderItem | null)[] | null
}

/** A top-up row to create for an order line, before anything is sent. */
export type TopUpDraft = Pick<
  EsimTopUpRow,
  | "order_id"
  | "line_item_id"
  | "customer_id"
  | "email"
  | "iccid"
  | "package_code"
  | "package_name"
  | "data_mb"
  | "quantity"
  | "currency_code"
  | "status"
  | "error_code"
  | "error_message"
> & { amount: number }

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null)

/** The top-up on an order line, or null when the line is not one. */
function draftOf(order: TopUpOrder, item: TopUpOrderItem, secret: string): TopUpDraft | null {
  const meta = item.metadata?.[TOP_UP_METADATA_KEY] as Partial<TopUpLineMetadata> | undefined
  const iccid = text(meta?.iccid)
  const package_code = text(meta?.package_code)
  if (!meta || typeof meta !== "object" || !iccid || !package_code) {
    return null
  }
  const unit_price = Number(item.unit_price)
  const quantity = Math.max(1, Math.floor(Number(item.quantity)))
  const sealed = { iccid, package_code, unit_price, currency_code: order.currency_code }
  const intact = !item.variant_id && typeof meta.seal === "string" && sealMatches(secret, sealed, meta.seal)
  return {
    order_id: order.id,
    line_item_id: item.id,
    customer_id: order.customer_id ?? null,
    email: order.email ?? null,
    iccid,
    package_code,
    package_name: text(meta.package_name),
    data_mb: typeof meta.data_mb === "number" && Number.isFinite(meta.data_mb) ? Math.round(meta.data_mb) : null,
    quantity,
    amount: unit_price * quantity,
    currency_code: order.currency_code,
    status: intact ? "pending" : "failed",
    error_code: intact ? null : "TOP_UP_LINE_NOT_SEALED",
    error_message: intact
      ? null
      : "the line's eSIM, package or price is not the one the store offered; nothing is sent",
  }
}

/** One top-up per top-up line of the order; a line whose seal does not match is recorded failed, never bought. */
export function planTopUps(order: TopUpOrder, secret: string): TopUpDraft[] {
  return (order.items ?? []).flatMap((item) => {
    const draft = item ? draftOf(order, item, secret) : null
    return draft ? [draft] : []
  })
}
