import { deliveryNotification } from "../email"
import { esimPageUrl, esimPublicBaseUrl } from "../page-url"
import { HOSTILE, esimWith, LPA } from "./support/delivered-esim"

const TOKEN = "Zm9vYmFyYmF6cXV4LXRva2VuLWZvci10aGUtdGVzdHM_0123456789"
const PAGE = esimPageUrl("https://shop.test", "order_1", TOKEN)

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1])

const occurrences = (text: string, part: string) => text.split(part).length - 1

async function mail(look?: Parameters<typeof deliveryNotification>[0]["look"], accessUrl: string | null = PAGE) {
  return deliveryNotification({
    order_id: "order_1",
    email: "a@b.c",
    access_url: accessUrl,
    esims: [await esimWith({})],
    look,
  })
}

describe("the delivery email's links and token", () => {
  it("holds the token only in the page link's fragment, once in the HTML and once in the text, never in data", async () => {
    const sent = await mail()
    expect(occurrences(sent.content.html, TOKEN)).toBe(1)
    expect(sent.content.html).toContain(`href="${PAGE}"`)
    expect(occurrences(sent.content.text, TOKEN)).toBe(1)
    expect(sent.content.text).toContain(`Open your eSIM page: ${PAGE}`)
    expect(sent.content.text).not.toMatch(/access code/i)
    expect(sent.content.html).not.toMatch(/access code/i)
    expect(JSON.stringify(sent.data)).not.toContain(TOKEN)
    expect(JSON.stringify(sent.attachments)).not.toContain(TOKEN)
  })

  it("links the three buttons to Apple's install link, Android's and the eSIM page, in that order", async () => {
    const sent = await mail()
    const esim = await esimWith({})
    expect(hrefs(sent.content.html)).toEqual([esim.apple_install_url, esim.android_install_url, PAGE])
    expect(sent.content.html).toMatch(/>Install on iPhone<\/a>/)
    expect(sent.content.html).toMatch(/>Install on Android<\/a>/)
    expect(sent.content.html).toMatch(/>Open your eSIM page<\/a>/)
    expect(hrefs(sent.content.html).every((href) => href.startsWith("https://"))).toBe(true)
    expect(decodeURIComponent(esim.android_install_url ?? "")).toContain(LPA)
  })

  it("drops a page link that is not https (http allowed on localhost only) and prints no token instead", async () => {
    for (const bad of ["javascript:alert(1)#token=" + TOKEN, "http://shop.test/esim#token=" + TOKEN]) {
      const sent = await mail(undefined, bad)
      expect(sent.content.html).not.toContain(TOKEN)
      expect(sent.content.text).not.toContain(TOKEN)
      expect(sent.content.html).not.toContain("Open your eSIM page")
    }
    const local = await mail(undefined, esimPageUrl("http://localhost:9000", "order_1", TOKEN))
    expect(hrefs(local.content.html)).toContain(`http://localhost:9000/esim/orders/order_1#token=${TOKEN}`)
  })

  it("keeps every field for provider templates in data, with the locale, direction and store name", async () => {
    const sent = await mail({ locale: "ar", store_name: "Travel Shop" })
    expect(sent.data).toMatchObject({
      order_id: "order_1",
      ordered_esim_count: 1,
      locale: "ar",
      dir: "rtl",
      store_name: "Travel Shop",
    })
    expect(sent.data.esims[0]).toMatchObject({
      iccid: "8988000000000000001",
      smdp_address: "rsp.sandbox.esimfly.local",
    })
  })
})

describe("the delivery email's layout", () => {
  it("sets lang and dir on the root: rtl in Arabic, ltr in English", async () => {
    expect((await mail({ locale: "ar" })).content.html).toContain('<html lang="ar" dir="rtl">')
    expect((await mail({ locale: "en" })).content.html).toContain('<html lang="en" dir="ltr">')
    const arabic = await mail({ locale: "ar" })
    expect(arabic.content.subject).toBe("شريحة eSIM الخاصة بك جاهزة")
    expect(arabic.content.html).toContain(">التثبيت على iPhone</a>")
    expect(arabic.content.text).toContain("افتح صفحة شريحة eSIM: " + PAGE)
  })

  it("fits a 320 px screen: nothing wider than 320 px but the 600 px max-width column, and images shrink", async () => {
    const html = (await mail()).content.html
    const widths = [...html.matchAll(/(?<![-\w])width(?::|=")\s*(\d+)(?:px)?(?!%|\d)/g)].map((match) =>
      Number(match[1])
    )
    expect(widths).toEqual(expect.arrayContaining([200]))
    expect(widths.every((width) => width <= 320)).toBe(true)
    expect(html).toContain("max-width:600px")
    for (const img of html.match(/<img [^>]*>/g) ?? []) {
      expect(img).toContain("max-width:100%")
    }
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
  })

  it("has one h1, the subject, and one h2 per eSIM", async () => {
    const sent = deliveryNotification({
      order_id: "order_1",
      email: "a@b.c",
      access_url: PAGE,
      esims: [await esimWith({}), await esimWith({ iccid: "8988000000000000002" })],
    })
    expect(sent.content.html.match(/<h1[ >]/g)).toHaveLength(1)
    expect(sent.content.html.match(/<h2[ >]/g)).toHaveLength(2)
  })

  it("considers dark mode: color-scheme meta and a prefers-color-scheme: dark override", async () => {
    const html = (await mail()).content.html
    expect(html).toContain('<meta name="color-scheme" content="light dark">')
    expect(html).toContain("@media (prefers-color-scheme: dark)")
  })

  it("shows the store's name, and its logo only from an https URL", async () => {
    const named = await mail({ locale: "en", store_name: "Travel Shop", logo_url: "https://cdn.test/logo.png" })
    expect(named.content.html).toContain('<img src="https://cdn.test/logo.png" alt="Travel Shop"')
    expect(named.content.text).toContain("Travel Shop")
    const plain = await mail({ locale: "en", store_name: "Travel Shop", logo_url: "http://cdn.test/logo.png" })
    expect(plain.content.html).not.toContain("cdn.test")
    expect(plain.content.html).toContain(">Travel Shop</span>")
  })

  it("escapes hostile esimfly fields and a hostile store name everywhere in the HTML", async () => {
    const esim = await esimWith({
      iccid: HOSTILE,
      package_name: HOSTILE,
      data_amount: "<b>1</b>",
      smdp_address: "<s>x</s>",
      activation_code: "<i>y</i>",
    })
    const sent = deliveryNotification({
      order_id: "order_1",
      email: "a@b.c",
      access_url: PAGE,
      esims: [esim],
      look: { locale: "ar", store_name: HOSTILE },
    })
    expect(sent.content.html).not.toContain("<img src=x")
    expect(sent.content.html).not.toMatch(/<b>1|<s>x|<i>y/)
    expect(occurrences(sent.content.html, "&lt;img src=x onerror=alert(1)&gt;")).toBeGreaterThanOrEqual(3)
  })

  it("writes a plain-text part with the plan, both install links, the manual codes and the ICCID", async () => {
    const text = (await mail()).content.text
    const esim = await esimWith({})
    expect(text).toContain("Turkey · 1 GB · 7 days")
    expect(text).toContain(`Install on iPhone: ${esim.apple_install_url}`)
    expect(text).toContain(`Install on Android: ${esim.android_install_url}`)
    expect(text).toContain("SM-DP+ address: rsp.sandbox.esimfly.local")
    expect(text).toContain("Activation code: ABCDE-FGHIJ-KLMNO-PQRST")
    expect(text).toContain("ICCID: 8988000000000000001")
    expect(text).not.toMatch(/<[a-z]/i)
  })
})

describe("the eSIM page URL", () => {
  it("puts the order id in the path and the token in the fragment, both encoded", () => {
    expect(esimPageUrl("https://shop.test/", "order 1", "a/b+c=")).toBe(
      "https://shop.test/esim/orders/order%201#token=a%2Fb%2Bc%3D"
    )
  })

  it("takes the store's public URL from option webhookUrl (its /hooks/esimfly dropped), else an absolute backendUrl", () => {
    expect(esimPublicBaseUrl("https://shop.test/hooks/esimfly", undefined)).toBe("https://shop.test")
    expect(esimPublicBaseUrl("https://shop.test/medusa/?x=1#y", "https://other.test")).toBe("https://shop.test/medusa")
    expect(esimPublicBaseUrl(undefined, "http://localhost:9000")).toBe("http://localhost:9000")
    expect(esimPublicBaseUrl(undefined, "/")).toBeNull()
    expect(esimPublicBaseUrl(undefined, undefined)).toBeNull()
  })
})
