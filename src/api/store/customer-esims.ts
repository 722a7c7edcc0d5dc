import { MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"
import { StoreEsim, toStoreEsims } from "../../modules/esim/store-view"
import { StoreListCustomerEsims } from "./validators"

export type StoreCustomerEsimsResponse = { esims: StoreEsim[]; count: number; limit: number; offset: number }

/** One page of a customer's own eSIMs, newest first; the filter on the customer is not optional. */
export async function listCustomerEsims(
  scope: MedusaContainer,
  customerId: string,
  params: StoreListCustomerEsims
): Promise<StoreCustomerEsimsResponse> {
  const esim = scope.resolve<EsimModuleService>(ESIM_MODULE)
  const filters = { customer_id: customerId, ...(params.order_id ? { order_id: params.order_id } : {}) }
  const order = { created_at: "DESC" as const, id: "DESC" as const }
  const config = { skip: params.offset, take: params.limit, order }
  const [profiles, count] = await esim.listAndCountEsimProfiles(filters, config)
  return { esims: await toStoreEsims(profiles), count, limit: params.limit, offset: params.offset }
}
