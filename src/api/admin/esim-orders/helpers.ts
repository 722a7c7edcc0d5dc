import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../../modules/esim"
import { installDetails, InstallSource } from "../../../modules/esim/delivery"
import {
  EligibilityOrder,
  IneligibleReason,
  planEsimOrders,
  PlannableOrder,
  PURCHASE_ELIGIBILITY_FIELDS,
  purchaseEligibility,
} from "../../../modules/esim/purchase"
import EsimModuleService from "../../../modules/esim/service"

/** One eSIM order with its eSIMs, as the admin API returns it; 404 when it does not exist. */
export async function retrieveEsimOrder(container: MedusaContainer, id: string) {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const [esimOrder] = await esim.listEsimOrders({ id }, { relations: ["esims"] })
  if (!esimOrder) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `eSIM order ${id} was not found`)
  }
  const [withQr] = await withQrCodes([esimOrder])
  return withQr
}

/** Adds each eSIM's install details (QR data URL, manual codes, links) for the admin. */
export async function withQrCodes<T extends { esims?: unknown[] | null }>(esimOrders: T[]): Promise<T[]> {
  return Promise.all(
    esimOrders.map(async (esimOrder) => ({
      ...esimOrder,
      esims: await Promise.all(
        (esimOrder.esims ?? []).map(async (esim) => ({
          ...(esim as object),
          ...(await installDetails(esim as InstallSource)),
        }))
      ),
    }))
  )
}

/** Why an order's eSIMs are not bought yet ("awaiting_capture", …), or null when it has none or may buy. */
export async function purchaseHoldOf(container: MedusaContainer, orderId: string): Promise<IneligibleReason | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fields = [...PURCHASE_ELIGIBILITY_FIELDS, "items.*", "items.variant.metadata"]
  const { data } = await query.graph({ entity: "order", fields, filters: { id: orderId } })
  const order: (PlannableOrder & EligibilityOrder) | undefined = data[0]
  if (!order || !planEsimOrders(order).length) {
    return null
  }
  const eligibility = purchaseEligibility(order, container.resolve<EsimModuleService>(ESIM_MODULE).getOptions().buyWhen)
  return eligibility.eligible ? null : eligibility.reason
}
