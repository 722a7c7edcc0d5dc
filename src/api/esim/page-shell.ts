import { createHash } from "node:crypto"
import { dir, Locale, WORDS } from "../../modules/esim/words"
import { PAGE_SCRIPT } from "./page-script"

/** What the page's script needs; nothing here is secret (a publishable key is public by design). */
export type EsimPageConfig = {
  order_id: string
  /** False for an unknown order: the page shows "not found", as for one the caller may not read. */
  found: boolean
  publishable_key: string | null
  locale: Locale
  currency_code: string | null
  region_id: string | null
  sales_channel_id: string | null
  checkout_url: string | null
  /** The Store Module's store name, shown above the page (text only); null for an unknown order. */
  store_name: string | null
}

export type EsimPage = { html: string; headers: Record<string, string> }

const PAGE_STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans Arabic",sans-serif;color:#111;background:#f6f7f9}
main{max-width:40rem;margin:0 auto;padding:1rem}
.store-name{max-width:40rem;margin:0 auto;padding:1rem 1rem 0;font-weight:600;color:#4a5260}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:0}
h3{font-size:1rem;margin:1.25rem 0 .5rem}
.esim,.notice{background:#fff;border:1px solid #d9dce1;border-radius:12px;padding:1rem;margin-bottom:1rem}
.esim-id{color:#4a5260;font-size:.875rem;margin:.25rem 0 1rem;direction:ltr;unicode-bidi:embed}
.facts{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:0 0 1rem}
.facts dt{color:#4a5260}.facts dd{margin:0;font-weight:600}
.install{display:flex;flex-direction:column;gap:.5rem}
.button{display:block;text-align:center;padding:.875rem 1rem;border-radius:10px;border:1px solid #1f4fd1;color:#1f4fd1;background:#fff;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.button.primary{background:#1f4fd1;color:#fff;font-size:1.125rem}
.qr-large{text-align:center}.qr-large .qr{width:min(320px,100%);height:auto;image-rendering:pixelated}
.qr-small{margin-top:1rem}.qr-small .qr{width:200px;height:auto}
.scan-hint{font-weight:600}
.code-row{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;margin:.5rem 0}
.code-row .label{flex-basis:100%;color:#4a5260;font-size:.875rem}
.code-row code{flex:1;min-width:0;overflow-wrap:anywhere;direction:ltr;unicode-bidi:embed;background:#f0f2f5;padding:.5rem;border-radius:6px}
.copy{padding:.5rem .875rem;border-radius:8px;border:1px solid #1f4fd1;background:#fff;color:#1f4fd1;font:inherit;cursor:pointer}
.steps{padding-inline-start:1.25rem}
.top-ups ul{padding:0;list-style:none}.top-ups li{margin:.5rem 0}
.offscreen{position:fixed;top:-100px;opacity:0}
a:focus,button:focus,summary:focus{outline:3px solid #f5a623;outline-offset:2px}
@media (prefers-color-scheme:dark){body{background:#111418;color:#eef0f3}.esim,.notice{background:#1b1f24;border-color:#333a44}.code-row code{background:#262b33}.esim-id,.facts dt,.code-row .label,.store-name{color:#aab2bf}.button,.copy{background:#1b1f24;color:#8fb0ff;border-color:#8fb0ff}.button.primary{background:#8fb0ff;color:#111418}}
`

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`

/** The one inline script and style are allowed by hash: nothing else can run or style the page. */
export const PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(PAGE_SCRIPT)}`,
  `style-src ${sha256(PAGE_STYLE)}`,
  "img-src data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ")

const PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Content-Security-Policy": PAGE_CSP,
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char])

/** JSON that cannot close its <script> element nor start a comment in it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")
}

/** The page's shell: no eSIM data, only what the script needs to ask the store routes for it. */
export function renderEsimPage(config: EsimPageConfig): EsimPage {
  const words = WORDS[config.locale].page
  const html = `<!doctype html>
<html lang="${config.locale}" dir="${dir(config.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(words.pageTitle)}</title>
<link rel="icon" href="data:,">
<style>${PAGE_STYLE}</style>
</head>
<body>
${
  config.store_name
    ? `<header class="store-name">${escapeHtml(config.store_name)}</header>
`
    : ""
}<main id="esim-root" aria-live="polite"><h1>${escapeHtml(words.pageTitle)}</h1><p>${escapeHtml(words.loading)}</p></main>
<script type="application/json" id="esim-config">${jsonForScript({ ...config, words })}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`
  return { html, headers: { ...PAGE_HEADERS } }
}
