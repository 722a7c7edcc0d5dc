import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"
import { StoreEsimWithTopUps, toStoreEsimsWithTopUps } from "../../modules/esim/delivery"
import { readStoreTopUps } from "./esim-top-ups"
import { StoreListCustomerEsims } from "./validators"

export type StoreCustomerEsimsResponse = { esims: StoreEsimWithTopUps[]; count: number; limit: number; offset: number }

/**
 * The customer's orders as Medusa has them now: an order transferred to another customer
 * takes its eSIMs along (`esim_profile.customer_id` only records the buyer).
 */
async function ownedOrderIds(scope: MedusaContainer, customerId: string, orderId?: string): Promise<string[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters = { customer_id: customerId, ...(orderId ? { id: orderId } : {}) }
  const { data } = await query.graph({ entity: "order", fields: ["id"], filters })
  return data.map((order) => order.id)
}

/** One page of a customer's own eSIMs, newest first; the filter on the customer's orders is not optional. */
export async function listCustomerEsims(
  scope: MedusaContainer,
  customerId: string,
  params: StoreListCustomerEsims
): Promise<StoreCustomerEsimsResponse> {
  const orderIds = await ownedOrderIds(scope, customerId, params.order_id)
  if (!orderIds.length) {
    return { esims: [], count: 0, limit: params.limit, offset: params.offset }
  }
  const esim = scope.resolve<EsimModuleService>(ESIM_MODULE)
  const order = { created_at: "DESC" as const, id: "DESC" as const }
  const config = { skip: params.offset, take: params.limit, order }
  const [profiles, count] = await esim.listAndCountEsimProfiles({ order_id: orderIds }, config)
  const topUps = await readStoreTopUps(
    scope,
    profiles.map((profile) => profile.iccid)
  )
  const esims = await toStoreEsimsWithTopUps(profiles, topUps)
  return { esims, count, limit: params.limit, offset: params.offset }
}
