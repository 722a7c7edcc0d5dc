import { MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"

/** Top-ups nothing was sent for, which a cancel closes at once. */
const CLOSABLE = ["pending", "held", "failed"]

/**
 * Records a cancel on the order's top-ups (the first time it was asked for is kept), so the
 * guarded claim never buys them, and closes the ones not bought: `canceled`. A top-up that
 * is bought (or on its way) stays as it is: esimfly cannot cancel a top-up, and the order's
 * refund is Medusa's as usual.
 */
export async function requestTopUpsCancel(container: MedusaContainer, orderId: string): Promise<number> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const at = new Date()
  await esim.updateEsimTopUps({
    selector: { order_id: orderId, cancel_requested_at: null },
    data: { cancel_requested_at: at },
  })
  const closed = await esim.updateEsimTopUps({
    selector: { order_id: orderId, status: CLOSABLE },
    data: { status: "canceled" },
  })
  return closed.length
}
