import { dir, formatDataMb, formatDateTime, formatNumber, LOCALES, resolveLocale, toLocale, WORDS, wordsFor } from ".."

/** Every key path of a words table, with "()" on the ones that are functions. */
function keyPaths(table: object, prefix = ""): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    value && typeof value === "object"
      ? keyPaths(value, `${prefix}${key}.`)
      : [`${prefix}${key}${typeof value === "function" ? "()" : ""}`]
  )
}

/** Every text of a table, the functions called with sample values. */
function texts(table: object): string[] {
  return Object.values(table).flatMap((value): string[] => {
    if (typeof value === "function") return [String(value(3, 7, "x"))]
    if (value && typeof value === "object") return texts(value)
    return [String(value)]
  })
}

describe("the words tables", () => {
  it("have exactly the same keys, each a text or a function in both, in every shipped locale", () => {
    const english = keyPaths(WORDS.en).sort()
    expect(english.length).toBeGreaterThan(40)
    for (const locale of LOCALES) {
      expect(keyPaths(WORDS[locale]).sort()).toEqual(english)
    }
  })

  it("writes every Arabic text in Arabic letters, none left in English", () => {
    for (const text of texts(WORDS.ar)) {
      expect(text).toMatch(/[\u0600-\u06FF]/)
    }
  })

  it("uses Arabic's dual and plural forms for eSIMs and days", () => {
    const words = WORDS.ar.delivery
    expect(words.days(1)).toBe("يوم واحد")
    expect(words.days(2)).toBe("يومان")
    expect(words.days(7)).toBe("7 أيام")
    expect(words.days(30)).toBe("30 يومًا")
    expect(words.ready(2)).toBe("شريحتا eSIM جاهزتان")
    expect(words.ready(3)).toBe("3 شرائح eSIM جاهزة")
    expect(words.ready(11)).toBe("11 شريحة eSIM جاهزة")
  })
})

describe("wordsFor and the locale", () => {
  it("gives English for an unknown, empty or missing locale, without throwing", () => {
    for (const unknown of ["fr", "", "xx-YY", null, undefined, "  "]) {
      expect(wordsFor(unknown)).toBe(WORDS.en)
    }
    expect(wordsFor("ar")).toBe(WORDS.ar)
    expect(wordsFor("AR-sa")).toBe(WORDS.ar)
  })

  it("runs Arabic right to left and English left to right", () => {
    expect(dir("ar")).toBe("rtl")
    expect(dir("en")).toBe("ltr")
  })

  it("reads the primary subtag of a BCP 47 tag and keeps only shipped locales", () => {
    expect(toLocale("ar-EG")).toBe("ar")
    expect(toLocale("en_GB")).toBe("en")
    expect(toLocale("fr-FR")).toBeNull()
  })

  it("takes the first candidate that names a shipped locale, else English", () => {
    expect(resolveLocale(["ar-SA", "en"])).toBe("ar")
    expect(resolveLocale([null, "fr", { locale: "ar" }, "ar"])).toBe("ar")
    expect(resolveLocale([undefined, "de"])).toBe("en")
    expect(resolveLocale([])).toBe("en")
  })
})

describe("formatting in the locale", () => {
  const date = new Date("2026-12-24T15:30:00Z")

  it("writes a date in the locale, in UTC, and says UTC", () => {
    expect(formatDateTime(date, "en")).toBe("December 24, 2026 at 15:30 UTC")
    const arabic = formatDateTime(date, "ar")
    expect(arabic).toContain("ديسمبر")
    expect(arabic).toContain("15:30")
    expect(arabic).toContain("UTC")
  })

  it("keeps UTC on a server in another time zone: 23:30 UTC on the 31st stays on the 31st", () => {
    const saved = process.env.TZ
    process.env.TZ = "Pacific/Auckland"
    try {
      expect(formatDateTime("2026-12-31T23:30:00.000Z", "en")).toBe("December 31, 2026 at 23:30 UTC")
    } finally {
      process.env.TZ = saved
    }
  })

  it("writes data in MB under 1 GB and in GB from 1024 MB, in the locale's units", () => {
    expect(formatDataMb(500, "en")).toBe("500 MB")
    expect(formatDataMb(1024, "en")).toBe("1 GB")
    expect(formatDataMb(1536, "en")).toBe("1.5 GB")
    expect(formatDataMb(500, "ar")).toBe("500 م.ب")
    expect(formatDataMb(3072, "ar")).toBe("3 غ.ب")
  })

  it("writes numbers with the locale's separators", () => {
    expect(formatNumber(12345.5, "en")).toBe("12,345.5")
    expect(formatNumber(12345.5, "ar")).toMatch(/^12[,٬]345[.٫]5$/)
  })
})
