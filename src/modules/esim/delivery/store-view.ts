import type { EsimProfileRow } from "../models/esim-profile"
import { InstallDetails, installDetails } from "./install-details"

/** The columns of an eSIM profile that a shopper may see. */
export type StoreEsimSource = Pick<
  EsimProfileRow,
  | "id"
  | "order_id"
  | "line_item_id"
  | "iccid"
  | "status"
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
>

/** The source columns with the install details rendered in place of the raw ones. */
export type StoreEsim = Omit<StoreEsimSource, keyof InstallDetails> & InstallDetails

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
    status: profile.status,
    package_code: profile.package_code,
    package_name: profile.package_name,
    data_amount: profile.data_amount,
    validity_days: profile.validity_days,
    ...(await installDetails(profile)),
    created_at: profile.created_at,
  }
}

export async function toStoreEsims(profiles: StoreEsimSource[]): Promise<StoreEsim[]> {
  return Promise.all(profiles.map(toStoreEsim))
}
