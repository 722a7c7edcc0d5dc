import { toast } from "@medusajs/ui"
import { esimOrderErrorText } from "../lib/format"
import { statusLabel } from "../lib/status"
import { EsimOrder } from "../lib/types"
import { useConfirmedEsimOrderAction } from "./use-confirmed-esim-order-action"
import { useRetryEsimOrder } from "./use-esim-order-actions"

function reportOutcome(esimOrder: EsimOrder) {
  if (esimOrder.status === "completed") {
    return toast.success("eSIMs bought", { description: `${esimOrder.quantity} × ${esimOrder.package_code} delivered` })
  }
  if (esimOrder.status === "pending_details") {
    return toast.info("Bought, waiting for details", {
      description: "esimfly is still provisioning; the details appear here when ready",
    })
  }
  const reason = esimOrderErrorText(esimOrder) ?? statusLabel(esimOrder.status)
  return toast.warning(`Retry ended as ${statusLabel(esimOrder.status).toLowerCase()}`, { description: reason })
}

const confirmation = (esimOrder: EsimOrder) => ({
  title: "Retry this eSIM purchase?",
  description: `This asks esimfly again for ${esimOrder.quantity} × ${esimOrder.package_code} and may spend your esimfly balance. If an earlier answer was lost, the order is looked up first so nothing is bought twice.`,
  confirmText: "Retry purchase",
  cancelText: "Cancel",
  variant: "confirmation" as const,
})

/** Retry with a confirmation first, because a retry may spend esimfly balance; reports the outcome in a toast. */
export const useConfirmedRetry = () =>
  useConfirmedEsimOrderAction({
    mutation: useRetryEsimOrder(),
    confirmation,
    onSuccess: ({ esim_order }) => reportOutcome(esim_order),
    failure: "Retry failed",
  })

/** What a row needs to show an eSIM order with its retry button. */
export type RetryableRowProps = {
  esimOrder: EsimOrder
  balanceCurrency?: string
  retrying: boolean
  onRetry: (esimOrder: EsimOrder) => void
}

/** The confirmed retry as each row's props: only the row whose eSIM order is being retried shows it running. */
export const useRetryableRows = (balanceCurrency?: string) => {
  const { run, pendingId } = useConfirmedRetry()
  return (esimOrder: EsimOrder): RetryableRowProps => ({
    esimOrder,
    balanceCurrency,
    retrying: pendingId === esimOrder.id,
    onRetry: run,
  })
}
