import { toast, usePrompt } from "@medusajs/ui"
import type { UseMutationResult } from "@tanstack/react-query"
import { requestErrorText } from "../lib/format"
import { EsimOrder } from "../lib/types"

type PromptProps = Parameters<ReturnType<typeof usePrompt>>[0]

type ConfirmedActionOptions<TData> = {
  /** A mutation that takes the eSIM order's id. */
  mutation: UseMutationResult<TData, Error, string>
  confirmation: (esimOrder: EsimOrder) => PromptProps
  onSuccess: (data: TData) => void
  /** The toast's title when the request fails. */
  failure: string
}

/** Runs an eSIM order action only after the admin confirms it; pendingId is the eSIM order it runs on. */
export function useConfirmedEsimOrderAction<TData>({
  mutation,
  confirmation,
  onSuccess,
  failure,
}: ConfirmedActionOptions<TData>) {
  const prompt = usePrompt()

  const run = async (esimOrder: EsimOrder) => {
    const confirmed = await prompt(confirmation(esimOrder))
    if (!confirmed) {
      return
    }
    mutation.mutate(esimOrder.id, {
      onSuccess,
      onError: (error) => toast.error(failure, { description: requestErrorText(error) }),
    })
  }

  return { run, pendingId: mutation.isPending ? mutation.variables : undefined }
}
