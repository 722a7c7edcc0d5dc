import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CataloguePlacement } from "../types"

export const resolveEsimCataloguePlacementStepId = "resolve-esim-catalogue-placement"

export type ResolveEsimCataloguePlacementInput = { sales_channel_id: string | null }

async function salesChannelId(container: MedusaContainer, configured: string | null): Promise<string> {
  if (configured) {
    // Throws NOT_FOUND naming the id when option salesChannelId is wrong.
    return (await container.resolve(Modules.SALES_CHANNEL).retrieveSalesChannel(configured)).id
  }
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["id", "default_sales_channel_id"] })
  if (!store?.default_sales_channel_id) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      'The store has no default sales channel; set the plugin option "salesChannelId"'
    )
  }
  return store.default_sales_channel_id
}

/**
 * Where synced products go: the shipping profile of type `esim` (else the one named "eSIM";
 * created when missing, and deleted again if the run rolls back) and option `salesChannelId`, else the
 * store's default sales channel.
 */
export const resolveEsimCataloguePlacementStep = createStep(
  resolveEsimCataloguePlacementStepId,
  async (input: ResolveEsimCataloguePlacementInput, { container }) => {
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const [byType] = await fulfillment.listShippingProfiles({ type: "esim" })
    // A profile named "eSIM" of another type is reused rather than clashing with its name.
    const existing = byType ?? (await fulfillment.listShippingProfiles({ name: "eSIM" }))[0]
    const created = existing ? null : await fulfillment.createShippingProfiles({ name: "eSIM", type: "esim" })
    const profile = existing ?? created
    const placement: CataloguePlacement = {
      shipping_profile_id: profile?.id ?? "",
      sales_channel_id: await salesChannelId(container, input.sales_channel_id),
    }
    return new StepResponse(placement, created?.id ?? null)
  },
  async (createdProfileId, { container }) => {
    if (createdProfileId) {
      await container.resolve(Modules.FULFILLMENT).deleteShippingProfiles([createdProfileId])
    }
  }
)
