import { expiringNotification, usageLowNotification } from ".."

const esim = {
  iccid: "8988000000000000011",
  order_id: "order_1",
  package_name: '<img src=x onerror="alert(1)">',
  package_code: "TR-1GB-7D",
  remaining_mb: 50,
}

describe("alert notifications", () => {
  it("esim-usage-low names the threshold and the MB left, on channel email to the order's address", () => {
    const sent = usageLowNotification("shopper@esim.test", esim, 50)
    expect(sent).toMatchObject({
      to: "shopper@esim.test",
      channel: "email",
      template: "esim-usage-low",
      data: { order_id: "order_1", iccid: esim.iccid, threshold_mb: 50, remaining_mb: 50 },
      content: { subject: "Your eSIM has 50 MB of data left" },
    })
  })

  it("escapes esimfly's package name in the HTML of both emails", () => {
    for (const sent of [
      usageLowNotification("a@esim.test", esim, 50),
      expiringNotification("a@esim.test", esim, new Date("2026-12-10T10:00:00Z")),
    ]) {
      expect(sent.content.html).not.toContain("<img")
      expect(sent.content.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;")
    }
  })

  it("esim-expiring gives the expiry in UTC, written in the locale", () => {
    const sent = expiringNotification("a@esim.test", esim, new Date("2026-12-10T10:00:00Z"))
    expect(sent).toMatchObject({ template: "esim-expiring", data: { expires_at: "2026-12-10T10:00:00.000Z" } })
    expect(sent.content.text).toContain("expires on December 10, 2026 at 10:00 UTC")
    const arabic = expiringNotification("a@esim.test", esim, new Date("2026-12-10T10:00:00Z"), { locale: "ar" })
    expect(arabic.content.text).toContain("ديسمبر")
    expect(arabic.content.text).toContain("UTC")
    expect(arabic.content.html).toContain('<html lang="ar" dir="rtl">')
    expect(arabic.data).toMatchObject({ locale: "ar", dir: "rtl", expires_at: "2026-12-10T10:00:00.000Z" })
  })

  it("esim-usage-low writes the data left in the locale's units and escapes the store name", () => {
    const look = { locale: "ar" as const, store_name: "<script>x</script>" }
    const sent = usageLowNotification("a@esim.test", { ...esim, remaining_mb: 1536 }, 2048, look)
    expect(sent.content.subject).toContain("1.5 غ.ب")
    expect(sent.content.text).toContain("2 غ.ب")
    expect(sent.content.html).not.toContain("<script>")
    expect(sent.content.html).toContain("&lt;script&gt;x&lt;/script&gt;")
  })
})
