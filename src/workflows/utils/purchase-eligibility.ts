import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import {
  EligibilityOrder,
  PURCHASE_ELIGIBILITY_FIELDS,
  purchaseEligibility,
  PurchaseEligibility,
} from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"

/** Reads the one order's status and payments and decides, under the merchant's `buyWhen`, whether it may buy. */
export async function readPurchaseEligibility(
  container: MedusaContainer,
  orderId: string
): Promise<PurchaseEligibility> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: PURCHASE_ELIGIBILITY_FIELDS, filters: { id: orderId } })
  const order: EligibilityOrder | undefined = data[0]
  return purchaseEligibility(order, container.resolve<EsimModuleService>(ESIM_MODULE).getOptions().buyWhen)
}

/**
 * Whether the order may still buy, read right before a batch. A canceled or vanished order
 * is recorded as a cancel on all its eSIM orders; one waiting (for a capture, say) keeps them pending.
 */
export async function mayStillBuy(container: MedusaContainer, orderId: string): Promise<boolean> {
  const eligibility = await readPurchaseEligibility(container, orderId)
  if (!eligibility.eligible && (eligibility.reason === "canceled" || eligibility.reason === "not_found")) {
    await container.resolve<EsimModuleService>(ESIM_MODULE).requestEsimOrdersCancel({ order_id: orderId }, new Date())
  }
  return eligibility.eligible
}
