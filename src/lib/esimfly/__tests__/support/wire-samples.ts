import { Package } from "../../types"

/** One row of GET /orders/history as esimfly documents it (snake_case on the wire). */
export const historyOrderWire = {
  id: 12345,
  order_reference: "ES-1234567890-ABC",
  package_name: "United States 1GB 7Days",
  package_code: "PHAJHEAYP",
  amount: 1.44,
  currency: "USD",
  status: "completed",
  flag_url: null,
  created_at: "2024-01-15T10:30:00Z",
}

/** One package of GET /packages as esimfly documents it. */
export const packageWire = {
  package_code: "TR1GB7D",
  name: "Turkey 1GB 7Days",
  region: "Turkey",
  type: "local",
  data_amount_gb: 1,
  validity_days: 7,
  cost: "2.72",
  currency: "USD",
  features: { voice_minutes: null, sms_count: 0, is_rechargeable: true },
  is_unlimited: false,
  has_voice: false,
  has_sms: false,
  locationNetworkList: [{ locationName: "Turkey", operatorList: [{ operatorName: "Turkcell", networkType: "4G" }] }],
  countries: ["TR"],
}

/** What the client reads from `packageWire`. */
export const packageRead: Package = {
  packageCode: "TR1GB7D",
  name: "Turkey 1GB 7Days",
  region: "Turkey",
  type: "local",
  dataAmountGb: 1,
  validityDays: 7,
  cost: 2.72,
  currency: "USD",
  features: { voiceMinutes: null, smsCount: 0, isRechargeable: true },
  isUnlimited: false,
  hasVoice: false,
  hasSms: false,
  locationNetworkList: [{ locationName: "Turkey", operatorList: [{ operatorName: "Turkcell", networkType: "4G" }] }],
  countries: ["TR"],
}
