import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { releaseEsimFulfillmentsWorkflow } from "../../workflows/release-esim-fulfillments"
import { canceledAt } from "../../workflows/utils/order-cancel-state"

async function restore(container: MedusaContainer, ids: string[]): Promise<void> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  await Promise.all(ids.map((id) => fulfillment.updateFulfillment(id, canceledAt(null))))
}

/**
 * Runs before Medusa's `POST /admin/orders/:id/cancel`: the delivered eSIM fulfillment
 * would block the cancel, so it is released first, and put back if Medusa still refuses.
 * The `order.canceled` subscriber then cancels the eSIMs at esimfly.
 */
export async function releaseEsimFulfillmentsBeforeCancel(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const { result } = await releaseEsimFulfillmentsWorkflow(req.scope).run({ input: { order_id: req.params.id } })
    if (result.released.length) {
      res.on("finish", () => {
        if (res.statusCode >= 400) {
          restore(req.scope, result.released).catch((error: Error) =>
            logger.error(`esimfly: could not restore fulfillments ${result.released.join(", ")}: ${error.message}`)
          )
        }
      })
    }
  } catch (error) {
    logger.warn(`esimfly: eSIM fulfillments of order ${req.params.id} not released: ${(error as Error).message}`)
  }
  next()
}
