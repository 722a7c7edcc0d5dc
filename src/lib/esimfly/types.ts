/** One eSIM; install routes are derived from the LPA when esimfly leaves them out. */
export type Esim = {
  iccid: string
  /** `LPA:1$<smdp>$<code>`, from `lpaString` or recovered from the Apple link's `carddata`. */
  lpa: string | null
  smdpAddress: string | null
  activationCode: string | null
  /** Data URL or https URL; null when esimfly sent none or "". */
  qrCodeUrl: string | null
  appleInstallUrl: string | null
  androidInstallUrl: string | null
  status: string | null
  profileStatus: string | null
  simStatus: string | null
  esimStatus: string | null
  /** Bytes (`total_volume` in create-order, `totalVolume` in status). */
  totalVolume: number | null
  totalDuration: number | null
  expiredTime: string | null
  unlimited: boolean | null
}

/** Result of create-order, completed or pending. */
export type CreateOrderResult = {
  orderReference: string
  /** esimfly's status: "completed", "pending_details", or a newer value. */
  status: string
  /** True while eSIM details are still being provisioned, or fewer than ordered arrived: poll getOrder, never re-order. */
  pending: boolean
  /** True when esimfly replayed an earlier order for the same idempotency key. */
  duplicate: boolean
  esimId: number | null
  packageName: string | null
  currency: string | null
  newBalance: number | null
  amount: number | null
  finalPrice: number | null
  profit: number | null
  paymentMethod: string | null
  processingTimeMs: number | null
  message: string | null
  note: string | null
  /** Real eSIMs only; `PENDING_` placeholders are dropped. */
  esims: Esim[]
}

/** Result of the order status check. */
export type OrderStatus = {
  id: number | null
  orderReference: string
  packageName: string | null
  packageCode: string | null
  status: string
  pending: boolean
  amount: number | null
  finalPrice: number | null
  orderDate: string | null
  paymentMethod: string | null
  paymentStatus: string | null
  esims: Esim[]
}

/** Page position, with the total-pages spelling normalised. */
export type Pagination = {
  page: number
  limit: number | null
  total: number | null
  totalPages: number
}

/** One row of the order history. */
export type OrderSummary = {
  id: number | null
  orderReference: string
  packageName: string | null
  packageCode: string | null
  amount: number | null
  currency: string | null
  status: string | null
  flagUrl: string | null
  createdAt: string | null
}

/** One page of the order history. */
export type OrderHistoryPage = {
  orders: OrderSummary[]
  summary: { totalOrders: number | null; totalRevenue: number | null }
  pagination: Pagination
}

/** The business account balance. */
export type Balance = {
  balance: number
  currency: string
}

/** One network an eSIM package can use in a location. */
export type PackageOperator = {
  operatorName: string | null
  networkType: string | null
}

/** A location a package covers, with its networks. */
export type PackageLocation = {
  locationName: string | null
  operatorList: PackageOperator[]
}

/** One catalogue package. */
export type Package = {
  packageCode: string
  name: string | null
  region: string | null
  type: string | null
  dataAmountGb: number | null
  validityDays: number | null
  cost: number | null
  currency: string | null
  features: {
    voiceMinutes: number | null
    smsCount: number | null
    isRechargeable: boolean | null
  }
  isUnlimited: boolean | null
  hasVoice: boolean | null
  hasSms: boolean | null
  locationNetworkList: PackageLocation[]
  /** ISO country codes (newer field). */
  countries: string[]
}

/** One page of the package catalogue. */
export type PackagePage = {
  packages: Package[]
  pagination: Pagination
}

/** What esimfly cancelled: every eligible eSIM of the order the given ICCID belongs to. */
export type CancelEsimResult = {
  orderReference: string | null
  /** ICCIDs esimfly cancelled, the requested one included. */
  cancelled: string[]
  /** Amount credited back to the balance, in `currency`. */
  refunded: number | null
  currency: string | null
  newBalance: number | null
}
