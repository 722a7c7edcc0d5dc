import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../../modules/esim"
import EsimModuleService from "../../../modules/esim/service"

/** One intent with its eSIMs, as the admin API returns it; 404 when it does not exist. */
export async function retrieveEsimOrder(container: MedusaContainer, id: string) {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const [intent] = await esim.listEsimOrders({ id }, { relations: ["esims"] })
  if (!intent) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `eSIM order ${id} was not found`)
  }
  return intent
}
