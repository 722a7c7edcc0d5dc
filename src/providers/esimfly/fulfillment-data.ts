import type { EsimFulfillmentSummary } from "../../modules/esim/delivery"

export type EsimFulfillmentData = {
  delivery: "esim"
  esims: EsimFulfillmentSummary[]
}

function isSummary(value: unknown): value is EsimFulfillmentSummary {
  if (!value || typeof value !== "object") {
    return false
  }
  const candidate = value as Record<string, unknown>
  return typeof candidate.iccid === "string" && typeof candidate.status === "string"
}

/** Builds the fulfillment data from what the purchase workflow hands over; never trusts its shape. */
export function toFulfillmentData(source: unknown): EsimFulfillmentData {
  const esims = (source as { esims?: unknown } | undefined)?.esims
  const list = Array.isArray(esims) ? esims.filter(isSummary) : []
  return {
    delivery: "esim",
    esims: list.map((esim) => ({
      iccid: esim.iccid,
      package_code: esim.package_code ?? null,
      status: esim.status,
    })),
  }
}
