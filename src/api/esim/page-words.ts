/** The hosted eSIM page's words (English and Arabic); the lead folds them into the words module. */
export const PAGE_LOCALES = ["en", "ar"] as const

export type PageLocale = (typeof PAGE_LOCALES)[number]

const en = {
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
  topUpListed: "Ask the store to add one of these:",
  topUpFailed: "The top-up could not be added. Try again.",
  topUpDays: "days",
}

export type PageWordKey = keyof typeof en

const ar: Record<PageWordKey, string> = {
  pageTitle: "شريحتك الإلكترونية",
  loading: "جارٍ تحميل شريحتك الإلكترونية…",
  notFoundTitle: "لم يتم العثور على الشريحة الإلكترونية",
  notFoundText:
    "هذا الرابط لا يفتح شريحة إلكترونية. استخدم الرابط من أحدث رسالة بريد إلكتروني، أو سجّل الدخول إلى حسابك.",
  errorText: "لا يمكن عرض شريحتك الإلكترونية الآن. حاول مرة أخرى بعد دقيقة.",
  esimHeading: "الشريحة الإلكترونية",
  installIphone: "التثبيت على هذا الآيفون",
  installAndroid: "التثبيت على هاتف أندرويد هذا",
  installIphoneOther: "التثبيت على آيفون",
  installAndroidOther: "التثبيت على هاتف أندرويد",
  scanHint: "امسح الرمز بالهاتف الذي سيستخدم الشريحة الإلكترونية",
  qrAlt: "رمز QR للشريحة الإلكترونية",
  manualHeading: "أدخلها يدويًا",
  // The isolates keep "SM-DP+" whole inside right-to-left text.
  smdpLabel: "عنوان \u2066SM-DP+\u2069",
  activationLabel: "رمز التفعيل",
  copy: "نسخ",
  copied: "تم النسخ",
  copyFailed: "حدّده وانسخه يدويًا",
  stepsHeading: "طريقة التثبيت",
  stepsIphone: "آيفون: الإعدادات › الخدمة الخلوية › إضافة شريحة eSIM، ثم امسح رمز QR أو أدخل البيانات يدويًا.",
  stepsAndroid: "أندرويد: الإعدادات › الشبكة والإنترنت › شرائح SIM › إضافة شريحة eSIM، ثم امسح رمز QR أو أدخل الرمز.",
  stepsAfter: "فعّل تجوال البيانات للشريحة الإلكترونية عند وصولك.",
  statusLabel: "الحالة",
  dataLeftLabel: "البيانات المتبقية",
  dataUnlimited: "غير محدودة",
  dataUnknown: "لم تُقرأ بعد",
  expiresLabel: "تنتهي في",
  expiresUnknown: "ليس بعد (تبدأ عند التثبيت)",
  statusNotInstalled: "لم تُثبَّت بعد",
  statusInstalled: "مثبّتة",
  statusActive: "نشطة",
  statusDepleted: "نفدت البيانات",
  statusExpired: "منتهية",
  statusCanceled: "ملغاة",
  topUpHeading: "إعادة الشحن",
  topUpButton: "اشحن",
  topUpListed: "اطلب من المتجر إضافة أحد هذه:",
  topUpFailed: "تعذّرت إضافة إعادة الشحن. حاول مرة أخرى.",
  topUpDays: "أيام",
}

export const PAGE_WORDS: Record<PageLocale, Record<PageWordKey, string>> = { en, ar }

/** The first supported locale among the candidates (`?lang=`, the order's, the option), else English. */
export function pageLocale(...candidates: (string | null | undefined)[]): PageLocale {
  for (const candidate of candidates) {
    const language = candidate?.trim().toLowerCase().split(/[-_]/)[0]
    const found = PAGE_LOCALES.find((locale) => locale === language)
    if (found) {
      return found
    }
  }
  return "en"
}

export const isRightToLeft = (locale: PageLocale): boolean => locale === "ar"
