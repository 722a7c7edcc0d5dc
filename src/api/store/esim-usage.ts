import { MedusaContainer } from "@medusajs/framework/types"
import { StoreEsim, toStoreEsim } from "../../modules/esim/delivery"
import { refreshEsimUsageWorkflow } from "../../workflows/refresh-esim-usage"
import { findOwnedEsim, OwnedEsimRequest } from "./owned-esim"

/** `refreshed`: esimfly was asked now; false inside the cache window or when esimfly failed (the mirror answers). */
export type StoreRefreshEsimResponse = { esim: StoreEsim; refreshed: boolean }

/** Refreshes the caller's own eSIM; anyone else gets the 404 of an unknown ICCID, before esimfly is asked. */
export async function refreshOwnedEsim(
  scope: MedusaContainer,
  input: OwnedEsimRequest
): Promise<StoreRefreshEsimResponse> {
  const owned = await findOwnedEsim(scope, input)
  const { result } = await refreshEsimUsageWorkflow(scope).run({ input: { iccid: owned.iccid } })
  return { esim: await toStoreEsim(result.profile), refreshed: result.refreshed }
}
