import { randomInt } from "node:crypto"
import { EsimRecord } from "./types"

const ALPHANUMERIC_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
const ALPHANUMERIC_LOWER = "abcdefghijklmnopqrstuvwxyz0123456789"

/** A real 1×1 PNG: the create-order QR is a data URL, and clients should render their own. */
export const QR_DATA_URL =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="

/** Hosted QR images as the status endpoint returns them (the host does not resolve). */
export const QR_HOST = "https://sandbox.esimfly.local/qr"

// Seeded from the clock and shared by every sandbox in the process, so ICCIDs never repeat
// across instances or restarts of the demo.
let nextSerial = Date.now() * 10

/** A 19-digit ICCID: 89 (telecom), 88 (international networks), a 14-digit serial, a Luhn digit. */
export function nextIccid(): string {
  const body = `8988${String(nextSerial++).padStart(14, "0").slice(-14)}`
  return body + luhnDigit(body)
}

function luhnDigit(digits: string): string {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i])
    if (i % 2 === 0) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return String((10 - (sum % 10)) % 10)
}

export function randomString(length: number, alphabet: string): string {
  let out = ""
  for (let i = 0; i < length; i++) {
    out += alphabet[randomInt(alphabet.length)]
  }
  return out
}

/** Five lowercase alphanumerics, the tail of an order reference. */
export function referenceSuffix(): string {
  return randomString(5, ALPHANUMERIC_LOWER)
}

/** Looks like DOAZJ-HYDO5-HGMLN-S9B8S. */
export function activationCode(): string {
  return [0, 1, 2, 3].map(() => randomString(5, ALPHANUMERIC_UPPER)).join("-")
}

export function makeEsim(smdpAddress: string): EsimRecord {
  const code = activationCode()
  return { iccid: nextIccid(), activationCode: code, lpaString: `LPA:1$${smdpAddress}$${code}`, state: "new" }
}

export function appleInstallUrl(lpaString: string): string {
  return `https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${encodeURIComponent(lpaString)}`
}

export function androidInstallUrl(lpaString: string): string {
  return `https://esimsetup.android.com/esim_qrcode_provisioning?carddata=${encodeURIComponent(lpaString)}`
}

export function hostedQrUrl(iccid: string): string {
  return `${QR_HOST}/${iccid}.png`
}

/** Placeholder ICCID of a pending eSIM, shaped like PENDING_B25081719340002_1755459260253. */
export function placeholderIccid(orderId: number, index: number, createdAt: number): string {
  const stamp = new Date(createdAt).toISOString().replace(/\D/g, "").slice(2, 12)
  const batch = String((orderId * 10 + index) % 10000).padStart(4, "0")
  return `PENDING_B${stamp}${batch}_${createdAt}`
}
