import { toast } from "@medusajs/ui"
import { EsimOrder } from "../lib/types"
import { useConfirmedEsimOrderAction } from "./use-confirmed-esim-order-action"
import { useCancelEsimOrder } from "./use-esim-order-actions"

const confirmation = (esimOrder: EsimOrder) => ({
  title: "Cancel these eSIMs at esimfly?",
  description: `esimfly cancels every eSIM of this batch (${esimOrder.quantity} × ${esimOrder.package_code}) that is not installed yet and refunds them to your esimfly balance. The shopper can no longer install them. This cannot be undone, and it does not refund the shopper.`,
  confirmText: "Cancel at esimfly",
  cancelText: "Keep them",
  variant: "danger" as const,
})

/** Cancel at esimfly with a confirmation first, because it cannot be undone; reports the outcome in a toast. */
export const useConfirmedCancel = () =>
  useConfirmedEsimOrderAction({
    mutation: useCancelEsimOrder(),
    confirmation,
    onSuccess: ({ cancel: outcome }) =>
      outcome.outcome === "canceled"
        ? toast.success("Canceled at esimfly", { description: outcome.message ?? undefined })
        : toast.warning("Not canceled", { description: outcome.message ?? outcome.outcome }),
    failure: "Cancel failed",
  })
