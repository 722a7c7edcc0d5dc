/** Wire shapes as the esimfly docs describe them, written independently of the sandbox. */

export interface ErrorBody {
  success: false
  code?: string
  error?: string
  message?: string
  parameter?: string
  currentBalance?: number
  requiredBalance?: number
  needToLoad?: number
}

export interface CreatedEsim {
  iccid: string
  lpaString?: string
  qrCodeUrl: string
  directAppleInstallUrl: string
  directAndroidInstallUrl?: string
  status: string
  profileStatus?: string
  isPending: boolean
}

export interface CreateOrderBody {
  success: true
  message: string
  orderReference: string
  esimId: number
  packageName: string
  newBalance: number
  currency: string
  lpaString?: string
  qrCodeUrl: string
  directAppleInstallUrl: string
  paymentMethod: string
  status: string
  amount: number
  profit: number
  final_price: number
  processing_time_ms: number
  note?: string
  isPending?: boolean
  duplicate?: boolean
  esims: CreatedEsim[]
}

export interface StatusEsim {
  iccid: string
  status: string
  qrCodeUrl: string
  directAppleInstallUrl: string
  directAndroidInstallUrl: string
  unlimited: boolean
  totalVolume: number
  totalDuration: number
  expiredTime: string | null
}

export interface OrderStatusBody {
  success: true
  order: {
    id: number
    packageName: string
    packageCode: string
    status: string
    amount: number
    finalPrice: number
    orderDate: string
    orderReference: string
    paymentMethod: string
    paymentStatus: string
    esim: StatusEsim | null
    esims: StatusEsim[]
  }
}

export interface HistoryOrder {
  id: number
  order_reference: string
  package_name: string
  package_code: string
  amount: number
  currency: string
  status: string
  flag_url: string | null
  created_at: string
}

export interface HistoryBody {
  success: true
  data: {
    orders: HistoryOrder[]
    summary: { total_orders: number; total_revenue: number }
    pagination: { page: number; limit: number; total: number; total_pages: number }
  }
}

export interface Operator {
  operatorName: string
  networkType: string
}

export interface PackageBody {
  package_code: string
  name: string
  region: string
  type: string
  data_amount_gb: number
  validity_days: number
  cost: number
  currency: string
  features: { voice_minutes: number; sms_count: number; is_rechargeable: boolean }
  is_unlimited: boolean
  has_voice: boolean
  has_sms: boolean
  locationNetworkList: Array<{ locationName: string; operatorList: Operator[] }>
  countries: string[]
}

export interface PackagesBody {
  success: true
  data: {
    packages: PackageBody[]
    pagination: { page: number; limit: number; total: number; totalPages: number }
  }
}

export interface BalanceBody {
  success: true
  data: { balance: number; currency: string }
}
