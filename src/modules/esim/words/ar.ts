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
  page: {
    title: "شرائح eSIM الخاصة بك",
    notFound: "هذا الرابط لا يفتح أي شريحة eSIM. تأكد من فتح الرابط كاملًا من رسالتك.",
    installThisIphone: "التثبيت على هذا الـ iPhone",
    installThisAndroid: "التثبيت على هاتف Android هذا",
    scanWithPhone: "امسح الرمز بالهاتف الذي سيستخدم الشريحة",
    copy: "نسخ",
    copied: "تم النسخ",
    status: "الحالة",
    statuses: {
      new: "لم تُثبَّت بعد",
      active: "نشطة",
      depleted: "نفدت البيانات",
      expired: "منتهية الصلاحية",
      canceled: "ملغاة",
    },
    dataLeft: "البيانات المتبقية",
    unlimited: "غير محدودة",
    expires: "تنتهي في",
    topUp: "إعادة الشحن",
    topUps: "عمليات إعادة الشحن",
    stepsIphone: "الإعدادات › الخدمة الخلوية › إضافة eSIM، ثم امسح الرمز أو أدخل الرموز يدويًا.",
    stepsAndroid: "الإعدادات › الشبكة والإنترنت › شرائح SIM › إضافة eSIM، ثم امسح الرمز أو أدخل الرموز يدويًا.",
  },
}
