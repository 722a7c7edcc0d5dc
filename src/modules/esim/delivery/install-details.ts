import { renderQrDataUrl } from "./qr-code"
import { buildAndroidInstallUrl, buildAppleInstallUrl, httpsOnly, parseLpa } from "../../../lib/esimfly"

export type InstallSource = {
  lpa: string | null
  smdp_address?: string | null
  activation_code?: string | null
  apple_install_url?: string | null
  android_install_url?: string | null
}

export type InstallDetails = {
  lpa: string | null
  smdp_address: string | null
  activation_code: string | null
  apple_install_url: string | null
  android_install_url: string | null
  qr_code_data_url: string | null
}

/** Everything a shopper needs to install one eSIM: QR, manual codes and one-tap links (https: only). */
export async function installDetails(source: InstallSource): Promise<InstallDetails> {
  const lpa = source.lpa
  const parsed = lpa ? parseLpa(lpa) : null
  return {
    lpa,
    smdp_address: source.smdp_address ?? parsed?.smdpAddress ?? null,
    activation_code: source.activation_code ?? parsed?.activationCode ?? null,
    apple_install_url: httpsOnly(source.apple_install_url ?? (lpa ? buildAppleInstallUrl(lpa) : null)),
    android_install_url: httpsOnly(source.android_install_url ?? (lpa ? buildAndroidInstallUrl(lpa) : null)),
    qr_code_data_url: lpa ? await renderQrDataUrl(lpa) : null,
  }
}
