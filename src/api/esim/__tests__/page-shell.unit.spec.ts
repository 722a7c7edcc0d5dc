import { createHash } from "node:crypto"
import { EsimPageConfig, escapeHtml, jsonForScript, PAGE_CSP, renderEsimPage } from "../page-shell"
import { PAGE_SCRIPT } from "../page-script"

const config: EsimPageConfig = {
  order_id: "order_01ABC",
  found: true,
  publishable_key: "pk_channel_key",
  locale: "en",
  currency_code: "eur",
  region_id: "reg_1",
  sales_channel_id: "sc_1",
  checkout_url: null,
  store_name: null,
}

const hashOf = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`
const inline = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => ({
    open: m[0].slice(0, m[0].indexOf(">") + 1),
    body: m[1],
  }))
const directive = (name: string) =>
  PAGE_CSP.split("; ")
    .find((part) => part.startsWith(`${name} `))
    ?.slice(name.length + 1)

describe("the hosted eSIM page's shell", () => {
  it("sends no-store, nosniff, no-referrer, a frame ban and HTML", () => {
    const { headers } = renderEsimPage(config)
    expect(headers).toMatchObject({
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": PAGE_CSP,
    })
  })

  it("has a strict CSP: nothing by default, data: images, same-origin fetches, no base, forms or framing", () => {
    expect(directive("default-src")).toBe("'none'")
    expect(directive("img-src")).toBe("data:")
    expect(directive("connect-src")).toBe("'self'")
    expect(directive("base-uri")).toBe("'none'")
    expect(directive("form-action")).toBe("'none'")
    expect(directive("frame-ancestors")).toBe("'none'")
    expect(PAGE_CSP).not.toContain("unsafe")
  })

  it("allows exactly the one executable inline script and the one style, by their sha256 hashes", () => {
    const { html } = renderEsimPage(config)
    const executable = inline(html, "script").filter((s) => !s.open.includes('type="application/json"'))
    expect(executable).toHaveLength(1)
    expect(executable[0].body).toBe(PAGE_SCRIPT)
    expect(directive("script-src")).toBe(hashOf(executable[0].body))
    const styles = inline(html, "style")
    expect(styles).toHaveLength(1)
    expect(directive("style-src")).toBe(hashOf(styles[0].body))
    expect(html).not.toMatch(/ style=|<script src|<link rel="stylesheet"/)
  })

  it("embeds the order id, the channel's publishable key and the words, and no eSIM data nor token", () => {
    const { html } = renderEsimPage(config)
    const [json] = inline(html, "script").filter((s) => s.open.includes('id="esim-config"'))
    const embedded = JSON.parse(json.body)
    expect(embedded).toMatchObject({ order_id: "order_01ABC", publishable_key: "pk_channel_key", found: true })
    expect(Object.keys(embedded).sort()).toEqual([...Object.keys(config), "words"].sort())
    const shell = html.replace(PAGE_SCRIPT, "")
    expect(shell).not.toMatch(/LPA:|iccid|smdp_address|activation_code|qr_code|access-token/i)
  })

  it("escapes embedded values so none can close the script element or inject markup", () => {
    const hostile = "</script><img src=x onerror=alert(1)><!--\u2028"
    const { html } = renderEsimPage({ ...config, order_id: hostile, checkout_url: hostile })
    expect(html).not.toContain("</script><img")
    expect(html).not.toContain("<!--")
    const [json] = inline(html, "script").filter((s) => s.open.includes('id="esim-config"'))
    expect(JSON.parse(json.body).checkout_url).toBe(hostile)
    expect(jsonForScript("a<b>&c")).toBe('"a\\u003cb\\u003e\\u0026c"')
    const named = renderEsimPage({ ...config, store_name: hostile }).html
    expect(named).toContain('<header class="store-name">&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&lt;!--')
    expect(escapeHtml(`<a href="x">'&`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;")
  })

  it("is right-to-left in Arabic and left-to-right in English", () => {
    expect(renderEsimPage({ ...config, locale: "ar" }).html).toContain('<html lang="ar" dir="rtl">')
    expect(renderEsimPage(config).html).toContain('<html lang="en" dir="ltr">')
  })

  it("marks an unknown order not found with no key, in the same shell", () => {
    const unknown = { ...config, found: false, publishable_key: null, currency_code: null }
    const a = renderEsimPage(unknown)
    const b = renderEsimPage(config)
    expect(a.headers).toEqual(b.headers)
    expect(a.html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, "")).toBe(
      b.html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, "")
    )
  })
})
