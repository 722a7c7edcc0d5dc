import { formatNumber, pluralOf } from "./format"
import type { Words } from "./en"

const n = (count: number) => formatNumber(count, "ar")

/** Keeps a left-to-right value (a plan name, an ICCID, an amount) whole inside right-to-left text. */
const iso = (value: string) => `\u2068${value}\u2069`

/** "eSIM" after a count, as Arabic grammar wants it for that count. */
function esims(count: number): string {
  switch (pluralOf(count, "ar")) {
    case "one":
      return "شريحة eSIM واحدة"
    case "two":
      return "شريحتا eSIM"
    case "few":
      return `${n(count)} شرائح eSIM`
    default:
      return `${n(count)} شريحة eSIM`
  }
}

function days(count: number): string {
  switch (pluralOf(count, "ar")) {
    case "one":
      return "يوم واحد"
    case "two":
      return "يومان"
    case "few":
      return `${n(count)} أيام`
    default:
      return `${n(count)} يومًا`
  }
}

/** Arabic (right to left). Values are plain text: the caller escapes them. */
export const ar: Words = {
  email: {
    footer: (store: string) => `تصلك هذه الرسالة لأنك اشتريت شريحة eSIM من ${iso(store)}.`,
    storeFallback: "متجر شرائح eSIM",
  },
  delivery: {
    ready: (count: number) =>
      count === 1
        ? "شريحة eSIM الخاصة بك جاهزة"
        : pluralOf(count, "ar") === "two"
          ? "شريحتا eSIM جاهزتان"
          : `${esims(count)} جاهزة`,
    partlyReady: (count: number, ordered: number) => `${n(count)} من أصل ${n(ordered)} من شرائح eSIM جاهزة`,
    missing: (count: number) =>
      count === 1
        ? "الشريحة المتبقية ليست جاهزة بعد، وستصلك رسالة أخرى عندما تجهز."
        : `الشرائح المتبقية (${n(count)}) ليست جاهزة بعد، وستصلك رسالة أخرى عندما تجهز.`,
    intro: "على الهاتف الذي سيستخدم الشريحة، اضغط زر التثبيت. وعلى جهاز آخر، امسح رمز QR بذلك الهاتف.",
    installIphone: "التثبيت على iPhone",
    installAndroid: "التثبيت على Android",
    scanHint: "امسح الرمز بالهاتف الذي سيستخدم الشريحة",
    qrAlt: "رمز QR لتثبيت شريحة eSIM",
    manualTitle: "التثبيت اليدوي",
    smdpAddress: `عنوان ${iso("SM-DP+")}`,
    activationCode: "رمز التفعيل",
    iccid: "رقم ICCID",
    days,
    openPage: "افتح صفحة شريحة eSIM",
    pageHint: "تعرض صفحة الشريحة البيانات المتبقية وتاريخ انتهاء الصلاحية، وتتيح لك إعادة الشحن.",
    count: esims,
  },
  usageLow: {
    subject: (left: string) => `تبقّى ${iso(left)} من بيانات شريحة eSIM`,
    body: (plan: string, iccid: string, threshold: string) =>
      `رصيد ${iso(plan)} (ICCID ${iso(iccid)}) أقل من ${iso(threshold)}.`,
  },
  expiring: {
    subject: "تنتهي صلاحية شريحة eSIM قريبًا",
    body: (plan: string, iccid: string, when: string) =>
      `تنتهي صلاحية ${iso(plan)} (ICCID ${iso(iccid)}) في ${iso(when)}.`,
  },
  toppedUp: {
    subject: "تمت إعادة شحن شريحة eSIM",
    added: (plan: string, amount: string | null, iccid: string) =>
      `أُضيفت ${iso(plan)}${amount ? ` (${iso(amount)})` : ""} إلى شريحة eSIM رقم ${iso(iccid)}.`,
    total: (total: string) => `أصبح إجمالي بياناتها الآن ${iso(total)}.`,
    nothingToInstall: "لا حاجة إلى تثبيت أي شيء: استمر في استخدام الشريحة كالمعتاد.",
  },
  /** The hosted eSIM page's words; its script reads them by key. */
  page: {
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
    topUpShow: "عرض باقات إعادة الشحن",
    topUpNone: "لا تتوفر إعادة شحن لهذه الشريحة الإلكترونية حاليًا.",
    topUpUnavailable: "لا يمكن عرض باقات إعادة الشحن الآن. اضغط للمحاولة مرة أخرى.",
    topUpListed: "اطلب من المتجر إضافة أحد هذه:",
    topUpFailed: "تعذّرت إضافة إعادة الشحن. حاول مرة أخرى.",
    topUpDays: "أيام",
  },
}
