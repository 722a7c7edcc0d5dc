import { CataloguePackage } from "./catalogue"
import { androidInstallUrl, appleInstallUrl, hostedQrUrl, QR_DATA_URL } from "./esim-factory"
import { toMajor } from "./money"
import { EsimRecord, EsimState, OrderRecord, PendingShape } from "./types"

const GIB = 1024 ** 3
/** How the status answer spells each eSIM state. */
const STATUS_TEXT: Record<EsimState, string> = {
  new: "New",
  installed: "Installed",
  used: "In Use",
  cancelled: "Cancelled",
}
const INSTALL_WINDOW_MS = 180 * 24 * 60 * 60 * 1000
const PENDING_NOTE =
  "The order was placed successfully but eSIM details are being processed. " +
  "Please check order status in a few minutes."

/** The create-order answer, in the documented "completed" or "pending_details" shape. */
export function createOrderBody(
  order: OrderRecord,
  newBalanceMinor: number,
  processingMs: number,
  shape: PendingShape
): Record<string, unknown> {
  if (order.status === "pending_details") {
    return pendingBody(order, newBalanceMinor, processingMs, shape)
  }
  const first = order.esims[0]
  return {
    success: true,
    message: "Order processed successfully",
    ...orderHead(order, newBalanceMinor),
    lpaString: first.lpaString,
    qrCodeUrl: QR_DATA_URL,
    directAppleInstallUrl: appleInstallUrl(first.lpaString),
    ...orderMoney(order, processingMs, "completed"),
    esims: order.esims.map(createdEsim),
  }
}

function pendingBody(
  order: OrderRecord,
  newBalanceMinor: number,
  processingMs: number,
  shape: PendingShape
): Record<string, unknown> {
  const esims = shape === "empty" ? [] : order.placeholders.map(placeholderEsim)
  return {
    success: true,
    message: "Order created successfully, eSIM details will be available shortly",
    ...orderHead(order, newBalanceMinor),
    qrCodeUrl: "",
    directAppleInstallUrl: "",
    ...orderMoney(order, processingMs, "pending_details"),
    note: PENDING_NOTE,
    esims,
    ...(shape === "empty" ? { isPending: true } : {}),
  }
}

function orderHead(order: OrderRecord, newBalanceMinor: number): Record<string, unknown> {
  return {
    orderReference: order.orderReference,
    esimId: order.id,
    packageName: order.packageName,
    newBalance: toMajor(newBalanceMinor, order.currency),
    currency: order.currency,
  }
}

function orderMoney(order: OrderRecord, processingMs: number, status: string): Record<string, unknown> {
  const amount = toMajor(order.amountMinor, order.currency)
  return {
    paymentMethod: "balance",
    status,
    amount,
    profit: toMajor(order.profitMinor, order.currency),
    final_price: amount,
    processing_time_ms: processingMs,
  }
}

function createdEsim(esim: EsimRecord): Record<string, unknown> {
  return {
    iccid: esim.iccid,
    lpaString: esim.lpaString,
    qrCodeUrl: QR_DATA_URL,
    directAppleInstallUrl: appleInstallUrl(esim.lpaString),
    directAndroidInstallUrl: androidInstallUrl(esim.lpaString),
    status: "New",
    profileStatus: "nodownload",
    isPending: false,
  }
}

function placeholderEsim(iccid: string): Record<string, unknown> {
  return { iccid, qrCodeUrl: "", directAppleInstallUrl: "", status: "PENDING", isPending: true }
}

/** GET /esims/order: no lpaString anywhere, hosted https QR images. */
export function orderStatusBody(
  order: OrderRecord,
  pkg: CataloguePackage,
  shape: PendingShape
): Record<string, unknown> {
  const esims = statusEsims(order, pkg, shape)
  const amount = toMajor(order.amountMinor, order.currency)
  return {
    id: order.id,
    packageName: order.packageName,
    packageCode: order.packageCode,
    status: order.status,
    amount,
    finalPrice: amount,
    orderDate: new Date(order.createdAt).toISOString(),
    orderReference: order.orderReference,
    paymentMethod: "balance",
    paymentStatus: paymentStatusOf(order),
    esim: esims[0] ?? null,
    esims,
  }
}

function statusEsims(order: OrderRecord, pkg: CataloguePackage, shape: PendingShape): object[] {
  const plan = {
    unlimited: pkg.dataGb === null,
    totalVolume: (pkg.dataGb ?? 0) * GIB,
    totalDuration: pkg.validityDays,
  }
  if (order.status === "pending_details" || order.esims.length === 0) {
    if (shape === "empty") return []
    return order.placeholders.map((iccid) => ({
      iccid,
      status: "PENDING",
      qrCodeUrl: "",
      directAppleInstallUrl: "",
      directAndroidInstallUrl: "",
      ...plan,
      expiredTime: null,
    }))
  }
  const expiredTime = new Date((order.completedAt ?? order.createdAt) + INSTALL_WINDOW_MS)
  return order.esims.map((esim) => ({
    iccid: esim.iccid,
    status: STATUS_TEXT[esim.state],
    qrCodeUrl: hostedQrUrl(esim.iccid),
    directAppleInstallUrl: appleInstallUrl(esim.lpaString),
    directAndroidInstallUrl: androidInstallUrl(esim.lpaString),
    ...plan,
    expiredTime: expiredTime.toISOString(),
  }))
}

function paymentStatusOf(order: OrderRecord): string {
  if (order.status === "failed") return "failed"
  if (order.status === "cancelled") return "refunded"
  return "succeeded"
}
