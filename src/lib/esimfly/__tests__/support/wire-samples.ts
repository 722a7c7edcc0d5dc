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

const networks = [{ locationName: "Turkey", operatorList: [{ operatorName: "Turkcell", networkType: "4G" }] }]

/** Each field of one documented package of GET /packages: as esimfly sends it, and as the client reads it. */
const PACKAGE_FIELDS: [wire: string, sent: unknown, read: keyof Package, value: unknown][] = [
  ["package_code", "TR1GB7D", "packageCode", "TR1GB7D"],
  ["name", "Turkey 1GB 7Days", "name", "Turkey 1GB 7Days"],
  ["region", "Turkey", "region", "Turkey"],
  ["type", "local", "type", "local"],
  ["data_amount_gb", 1, "dataAmountGb", 1],
  ["validity_days", 7, "validityDays", 7],
  ["cost", "2.72", "cost", 2.72],
  ["currency", "USD", "currency", "USD"],
  [
    "features",
    { voice_minutes: null, sms_count: 0, is_rechargeable: true },
    "features",
    { voiceMinutes: null, smsCount: 0, isRechargeable: true },
  ],
  ["is_unlimited", false, "isUnlimited", false],
  ["has_voice", false, "hasVoice", false],
  ["has_sms", false, "hasSms", false],
  ["locationNetworkList", networks, "locationNetworkList", networks],
  ["countries", ["TR"], "countries", ["TR"]],
]

export const packageWire = Object.fromEntries(PACKAGE_FIELDS.map(([wire, sent]) => [wire, sent]))

/** What the client reads from `packageWire`. */
export const packageRead = Object.fromEntries(PACKAGE_FIELDS.map(([, , read, value]) => [read, value])) as Package
