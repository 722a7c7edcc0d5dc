import { authenticate } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"
import type { EsimProfileRow } from "../../modules/esim/models/esim-profile"
import { orderAccess } from "./order-esims"
import { privateNoStore } from "./no-store"
import { requireSafeIdParam } from "../utils/id-param"

export type OwnedEsimRequest = { iccid: string; actor_id?: string; token?: string }

/** One error for an unknown eSIM and someone else's, so a caller cannot tell them apart. */
export function esimNotFound(iccid: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `eSIM with ICCID: ${iccid} was not found`)
}

/**
 * The eSIM with this ICCID when the caller may read it: the customer of its order, or the
 * holder of the token from that order's delivery email. Anyone else gets the 404 of an unknown ICCID.
 */
export async function findOwnedEsim(scope: MedusaContainer, input: OwnedEsimRequest): Promise<EsimProfileRow> {
  const esim = scope.resolve<EsimModuleService>(ESIM_MODULE)
  const [profile] = await esim.listEsimProfiles({ iccid: input.iccid }, { take: 1 })
  if (!profile) {
    throw esimNotFound(input.iccid)
  }
  if (!(await orderAccess(scope, profile.order_id, input))) {
    throw esimNotFound(input.iccid)
  }
  return profile
}

/** What every `/store/esims/:iccid/...` route runs first: uncached, an optional customer, a sane ICCID. */
export const ownedEsimRouteMiddlewares = [
  privateNoStore,
  authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
  requireSafeIdParam(esimNotFound, "iccid"),
]
