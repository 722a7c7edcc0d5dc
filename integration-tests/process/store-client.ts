import { adminHeaders, storeHeaders } from "../fixtures/auth"
import { checkoutEsimCart } from "../fixtures/checkout"
import { TestApi } from "../fixtures/http-client"
import { EsimOrderEvent } from "../../src/modules/esim/purchase"
import { httpApi } from "./http-api"
import type { ProcessSeed } from "./seed-store"

export type EsimOrder = {
  id: string
  status: string
  idempotency_key: string
  esimfly_order_reference: string | null
  fulfillment_id: string | null
  history: { events: EsimOrderEvent[] } | null
  esims: { iccid: string }[] | null
}

type Fulfillment = { provider_id: string; delivered_at: string | null }
type Notification = { to: string; template: string; data: { order_id: string; esims: { iccid: string }[] } }

/** The store and admin API of a Medusa running in another process, as the seeded customer and admin. */
export class StoreClient {
  readonly api: TestApi

  constructor(
    baseUrl: string,
    private readonly seed: ProcessSeed
  ) {
    this.api = httpApi(baseUrl)
  }

  /** Checks out `quantity` eSIMs of a package as the seeded customer, through the store API. */
  async placeOrder(code: string, quantity: number): Promise<{ id: string }> {
    const customerHeaders = storeHeaders(this.seed.publishableKey.token, this.seed.customer.token)
    const lines = [{ variantId: this.seed.esimProducts[code].variant.id, quantity }]
    const { order } = await checkoutEsimCart(this.api, this.seed, { customerHeaders, lines })
    return order
  }

  async esimOrders(orderId: string): Promise<EsimOrder[]> {
    const { data } = await this.api.get<{ esim_orders: EsimOrder[] }>(
      `/admin/esim-orders?order_id=${orderId}`,
      this.admin()
    )
    return data.esim_orders
  }

  async fulfillments(orderId: string): Promise<Fulfillment[]> {
    const fields = "id,*fulfillments"
    const { data } = await this.api.get<{ order: { fulfillments: Fulfillment[] } }>(
      `/admin/orders/${orderId}?fields=${fields}`,
      this.admin()
    )
    return data.order.fulfillments
  }

  /** What the Notification Module stored for the seeded customer (the local provider "sends" it). */
  async notifications(): Promise<Notification[]> {
    const to = encodeURIComponent(this.seed.customer.email)
    const { data } = await this.api.get<{ notifications: Notification[] }>(
      `/admin/notifications?to=${to}`,
      this.admin()
    )
    return data.notifications
  }

  /** The eSIMs the shopper sees in their account. */
  async customerEsims(): Promise<{ iccid: string; order_id: string }[]> {
    const headers = storeHeaders(this.seed.publishableKey.token, this.seed.customer.token)
    const { data } = await this.api.get<{ esims: { iccid: string; order_id: string }[] }>(
      "/store/customers/me/esims",
      headers
    )
    return data.esims
  }

  async balance(): Promise<{ amount: number; currency: string; source: string; age_seconds: number }> {
    const { data } = await this.api.get<{
      balance: { amount: number; currency: string; source: string; age_seconds: number }
    }>("/admin/esimfly/balance", this.admin())
    return data.balance
  }

  private admin() {
    return adminHeaders(this.seed.adminToken)
  }
}

/** Polls until `check` returns a value (not undefined/false), or fails naming what it waited for. */
export async function waitFor<T>(
  label: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 60_000
): Promise<T> {
  const until = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < until) {
    try {
      const value = await check()
      if (value !== undefined && value !== false) {
        return value
      }
    } catch (error) {
      last = error
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${label}${last ? ` (last error: ${(last as Error).message})` : ""}`
  )
}
