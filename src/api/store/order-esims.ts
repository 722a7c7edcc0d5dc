import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"
import { StoreEsimWithTopUps, toStoreEsimsWithTopUps } from "../../modules/esim/delivery"
import { readStoreTopUps } from "./esim-top-ups"
import { canReadOrderEsims } from "./order-esims-access"

export type OrderEsimsRequest = { order_id: string; actor_id?: string; token?: string }

export type StoreOrderEsimsResponse = { esims: StoreEsimWithTopUps[] }

/** One error for an unknown order and a forbidden one, so a caller cannot tell them apart. */
export function orderNotFound(orderId: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
}

type OrderOwner = { customer_id: string | null }

async function findOrderOwner(scope: MedusaContainer, orderId: string): Promise<OrderOwner | undefined> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderId } })
  const order = data[0] as { customer_id?: string | null } | undefined
  return order ? { customer_id: order.customer_id ?? null } : undefined
}

/** Who asks: the authenticated customer, if any, and the token from the delivery email, if sent. */
export type OrderCaller = { actor_id?: string; token?: string }

/** Whether the order exists and the caller is its customer or holds its live delivery token. */
export async function orderAccess(scope: MedusaContainer, orderId: string, caller: OrderCaller): Promise<boolean> {
  const esim = scope.resolve<EsimModuleService>(ESIM_MODULE)
  // Both lookups always run, so an unknown order and a forbidden one cost the same.
  const [order, [delivery]] = await Promise.all([
    findOrderOwner(scope, orderId),
    esim.listEsimDeliveries({ order_id: orderId }, { take: 1 }),
  ])
  const access = {
    actor_id: caller.actor_id,
    token: caller.token,
    order_customer_id: order?.customer_id ?? null,
    token_hash: delivery?.access_token_hash,
    token_expires_at: delivery?.access_token_expires_at,
  }
  return Boolean(order) && canReadOrderEsims(access)
}

/** The eSIMs of one order for its customer or its token holder; anyone else gets a 404. */
export async function readOrderEsims(
  scope: MedusaContainer,
  input: OrderEsimsRequest
): Promise<StoreOrderEsimsResponse> {
  if (!(await orderAccess(scope, input.order_id, input))) {
    throw orderNotFound(input.order_id)
  }
  const esim = scope.resolve<EsimModuleService>(ESIM_MODULE)
  const orderBy = { created_at: "ASC" as const, id: "ASC" as const }
  const profiles = await esim.listEsimProfiles({ order_id: input.order_id }, { take: null, order: orderBy })
  const topUps = await readStoreTopUps(
    scope,
    profiles.map((profile) => profile.iccid)
  )
  return { esims: await toStoreEsimsWithTopUps(profiles, topUps) }
}
