import QRCode from "qrcode"

/** Renders the QR code from the LPA itself, so it never depends on esimfly's image host. */
export async function renderQrDataUrl(lpa: string): Promise<string> {
  return QRCode.toDataURL(lpa, { errorCorrectionLevel: "M", margin: 2, width: 320 })
}
