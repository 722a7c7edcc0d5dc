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
