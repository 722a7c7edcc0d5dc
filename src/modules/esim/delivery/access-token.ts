import { createHash, randomBytes, timingSafeEqual } from "node:crypto"

/** A high-entropy token for the guest link in the delivery email (256 bits). */
export function newAccessToken(): string {
  return randomBytes(32).toString("base64url")
}

/** Only this hash is stored; the token itself lives in the shopper's email. */
export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex")
}

/** Compares a presented token with a stored hash in constant time. */
export function accessTokenMatches(token: string | undefined, storedHash: string | null | undefined): boolean {
  if (!token || !storedHash) {
    return false
  }
  const presented = Buffer.from(hashAccessToken(token), "hex")
  const stored = Buffer.from(storedHash, "hex")
  return presented.length === stored.length && timingSafeEqual(presented, stored)
}

const DAY_MS = 24 * 60 * 60 * 1000

/** When a token issued at `issuedAt` stops opening the order's eSIMs. */
export function guestAccessExpiresAt(issuedAt: Date, ttlDays: number): Date {
  return new Date(issuedAt.getTime() + ttlDays * DAY_MS)
}

/** A token without an expiry opens nothing. */
export function isGuestAccessLive(expiresAt: Date | string | null | undefined, now: Date): boolean {
  return Boolean(expiresAt) && now.getTime() < new Date(expiresAt as Date | string).getTime()
}

/**
 * The guest link of the delivery email: `{order_id}` filled in and the token in the URL
 * fragment, which browsers never send to a server, so no access log, proxy or Referer holds it.
 */
export function guestAccessUrl(template: string, orderId: string, token: string): string {
  const url = template.replace(/\{order_id\}/g, encodeURIComponent(orderId))
  const param = `token=${encodeURIComponent(token)}`
  return url.includes("#") ? `${url}&${param}` : `${url}#${param}`
}
