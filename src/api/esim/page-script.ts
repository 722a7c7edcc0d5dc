/*
 * The hosted eSIM page's one script, shipped inline and allowed by its sha256 hash (page-shell.ts).
 * Plain JS in strings so that the bytes tested in node (PAGE_PURE_SCRIPT) are the bytes the browser runs.
 */

/** Pure helpers: which install path comes first on this device, safe links, data amounts and dates. */
export const PAGE_PURE_SCRIPT = String.raw`
function installPlan(userAgent, maxTouchPoints) {
  var ua = String(userAgent || "")
  // iPadOS 13+ reports a Mac; a Mac has no touch screen.
  var apple = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && Number(maxTouchPoints) > 1)
  if (apple) return { device: "iphone", links: ["apple", "android"], qr: "small" }
  if (/Android/.test(ua)) return { device: "android", links: ["android", "apple"], qr: "small" }
  return { device: "desktop", links: [], qr: "large" }
}
function safeHref(url) {
  if (typeof url !== "string" || !/^https:\/\//i.test(url)) return null
  try {
    return new URL(url).protocol === "https:" ? url : null
  } catch (e) {
    return null
  }
}
function safeImage(url) {
  return typeof url === "string" && /^data:image\/png;base64,[A-Za-z0-9+\/=]+$/.test(url) ? url : null
}
function formatData(mb, locale) {
  if (typeof mb !== "number" || !isFinite(mb)) return null
  var gb = mb >= 1024
  var format = new Intl.NumberFormat(locale, {
    style: "unit",
    unit: gb ? "gigabyte" : "megabyte",
    maximumFractionDigits: gb ? 1 : 0,
  })
  return format.format(gb ? mb / 1024 : mb)
}
function formatDate(iso, locale) {
  var date = iso ? new Date(iso) : null
  if (!date || isNaN(date.getTime())) return null
  // The zone is named: the shopper may read the page at home and travel to another zone.
  var parts = { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }
  return new Intl.DateTimeFormat(locale, parts).format(date)
}
function statusWord(esim) {
  var words = { active: "statusActive", depleted: "statusDepleted", expired: "statusExpired", canceled: "statusCanceled" }
  return words[esim.status] || (esim.installed_at ? "statusInstalled" : "statusNotInstalled")
}
function checkoutTarget(template, cartId) {
  return template.split("{cart_id}").join(encodeURIComponent(cartId))
}
function dataLeft(data, locale, words) {
  if (!data) return words.dataUnknown
  if (data.unlimited) return words.dataUnlimited
  return formatData(data.remaining_mb, locale) || words.dataUnknown
}
`

/** Reads the token from the fragment, asks the store route, and renders every field as text. */
const PAGE_MAIN_SCRIPT = String.raw`
var config = JSON.parse(document.getElementById("esim-config").textContent)
var W = config.words
var root = document.getElementById("esim-root")
var token = new URLSearchParams(location.hash.slice(1)).get("token")
if (location.hash) history.replaceState(null, "", location.pathname + location.search)
var plan = installPlan(navigator.userAgent, navigator.maxTouchPoints)
document.documentElement.setAttribute("data-device", plan.device)

function el(tag, className, text) {
  var node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined && text !== null) node.textContent = String(text)
  return node
}
function add(parent, child) {
  parent.appendChild(child)
  return child
}
function headers(json) {
  var h = { "x-publishable-api-key": config.publishable_key }
  if (token) h["x-esim-access-token"] = token
  if (json) h["content-type"] = "application/json"
  return h
}
function api(path, init) {
  var options = Object.assign({ headers: headers(init && init.body), credentials: "include" }, init || {})
  return fetch(path, options).then(function (res) {
    if (!res.ok) throw Object.assign(new Error("HTTP " + res.status), { status: res.status })
    return res.json()
  })
}
function clear() {
  while (root.firstChild) root.removeChild(root.firstChild)
}
function showMessage(titleKey, textKey, testId) {
  clear()
  var box = add(root, el("section", "notice"))
  box.setAttribute("data-testid", testId)
  add(box, el("h1", null, W[titleKey]))
  add(box, el("p", null, W[textKey]))
}
function copyText(text, button, label) {
  function done(ok) {
    button.textContent = ok ? W.copied : W.copyFailed
    button.setAttribute("aria-label", button.textContent + " " + label)
  }
  function fallback() {
    var area = el("textarea", "offscreen")
    area.value = text
    add(document.body, area)
    area.select()
    var ok = false
    try {
      ok = document.execCommand("copy")
    } catch (e) {}
    document.body.removeChild(area)
    done(ok)
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(function () { done(true) }, fallback)
  } else {
    fallback()
  }
}
function codeRow(parent, label, value, name) {
  if (!value) return
  var row = add(parent, el("div", "code-row"))
  add(row, el("span", "label", label))
  var code = add(row, el("code", null, value))
  code.setAttribute("data-testid", "esim-" + name)
  var button = add(row, el("button", "copy", W.copy))
  button.type = "button"
  button.setAttribute("data-testid", "esim-copy-" + name)
  button.setAttribute("aria-label", W.copy + " " + label)
  button.addEventListener("click", function () { copyText(value, button, label) })
}
function installLinks(card, esim) {
  var urls = { apple: safeHref(esim.apple_install_url), android: safeHref(esim.android_install_url) }
  var own = { apple: plan.device === "iphone", android: plan.device === "android" }
  var labels = {
    apple: own.apple ? W.installIphone : W.installIphoneOther,
    android: own.android ? W.installAndroid : W.installAndroidOther,
  }
  var box = add(card, el("div", "install"))
  box.setAttribute("data-testid", "esim-install")
  plan.links.forEach(function (kind, i) {
    if (!urls[kind]) return
    var link = add(box, el("a", i === 0 ? "button primary" : "button", labels[kind]))
    link.href = urls[kind]
    link.rel = "noopener noreferrer"
    link.setAttribute("data-install", kind)
  })
}
function qrCode(card, esim) {
  var src = safeImage(esim.qr_code_data_url)
  if (!src) return
  var holder = plan.qr === "large" ? add(card, el("div", "qr-large")) : add(card, el("details", "qr-small"))
  if (plan.qr !== "large") add(holder, el("summary", null, W.scanHint))
  else add(holder, el("p", "scan-hint", W.scanHint))
  var img = add(holder, el("img", "qr"))
  img.alt = W.qrAlt
  img.src = src
  img.setAttribute("data-testid", "esim-qr")
}
function steps(card) {
  add(card, el("h3", null, W.stepsHeading))
  var list = add(card, el("ol", "steps"))
  var order = plan.device === "android" ? ["stepsAndroid", "stepsIphone"] : ["stepsIphone", "stepsAndroid"]
  order.concat(["stepsAfter"]).forEach(function (key) { add(list, el("li", null, W[key])) })
}
function facts(card, esim) {
  var list = add(card, el("dl", "facts"))
  function fact(label, value, testId) {
    add(list, el("dt", null, label))
    var dd = add(list, el("dd", null, value))
    dd.setAttribute("data-testid", testId)
    return dd
  }
  fact(W.statusLabel, W[statusWord(esim)], "esim-status").setAttribute("data-status", String(esim.status))
  var left = fact(W.dataLeftLabel, dataLeft(esim.data, config.locale, W), "esim-data-left")
  if (esim.data && typeof esim.data.remaining_mb === "number") left.setAttribute("data-mb", String(esim.data.remaining_mb))
  fact(W.expiresLabel, formatDate(esim.expires_at, config.locale) || W.expiresUnknown, "esim-expires")
}
function buyTopUp(esim, offer, button) {
  button.disabled = true
  var cartBody = { region_id: config.region_id, sales_channel_id: config.sales_channel_id }
  api("/store/carts", { method: "POST", body: JSON.stringify(cartBody) })
    .then(function (res) {
      var path = "/store/carts/" + encodeURIComponent(res.cart.id) + "/esim-top-ups"
      var body = JSON.stringify({ iccid: esim.iccid, package_code: offer.package_code })
      return api(path, { method: "POST", body: body })
    })
    .then(function (res) {
      location.assign(checkoutTarget(config.checkout_url, res.cart.id))
    })
    .catch(function () {
      button.disabled = false
      button.textContent = W.topUpFailed
    })
}
function topUpLabel(offer) {
  var data = offer.is_unlimited ? W.dataUnlimited : formatData(offer.data_mb, config.locale)
  var price = new Intl.NumberFormat(config.locale, { style: "currency", currency: offer.currency_code.toUpperCase() })
  return [offer.package_name, data, offer.validity_days + " " + W.topUpDays, price.format(offer.price)].join(" · ")
}
/** Top-ups are asked of the store route (and so of esimfly) only when the shopper opens them. */
function topUps(card, esim) {
  if (!config.currency_code || esim.status === "canceled") return
  var box = add(card, el("section", "top-ups"))
  box.setAttribute("data-testid", "esim-top-ups")
  add(box, el("h3", null, W.topUpHeading))
  var open = add(box, el("button", "button", W.topUpShow))
  open.type = "button"
  open.setAttribute("data-testid", "esim-top-ups-open")
  open.addEventListener("click", function () { listTopUps(box, esim, open) })
}
function listTopUps(box, esim, open) {
  open.disabled = true
  var path = "/store/esims/" + encodeURIComponent(esim.iccid) + "/top-ups?currency_code=" + config.currency_code
  api(path).then(function (res) {
    box.removeChild(open)
    var offers = res.top_ups || []
    if (!offers.length) return add(box, el("p", null, W.topUpNone))
    if (!config.checkout_url) add(box, el("p", null, W.topUpListed))
    var list = add(box, el("ul", null))
    offers.forEach(function (offer) {
      var item = add(list, el("li", null, topUpLabel(offer)))
      if (!config.checkout_url) return
      var button = add(item, el("button", "button", W.topUpButton))
      button.type = "button"
      button.addEventListener("click", function () { buyTopUp(esim, offer, button) })
    })
  }).catch(function () {
    open.disabled = false
    open.textContent = W.topUpUnavailable
  })
}
function renderEsim(esim) {
  var card = add(root, el("article", "esim"))
  card.setAttribute("data-testid", "esim-card")
  card.setAttribute("data-iccid", String(esim.iccid))
  add(card, el("h2", null, esim.package_name || W.esimHeading))
  add(card, el("p", "esim-id", "ICCID " + esim.iccid))
  facts(card, esim)
  installLinks(card, esim)
  qrCode(card, esim)
  var manual = add(card, el("section", "manual"))
  add(manual, el("h3", null, W.manualHeading))
  codeRow(manual, W.smdpLabel, esim.smdp_address, "smdp")
  codeRow(manual, W.activationLabel, esim.activation_code, "activation")
  steps(card)
  topUps(card, esim)
}
function show(esims) {
  if (!esims.length) return showMessage("notFoundTitle", "notFoundText", "esim-not-found")
  clear()
  add(root, el("h1", null, W.pageTitle))
  esims.forEach(renderEsim)
}
if (!config.found) {
  showMessage("notFoundTitle", "notFoundText", "esim-not-found")
} else {
  api("/store/orders/" + encodeURIComponent(config.order_id) + "/esims").then(
    function (res) { show(res.esims || []) },
    function (error) {
      if (error.status >= 400 && error.status < 500) showMessage("notFoundTitle", "notFoundText", "esim-not-found")
      else showMessage("pageTitle", "errorText", "esim-error")
    }
  )
}
`

/** The inline script as the page ships it. */
export const PAGE_SCRIPT = `"use strict";(function () {${PAGE_PURE_SCRIPT}${PAGE_MAIN_SCRIPT}})()`
