import { toppedUpNotification } from ".."

const TOP_UP = {
  id: "estop_1",
  order_id: "order_1",
  email: "owner@esim.test",
  iccid: "8988000000000000001",
  package_code: "TR-3GB-15D",
  package_name: "Turkey",
  data_mb: 3072,
  total_mb_after: 4096,
}

describe("toppedUpNotification", () => {
  it("escapes esimfly's package name in the HTML and keys the email by the top-up", () => {
    const mail = toppedUpNotification({ ...TOP_UP, package_name: '<img src=x onerror="alert(1)">' })
    expect(mail).toMatchObject({ to: "owner@esim.test", channel: "email", template: "esim-topped-up" })
    expect(mail.idempotency_key).toBe("esim-topped-up:estop_1")
    expect(mail.content.html).not.toContain("<img")
    expect(mail.content.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;")
    expect(mail.content.text).toContain("(3 GB)")
    expect(mail.content.text).toContain("4 GB in total")
  })
})

describe("toppedUpNotification in Arabic", () => {
  it("runs right to left and writes the amounts in Arabic units", () => {
    const mail = toppedUpNotification({ ...TOP_UP, look: { locale: "ar" } })
    expect(mail.content.html).toContain('<html lang="ar" dir="rtl">')
    expect(mail.content.subject).toBe("تمت إعادة شحن شريحة eSIM")
    expect(mail.content.text).toContain("3 غ.ب")
    expect(mail.content.text).toContain("4 غ.ب")
    expect(mail.data).toMatchObject({ locale: "ar", dir: "rtl", data_mb: 3072 })
  })
})
