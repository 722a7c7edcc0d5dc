import { performance } from "node:perf_hooks"
import { EsimLife, TopupRecord } from "./after-sale-types"
import { CataloguePackage } from "./catalogue"
import { RouteContext } from "./core"
import { changeStatus } from "./device"
import { referenceSuffix } from "./esim-factory"
import { DAY_MS, installDeadline, lifeOf, MB_PER_GB, remainingMb } from "./esim-life"
import { priceInCurrency, profitOf, toMajor } from "./money"
import { parseJsonObject } from "./order-request"
import { InvalidParameterError, pageOf, readInt } from "./query"
import { businessError, success } from "./replies"
import { humanTime, isToppable, topupOptions } from "./topup-rules"
import { ApiReply } from "./types"

/** GET /topup/packages?iccid&page&limit (limit default 50, max 100; docs/api/topup-packages.md). */
export function listTopupPackages(ctx: RouteContext): ApiReply {
  const iccid = ctx.query.get("iccid")
  if (!iccid) return businessError(400, "MISSING_ICCID", "Missing required parameter: iccid")
  let page: number, limit: number
  try {
    page = readInt(ctx.query, "page", 1, Number.MAX_SAFE_INTEGER)
    limit = readInt(ctx.query, "limit", 50, 100)
  } catch (error) {
    if (error instanceof InvalidParameterError) return error.toReply()
    throw error
  }
  const { core } = ctx
  const life = lifeOf(core, iccid)
  if (!life) return businessError(403, "ESIM_ACCESS_DENIED", "You do not have access to this eSIM")
  if (life.unlimited || !isToppable(life)) return notToppable(life)
  const options = topupOptions(core, life)
  const { currency } = core.options
  const packages = pageOf(options, page, limit).map((pkg) => ({
    package_code: pkg.code,
    name: pkg.name,
    data_amount_gb: pkg.dataGb,
    validity_days: pkg.validityDays,
    cost: toMajor(priceInCurrency(pkg.usdCents, currency), currency),
    currency,
    features: { is_rechargeable: true },
    is_unlimited: false,
  }))
  const pagination = { page, limit, total: options.length, total_pages: Math.ceil(options.length / limit) }
  return success({ data: { packages, pagination } })
}

function notToppable(life: EsimLife): ApiReply {
  return businessError(400, "ESIM_NOT_TOPPABLE", `eSIM ${life.iccid} (${life.status}) cannot be topped up`)
}

type TopupCheck = { ok: true; life: EsimLife; pkg: CataloguePackage; quantity: number } | { ok: false; reply: ApiReply }

function checkTopup(ctx: RouteContext): TopupCheck {
  const body = parseJsonObject(ctx.body)
  if (!body) return { ok: false, reply: businessError(400, "INVALID_REQUEST", "Invalid JSON in request body") }
  const { iccid, packageCode, quantity = 1 } = body
  if (typeof iccid !== "string" || iccid === "" || typeof packageCode !== "string" || packageCode === "") {
    return { ok: false, reply: businessError(400, "MISSING_FIELDS", "iccid and packageCode are required") }
  }
  if (!Number.isInteger(quantity) || Number(quantity) < 1) {
    return { ok: false, reply: businessError(400, "INVALID_REQUEST", "quantity must be an integer ≥ 1") }
  }
  const life = lifeOf(ctx.core, iccid)
  if (!life) return { ok: false, reply: businessError(400, "ESIM_NOT_FOUND", "eSIM not found") }
  if (life.unlimited) {
    return { ok: false, reply: businessError(400, "TOPUP_NOT_SUPPORTED", "Unlimited eSIMs cannot be topped up") }
  }
  if (!isToppable(life)) return { ok: false, reply: notToppable(life) }
  const pkg = topupOptions(ctx.core, life).find((option) => option.code === packageCode)
  if (!pkg) {
    const message = `Package ${packageCode} is not a top-up option for this eSIM`
    return { ok: false, reply: businessError(400, "INVALID_TOPUP_PACKAGE", message) }
  }
  return { ok: true, life, pkg, quantity: Number(quantity) }
}

/** POST /topup/order { iccid, packageCode, quantity }: no idempotency key (docs/api/topup-order.md). */
export async function orderTopup(ctx: RouteContext): Promise<ApiReply> {
  const started = performance.now()
  const check = checkTopup(ctx)
  if (!check.ok) return check.reply
  await ctx.pause()
  return commitTopup(ctx, check.life, check.pkg, check.quantity, performance.now() - started)
}

/** Checks and deducts the balance in one synchronous step, then grows the eSIM. */
function commitTopup(ctx: RouteContext, life: EsimLife, pkg: CataloguePackage, quantity: number, elapsedMs: number) {
  const { state, options } = ctx.core
  const { currency } = options
  const amountMinor = priceInCurrency(pkg.usdCents, currency) * quantity
  if (state.balanceMinor < amountMinor) {
    const [have, need] = [toMajor(state.balanceMinor, currency), toMajor(amountMinor, currency)]
    const message = `Insufficient balance. Current balance: ${have} ${currency}, required: ${need} ${currency}`
    return businessError(400, "INSUFFICIENT_BALANCE", message)
  }
  state.balanceMinor -= amountMinor
  const addedMb = (pkg.dataGb ?? 0) * MB_PER_GB * quantity
  growEsim(ctx, life, addedMb, pkg.validityDays * quantity)
  const at = ctx.core.now()
  const record: TopupRecord = {
    orderReference: `topup_${at}_${referenceSuffix()}`,
    requestId: ctx.requestId,
    iccid: life.iccid,
    packageCode: pkg.code,
    quantity,
    amountMinor,
    addedMb,
    at,
  }
  state.topups.push(record)
  return success(topupBody(ctx, life, pkg, record, elapsedMs))
}

/** The documented answer; `expiredTime` is human-readable, not ISO. */
function topupBody(ctx: RouteContext, life: EsimLife, pkg: CataloguePackage, record: TopupRecord, elapsedMs: number) {
  const { currency } = ctx.core.options
  return {
    message: "Top-up completed successfully",
    orderReference: record.orderReference,
    iccid: life.iccid,
    packageName: pkg.name,
    newBalance: toMajor(ctx.core.state.balanceMinor, currency),
    currency,
    status: "completed",
    amount: toMajor(record.amountMinor, currency),
    profit: toMajor(profitOf(record.amountMinor), currency),
    processing_time_ms: Math.round(elapsedMs),
    esimData: {
      newTotalVolumeGB: life.totalMb / MB_PER_GB,
      newRemainingVolumeGB: Math.round((remainingMb(life) / MB_PER_GB) * 1000) / 1000,
      expiredTime: humanTime(life.expiresAt ?? installDeadline(life.order)),
    },
  }
}

/** A new package on the eSIM: more data and days, thresholds armed again, DEPLETED/EXPIRED back to ACTIVE. */
function growEsim(ctx: RouteContext, life: EsimLife, addedMb: number, addedDays: number): void {
  const { core } = ctx
  life.totalMb += addedMb
  life.validityDays += addedDays
  life.packageId = core.state.nextPackageId++
  life.thresholdsSent = []
  if (life.installedAt === null) return
  life.expiresAt = Math.max(core.now(), life.expiresAt ?? 0) + addedDays * DAY_MS
  if (life.status !== "ACTIVE") changeStatus(core, life, "ACTIVE")
}
