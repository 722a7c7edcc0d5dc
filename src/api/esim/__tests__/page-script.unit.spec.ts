import { PAGE_PURE_SCRIPT } from "../page-script"
import { resolveLocale, WORDS } from "../../../modules/esim/words"

type Plan = { device: string; links: string[]; qr: string }
type Pure = {
  installPlan: (ua: string, touchPoints: number) => Plan
  safeHref: (url: unknown) => string | null
  safeImage: (url: unknown) => string | null
  formatData: (mb: unknown, locale: string) => string | null
  statusWord: (esim: { status: string; installed_at: string | null }) => string
  dataLeft: (data: unknown, locale: string, words: Record<string, string>) => string
  checkoutTarget: (template: string, cartId: string) => string
  formatDate: (iso: unknown, locale: string) => string | null
}

// The very text the page ships, run in node.
const pure = new Function(
  `${PAGE_PURE_SCRIPT}; return { installPlan, safeHref, safeImage, formatData, statusWord, dataLeft, checkoutTarget, formatDate }`
)() as Pure

const UA = {
  iphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  ipadOs:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  pixel:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
  desktop: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
}

describe("the page's install plan per device", () => {
  it("puts Apple's one-tap link first on an iPhone, and on an iPad that reports a Mac with touch", () => {
    expect(pure.installPlan(UA.iphone, 5)).toEqual({ device: "iphone", links: ["apple", "android"], qr: "small" })
    expect(pure.installPlan(UA.ipadOs, 5).links[0]).toBe("apple")
  })

  it("puts the Android link first on Android", () => {
    expect(pure.installPlan(UA.pixel, 5)).toEqual({ device: "android", links: ["android", "apple"], qr: "small" })
  })

  it("shows a computer (a Mac without touch included) the large QR code and no install links", () => {
    expect(pure.installPlan(UA.desktop, 0)).toEqual({ device: "desktop", links: [], qr: "large" })
    expect(pure.installPlan(UA.ipadOs, 0).device).toBe("desktop")
  })
})

describe("the page's safe links and images", () => {
  it("uses only https: URLs as hrefs", () => {
    expect(pure.safeHref("https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=LPA:1$x$y")).toContain("https:")
    for (const bad of [
      "javascript:alert(1)",
      "http://x.example",
      "data:text/html,x",
      "//x.example",
      " https://x",
      null,
    ]) {
      expect(pure.safeHref(bad)).toBeNull()
    }
  })

  it("uses only base64 PNG data URLs as the QR image", () => {
    expect(pure.safeImage("data:image/png;base64,iVBORw0KGgo=")).toBe("data:image/png;base64,iVBORw0KGgo=")
    expect(pure.safeImage("data:image/svg+xml;base64,PHN2Zz4=")).toBeNull()
    expect(pure.safeImage("https://x.example/qr.png")).toBeNull()
  })
})

describe("the page's top-up checkout", () => {
  it("fills every {cart_id} of option checkoutUrl with the cart id, URL-encoded", () => {
    expect(pure.checkoutTarget("https://shop.example/checkout/{cart_id}?c={cart_id}", "cart_01 X")).toBe(
      "https://shop.example/checkout/cart_01%20X?c=cart_01%20X"
    )
  })
})

describe("the page's data amounts, statuses and locale", () => {
  it("shows MB under 1 GB and GB (one decimal) from 1024 MB, in the locale", () => {
    expect(pure.formatData(512, "en")).toBe("512 MB")
    expect(pure.formatData(1536, "en")).toBe("1.5 GB")
    expect(pure.formatData(1536, "ar")).not.toContain("GB")
    expect(pure.formatData(null, "en")).toBeNull()
  })

  it("writes an expiry with its year and the name of the reader's time zone, and nothing for a missing or bad date", () => {
    const iso = "2026-12-11T00:05:00Z"
    const zone = new Intl.DateTimeFormat("en", { timeZoneName: "short" })
      .formatToParts(new Date(iso))
      .find((part) => part.type === "timeZoneName")?.value
    expect(zone).toBeTruthy()
    expect(pure.formatDate(iso, "en")).toContain("2026")
    expect(pure.formatDate(iso, "en")).toContain(zone as string)
    expect(pure.formatDate(null, "en")).toBeNull()
    expect(pure.formatDate("not a date", "en")).toBeNull()
  })

  it("says unlimited for an unlimited plan and 'not read yet' before any reading, never '0 MB'", () => {
    const words = WORDS.en.page
    expect(pure.dataLeft({ unlimited: true, remaining_mb: null }, "en", words)).toBe("Unlimited")
    expect(pure.dataLeft({ unlimited: false, remaining_mb: null }, "en", words)).toBe("Not read yet")
    expect(pure.dataLeft({ unlimited: false, remaining_mb: 2048 }, "en", words)).toBe("2 GB")
  })

  it("names each status, and a new eSIM installed or not", () => {
    expect(pure.statusWord({ status: "active", installed_at: null })).toBe("statusActive")
    expect(pure.statusWord({ status: "new", installed_at: null })).toBe("statusNotInstalled")
    expect(pure.statusWord({ status: "new", installed_at: "2026-12-01T00:00:00Z" })).toBe("statusInstalled")
    for (const key of ["statusActive", "statusDepleted", "statusExpired", "statusCanceled"]) {
      expect(WORDS.ar.page[key as keyof typeof WORDS.ar.page]).toBeTruthy()
    }
  })

  it("picks ?lang= first, then the order's locale, then the option, else English", () => {
    expect(resolveLocale(["ar", "en-US", "en"])).toBe("ar")
    expect(resolveLocale([undefined, "ar-SA", "en"])).toBe("ar")
    expect(resolveLocale(["fr", null, "ar"])).toBe("ar")
    expect(resolveLocale(["fr", undefined, undefined])).toBe("en")
  })

  it("has every English word in Arabic", () => {
    expect(Object.keys(WORDS.ar.page).sort()).toEqual(Object.keys(WORDS.en.page).sort())
  })
})
