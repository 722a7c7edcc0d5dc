import type { EsimTopUpRow } from "../models/esim-top-up"
import type { EsimProfileRow } from "../models/esim-profile"
import { EsimUsage, TopupResult } from "../../../lib/esimfly"
import { revivedByTopUp } from "../usage"
import { claimTopUp } from "./claim"
import { settleFromTotal, topUpBought, topUpCallFailed, TopUpFields, TopUpUsage } from "./outcomes"
import type EsimModuleService from "../service"

/** What buying a top-up reads of it. */
export type BuyableTopUp = Pick<EsimTopUpRow, "id" | "iccid" | "package_code" | "quantity">

/** What settling a lost answer reads of it. */
export type UnsettledTopUp = Pick<EsimTopUpRow, "id" | "iccid" | "total_mb_before">

type MirrorFields = Partial<
  Pick<EsimProfileRow, "total_mb" | "used_mb" | "remaining_mb" | "is_unlimited" | "usage_read_at" | "expires_at">
>

/** Writes esimfly's data figures on the eSIM; a top-up esimfly confirmed also revives a DEPLETED eSIM. */
async function mirrorOnEsim(esim: EsimModuleService, iccid: string, fields: MirrorFields, bought: boolean) {
  const [profile] = await esim.listEsimProfiles({ iccid }, { take: 1 })
  if (!profile) {
    return
  }
  const lifecycle_status = bought ? revivedByTopUp(profile.lifecycle_status) : profile.lifecycle_status
  const revived = lifecycle_status !== profile.lifecycle_status ? { status_changed_at: new Date() } : {}
  await esim.updateEsimProfiles({ id: profile.id, ...fields, lifecycle_status, ...revived })
}

const usageFields = (usage: EsimUsage, at: Date): MirrorFields => ({
  total_mb: usage.data.totalMb,
  used_mb: usage.data.usedMb,
  remaining_mb: usage.data.remainingMb,
  is_unlimited: usage.data.isUnlimited ?? false,
  usage_read_at: at,
})

const boughtFields = (usage: TopUpUsage, at: Date): MirrorFields => ({
  ...(usage.total_mb !== null ? { total_mb: usage.total_mb } : {}),
  ...(usage.remaining_mb !== null ? { remaining_mb: usage.remaining_mb } : {}),
  ...(usage.expires_at ? { expires_at: usage.expires_at } : {}),
  usage_read_at: at,
})

/** Reads the eSIM's usage (and mirrors it); null when esimfly could not tell. */
async function readUsage(esim: EsimModuleService, iccid: string): Promise<EsimUsage | null> {
  const usage = await esim
    .getClient()
    .queryUsage({ iccid })
    .catch(() => null)
  if (usage) {
    await mirrorOnEsim(esim, iccid, usageFields(usage, new Date()), false)
  }
  return usage
}

async function recordBought(esim: EsimModuleService, topUp: BuyableTopUp, result: TopupResult): Promise<TopUpFields> {
  const at = new Date()
  const { fields, usage } = topUpBought(result, at)
  await esim.updateEsimTopUps({ id: topUp.id, ...fields })
  if (result.newBalance !== null && result.currency) {
    // A top-up's answer reports the balance as a create-order's does; the mirror has no source of its own for it.
    await esim.recordEsimflyBalance({
      amount: result.newBalance,
      currency: result.currency,
      read_at: at,
      source: "create_order",
    })
  }
  await mirrorOnEsim(esim, topUp.iccid, boughtFields(usage, at), true)
  return fields
}

/**
 * Buys one top-up with exactly one `POST /topup/order`: the eSIM's total_mb is read and stored
 * first, the top-up claimed (`pending` → `buying`) in one guarded update, and the outcome
 * written right after. A lost answer is settled from total_mb at once, never resent. Null when
 * another run claimed it, a cancel came, or the usage could not be read (nothing was sent).
 */
export async function buyTopUp(esim: EsimModuleService, topUp: BuyableTopUp): Promise<TopUpFields | null> {
  const usage = await readUsage(esim, topUp.iccid)
  if (!usage) {
    const error_message = "the eSIM's data total could not be read before the top-up, so nothing was sent"
    await esim.updateEsimTopUps({ id: topUp.id, error_code: "USAGE_UNREADABLE", error_message })
    return null
  }
  const claim = { kind: "buy" as const, at: new Date(), total_mb_before: usage.data.totalMb }
  if (!(await esim.runEsimSql((manager) => claimTopUp(manager, topUp.id, claim)))) {
    return null
  }
  let result: TopupResult
  try {
    const input = { iccid: topUp.iccid, packageCode: topUp.package_code, quantity: topUp.quantity }
    result = await esim.getClient().orderTopup(input)
  } catch (error) {
    const fields = topUpCallFailed(error)
    await esim.updateEsimTopUps({ id: topUp.id, ...fields })
    // Judged at once only if the total grew: one that has not may still lag, so the job decides that later.
    const unsettled = { ...topUp, total_mb_before: claim.total_mb_before }
    return fields.status === "unknown" ? settleTopUp(esim, unsettled, false) : fields
  }
  return recordBought(esim, topUp, result)
}

/**
 * Settles a top-up whose answer was lost by reading total_mb: bought when it grew; failed when
 * it did not and `final` (the usage can no longer lag); else it stays `unknown`, as it does
 * while esimfly cannot tell.
 */
export async function settleTopUp(
  esim: EsimModuleService,
  topUp: UnsettledTopUp,
  final: boolean
): Promise<TopUpFields> {
  const usage = await readUsage(esim, topUp.iccid)
  const fields = usage ? settleFromTotal(topUp.total_mb_before, usage.data.totalMb, new Date(), final) : null
  if (!fields) {
    return { status: "unknown" }
  }
  await esim.updateEsimTopUps({ id: topUp.id, ...fields })
  if (fields.status === "bought") {
    await mirrorOnEsim(esim, topUp.iccid, {}, true)
  }
  return fields
}
