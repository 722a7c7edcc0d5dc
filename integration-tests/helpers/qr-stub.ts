/**
 * A stand-in for the qrcode package in soaks: QR codes cost ~0.5 s each under jest (pngjs
 * inside jest's VM; 16 ms in plain node), and soaks deliver hundreds of eSIMs.
 * esim-purchase.spec.ts renders real ones. Use: jest.mock("qrcode", () => jest.requireActual("../helpers/qr-stub")).
 */
export default {
  toDataURL: async (text: string) => `data:image/png;base64,${Buffer.from(text).toString("base64")}`,
}
