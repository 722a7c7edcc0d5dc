import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** eSIM install details are secrets: no shared or browser cache may keep them, errors included. */
export function privateNoStore(_req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  res.set("Cache-Control", "private, no-store")
  next()
}
