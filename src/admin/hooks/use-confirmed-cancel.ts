import { toast, usePrompt } from "@medusajs/ui"
import { requestErrorText } from "../lib/format"
import { EsimOrder } from "../lib/types"
import { useCancelEsimOrder } from "./use-esim-order-actions"

/** Cancel at esimfly with a confirmation first, because it cannot be undone; reports the outcome in a toast. */
export const useConfirmedCancel = () => {
  const prompt = usePrompt()
  const cancel = useCancelEsimOrder()

  const run = async (esimOrder: EsimOrder) => {
    const confirmed = await prompt({
      title: "Cancel these eSIMs at esimfly?",
      description: `esimfly cancels every eSIM of this batch (${esimOrder.quantity} × ${esimOrder.package_code}) that is not installed yet and refunds them to your esimfly balance. The shopper can no longer install them. This cannot be undone, and it does not refund the shopper.`,
      confirmText: "Cancel at esimfly",
      cancelText: "Keep them",
      variant: "danger",
    })
    if (!confirmed) {
      return
    }
    cancel.mutate(esimOrder.id, {
      onSuccess: ({ cancel: outcome }) =>
        outcome.outcome === "canceled"
          ? toast.success("Canceled at esimfly", { description: outcome.message ?? undefined })
          : toast.warning("Not canceled", { description: outcome.message ?? outcome.outcome }),
      onError: (error) => toast.error("Cancel failed", { description: requestErrorText(error) }),
    })
  }

  return { run, pendingId: cancel.isPending ? cancel.variables : undefined }
}
