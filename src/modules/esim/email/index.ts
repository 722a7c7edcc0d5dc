/** The one layout of every shopper email: responsive, inline-styled, right-to-left aware, https links only. */
export { escapeHtml } from "./escape"
export { button, code, COLORS, emailDocument, emailText, heading, paragraph, storeLink } from "./layout"
export { DEFAULT_LOOK, resolveLook } from "./look"
export type { EmailLook, ResolvedLook } from "./look"
