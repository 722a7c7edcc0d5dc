/** Apple's one-tap eSIM install link (docs: create-order.md, `directAppleInstallUrl`). */
export const APPLE_INSTALL_URL = "https://esimsetup.apple.com/esim_qrcode_provisioning"

/** Android's one-tap eSIM install link (docs: beyond-the-reference.md, "Android one-tap install"). */
export const ANDROID_INSTALL_URL = "https://esimsetup.android.com/esim_qrcode_provisioning"

/** The two parts of an LPA a customer may type in by hand. */
export type LpaParts = {
  smdpAddress: string
  activationCode: string
}

/**
 * Splits `LPA:1$<smdp>$<activation code>[$...]` (docs: create-order.md, "Using the LPA String":
 * split by `$`, second part is the SM-DP+ address, third the activation code).
 */
export function parseLpa(lpa: string | null | undefined): LpaParts | null {
  const parts = lpa?.trim().split("$") ?? []
  if (parts.length < 3 || parts[0]?.toUpperCase() !== "LPA:1") {
    return null
  }
  const [, smdpAddress = "", activationCode = ""] = parts
  return smdpAddress && activationCode ? { smdpAddress, activationCode } : null
}

function carddataParam(url: string): string | null {
  const match = /[?&]carddata=([^&#]*)/i.exec(url)
  if (!match?.[1]) {
    return null
  }
  try {
    return decodeURIComponent(match[1])
  } catch {
    return null
  }
}

/**
 * Recovers the LPA from an install link's URL-encoded `carddata=` parameter; the status
 * response has no `lpaString` (docs: beyond-the-reference.md, "Create order, newer fields").
 */
export function lpaFromInstallUrl(url: string | null | undefined): string | null {
  const lpa = url ? carddataParam(url) : null
  return lpa && parseLpa(lpa) ? lpa.trim() : null
}

/** Builds Apple's one-tap install link for an LPA. */
export function buildAppleInstallUrl(lpa: string): string {
  return `${APPLE_INSTALL_URL}?carddata=${encodeURIComponent(lpa)}`
}

/** Builds Android's one-tap install link for an LPA. */
export function buildAndroidInstallUrl(lpa: string): string {
  return `${ANDROID_INSTALL_URL}?carddata=${encodeURIComponent(lpa)}`
}
