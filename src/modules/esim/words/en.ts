import { formatNumber } from "./format"

const n = (count: number) => formatNumber(count, "en")
const esims = (count: number) => (count === 1 ? "eSIM" : "eSIMs")

/** English, the fallback for any locale not shipped. Values are plain text: the caller escapes them. */
export const en = {
  email: {
    footer: (store: string) => `You receive this email because you bought an eSIM from ${store}.`,
    storeFallback: "Your eSIM store",
  },
  delivery: {
    ready: (count: number) => (count === 1 ? "Your eSIM is ready" : `Your ${n(count)} eSIMs are ready`),
    partlyReady: (count: number, ordered: number) => `${n(count)} of your ${n(ordered)} eSIMs are ready`,
    missing: (count: number) =>
      count === 1
        ? "The other 1 eSIM is not ready yet; you will get another email when it is."
        : `The other ${n(count)} eSIMs are not ready yet; you will get another email when they are.`,
    intro:
      "On the phone that will use the eSIM, tap its install button. On another device, scan the QR code with that phone.",
    installIphone: "Install on iPhone",
    installAndroid: "Install on Android",
    scanHint: "Scan with the phone that will use the eSIM",
    qrAlt: "QR code that installs the eSIM",
    manualTitle: "Manual installation",
    smdpAddress: "SM-DP+ address",
    activationCode: "Activation code",
    iccid: "ICCID",
    days: (count: number) => `${n(count)} ${count === 1 ? "day" : "days"}`,
    openPage: "Open your eSIM page",
    pageHint: "Your eSIM page shows the data left and the expiry, and lets you top up.",
    count: (count: number) => `${n(count)} ${esims(count)}`,
  },
  usageLow: {
    subject: (left: string) => `Your eSIM has ${left} of data left`,
    body: (plan: string, iccid: string, threshold: string) => `${plan} (ICCID ${iccid}) is below ${threshold}.`,
  },
  expiring: {
    subject: "Your eSIM expires soon",
    body: (plan: string, iccid: string, when: string) => `${plan} (ICCID ${iccid}) expires on ${when}.`,
  },
  toppedUp: {
    subject: "Your eSIM was topped up",
    added: (plan: string, amount: string | null, iccid: string) =>
      `${plan}${amount ? ` (${amount})` : ""} was added to your eSIM ${iccid}.`,
    total: (total: string) => `It now has ${total} in total.`,
    nothingToInstall: "Nothing to install: keep using the eSIM as before.",
  },
  /** The hosted eSIM page's words; its script reads them by key. */
  page: {
    pageTitle: "Your eSIM",
    loading: "Loading your eSIM…",
    notFoundTitle: "eSIM not found",
    notFoundText: "This link does not open an eSIM. Use the link from your latest email, or sign in to your account.",
    errorText: "Your eSIM cannot be shown right now. Try again in a minute.",
    esimHeading: "eSIM",
    installIphone: "Install on this iPhone",
    installAndroid: "Install on this Android phone",
    installIphoneOther: "Install on an iPhone",
    installAndroidOther: "Install on an Android phone",
    scanHint: "Scan with the phone that will use the eSIM",
    qrAlt: "eSIM QR code",
    manualHeading: "Enter it by hand",
    smdpLabel: "SM-DP+ address",
    activationLabel: "Activation code",
    copy: "Copy",
    copied: "Copied",
    copyFailed: "Select and copy it by hand",
    stepsHeading: "How to install",
    stepsIphone: "iPhone: Settings › Mobile Service › Add eSIM, then scan the QR code or enter the details by hand.",
    stepsAndroid: "Android: Settings › Network & internet › SIMs › Add eSIM, then scan the QR code or enter the code.",
    stepsAfter: "Turn on data roaming for the eSIM when you arrive.",
    statusLabel: "Status",
    dataLeftLabel: "Data left",
    dataUnlimited: "Unlimited",
    dataUnknown: "Not read yet",
    expiresLabel: "Expires",
    expiresUnknown: "Not yet (starts when installed)",
    statusNotInstalled: "Not installed yet",
    statusInstalled: "Installed",
    statusActive: "Active",
    statusDepleted: "Data used up",
    statusExpired: "Expired",
    statusCanceled: "Canceled",
    topUpHeading: "Top up",
    topUpButton: "Top up",
    topUpShow: "See top-ups",
    topUpNone: "No top-up is offered for this eSIM right now.",
    topUpUnavailable: "Top-ups cannot be shown right now. Tap to try again.",
    topUpListed: "Ask the store to add one of these:",
    topUpFailed: "The top-up could not be added. Try again.",
    topUpDays: "days",
  },
}

/** Every text the plugin shows a shopper, by locale; `ar` must have exactly these keys. */
export type Words = typeof en
