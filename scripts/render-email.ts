// Renders the shopper emails with a sample eSIM to files a browser can open (the screenshot and
// accessibility checks use them): node -r ts-node/register/transpile-only scripts/render-email.ts [dir]
import { mkdirSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { deliveryNotification, DeliveredEsim, esimPageUrl, installDetails } from "../src/modules/esim/delivery"
import { toppedUpNotification } from "../src/modules/esim/top-up"
import { expiringNotification, usageLowNotification } from "../src/modules/esim/usage"
import { LOCALES, Locale } from "../src/modules/esim/words"

const LPA = "LPA:1$rsp.sandbox.esimfly.local$ABCDE-FGHIJ-KLMNO-PQRST"
const SAMPLE_TOKEN = "sample-token-not-a-real-one-0123456789abcdefgh"

async function sampleEsim(): Promise<DeliveredEsim> {
  return {
    id: "esim_sample",
    order_id: "order_sample",
    line_item_id: "line_sample",
    iccid: "8988000000000000001",
    package_code: "TR-1GB-7D",
    package_name: "Turkey 1 GB",
    data_amount: "1 GB",
    validity_days: 7,
    ...(await installDetails({ lpa: LPA })),
    created_at: new Date("2026-12-03T12:00:00Z"),
    status: "new",
    installed_at: null,
    expires_at: null,
    data: { total_mb: 1024, used_mb: 0, remaining_mb: 1024, unlimited: false, read_at: null },
  }
}

/** A browser cannot load cid: images, so the file shows each QR from its attachment, as a mail client would. */
function withInlineImages(html: string, attachments: { id: string; content: string }[]): string {
  return attachments.reduce(
    (page, file) => page.split(`cid:${file.id}`).join(`data:image/png;base64,${file.content}`),
    html
  )
}

async function render(dir: string, locale: Locale): Promise<string[]> {
  const look = { locale, store_name: "Demo Travel Store" }
  const esim = await sampleEsim()
  const delivered = deliveryNotification({
    order_id: "order_sample",
    email: "traveller@example.com",
    access_url: esimPageUrl("https://shop.example.com", "order_sample", SAMPLE_TOKEN),
    esims: [esim],
    look,
  })
  const alert = { ...esim, remaining_mb: 180 }
  const after = [
    usageLowNotification("traveller@example.com", alert, 200, look),
    expiringNotification("traveller@example.com", alert, new Date("2026-12-10T10:00:00Z"), look),
    toppedUpNotification({
      ...alert,
      id: "estop_sample",
      email: "t@example.com",
      data_mb: 3072,
      total_mb_after: 4096,
      look,
    }),
  ]
  const files = [
    [`esim-delivered.${locale}.html`, withInlineImages(delivered.content.html, delivered.attachments)],
    [`esim-delivered.${locale}.txt`, delivered.content.text],
    ...after.map((mail) => [`${mail.template}.${locale}.html`, mail.content.html]),
  ]
  return files.map(([name, body]) => {
    writeFileSync(join(dir, name), body)
    return join(dir, name)
  })
}

async function main() {
  const dir = resolve(process.argv[2] ?? "artifacts/email")
  mkdirSync(dir, { recursive: true })
  for (const locale of LOCALES) {
    for (const file of await render(dir, locale)) {
      console.log(file)
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
