import type { EsimProfileRow } from "../models/esim-profile"
import type { EsimTopUpRow } from "../models/esim-top-up"
import { StoreTopUp, topUpsByIccid } from "../top-up"
import type { EsimLifeField } from "../usage"
import { InstallDetails, installDetails } from "./install-details"

/** The columns of an eSIM profile that a shopper may see. */
export type StoreEsimSource = Pick<
  EsimProfileRow,
  | "id"
  | "order_id"
  | "line_item_id"
  | "iccid"
  | "package_code"
  | "package_name"
  | "data_amount"
  | "validity_days"
  | "lpa"
  | "smdp_address"
  | "activation_code"
  | "apple_install_url"
  | "android_install_url"
  | "created_at"
  | EsimLifeField
>

/** The eSIM's life as the mirror holds it (docs/esim-life.md); figures are null before any reading. */
export type StoreEsimLife = {
  status: EsimProfileRow["lifecycle_status"]
  installed_at: Date | null
  expires_at: Date | null
  /** Unlimited plans: `unlimited` true and total/remaining null, never "0 left". */
  data: {
    total_mb: number | null
    used_mb: number | null
    remaining_mb: number | null
    unlimited: boolean
    read_at: Date | null
  }
}

/** The source columns with the install details rendered in place of the raw ones, and the life grouped. */
export type StoreEsim = Omit<StoreEsimSource, keyof InstallDetails | EsimLifeField> & InstallDetails & StoreEsimLife

/** Read from the mirror only: a store view never calls esimfly. */
export function storeEsimLife(profile: Pick<EsimProfileRow, EsimLifeField>): StoreEsimLife {
  const unlimited = profile.is_unlimited
  return {
    status: profile.lifecycle_status,
    installed_at: profile.installed_at ?? null,
    expires_at: profile.expires_at ?? null,
    data: {
      total_mb: unlimited ? null : (profile.total_mb ?? null),
      used_mb: profile.used_mb ?? null,
      remaining_mb: unlimited ? null : (profile.remaining_mb ?? null),
      unlimited,
      read_at: profile.usage_read_at ?? null,
    },
  }
}

/**
 * The shopper's view of one eSIM. Fields are picked one by one, so nothing else on the
 * row (its owner, its esimfly eSIM order) can reach a store response by accident.
 */
export async function toStoreEsim(profile: StoreEsimSource): Promise<StoreEsim> {
  return {
    id: profile.id,
    order_id: profile.order_id,
    line_item_id: profile.line_item_id,
    iccid: profile.iccid,
    package_code: profile.package_code,
    package_name: profile.package_name,
    data_amount: profile.data_amount,
    validity_days: profile.validity_days,
    ...(await installDetails(profile)),
    created_at: profile.created_at,
    // The eSIM's life (usage mirror): status, dates and data left.
    ...storeEsimLife(profile),
  }
}

export async function toStoreEsims(profiles: StoreEsimSource[]): Promise<StoreEsim[]> {
  return Promise.all(profiles.map(toStoreEsim))
}

// Top-ups on the store view (docs/top-ups.md): stored rows only, no esimfly call in a store read.

/** A store eSIM with the top-ups bought (or being bought) for it, oldest first. */
export type StoreEsimWithTopUps = StoreEsim & { top_ups: StoreTopUp[] }

/** The store view of each eSIM with its top-ups attached by ICCID. */
export async function toStoreEsimsWithTopUps(
  profiles: StoreEsimSource[],
  topUps: (StoreTopUp & Pick<EsimTopUpRow, "iccid">)[]
): Promise<StoreEsimWithTopUps[]> {
  const byIccid = topUpsByIccid(topUps)
  const esims = await toStoreEsims(profiles)
  return esims.map((esim) => ({ ...esim, top_ups: byIccid.get(esim.iccid) ?? [] }))
}
