import fs from "node:fs"
import path from "node:path"

const SRC = path.resolve(__dirname, "..")

/** Folders whose files others reach only through the folder's index.ts. */
const DOORS = [
  "modules/esim/purchase",
  "modules/esim/delivery",
  "modules/esim/cancel",
  "modules/esim/money",
  "modules/esim/catalogue",
  "modules/esim/lifecycle",
  "modules/esim/usage",
  "modules/esim/top-up",
  "modules/esim/words",
  "modules/esim/email",
  "workflows/sync-esim-catalogue",
  "lib/esimfly",
]

/** What a folder may not import from: the module and the client stay below the framework glue. */
const FORBIDDEN: [string, string[]][] = [
  ["lib/esimfly", ["modules", "workflows", "api", "providers", "admin", "jobs", "subscribers"]],
  ["modules", ["workflows", "api", "providers", "admin", "jobs", "subscribers"]],
  ["api", ["workflows/steps"]],
  ["jobs", ["workflows/steps"]],
  ["subscribers", ["workflows/steps"]],
]

type Import = { from: string; to: string; typeOnly: boolean }

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "__tests__" ? [] : sourceFiles(full)
    return /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

function importsOf(file: string, text: string): Import[] {
  const found: Import[] = []
  const pattern = /^(?:import|export)\s+(type\s+)?[^;"']*?from\s+["'](\.[^"']+)["']/gm
  for (const match of text.matchAll(pattern)) {
    const to = path.relative(SRC, path.resolve(path.dirname(file), match[2]))
    found.push({ from: path.relative(SRC, file), to, typeOnly: !!match[1] })
  }
  return found
}

const inside = (file: string, folder: string) => file === folder || file.startsWith(folder + "/")

/** Every import that crosses a door or goes the wrong way, in words. */
export function violations(imports: Import[], doors = DOORS, forbidden = FORBIDDEN): string[] {
  return imports.flatMap(({ from, to }) => {
    const problems: string[] = []
    for (const door of doors) {
      if (inside(to, door) && to !== door && to !== `${door}/index` && !inside(from, door)) {
        problems.push(`${from} imports ${to}: use ${door}`)
      }
    }
    for (const [folder, banned] of forbidden) {
      if (inside(from, folder) && banned.some((b) => inside(to, b)))
        problems.push(`${from} imports ${to}: ${folder} may not depend on it`)
    }
    return problems
  })
}

const allImports = () => sourceFiles(SRC).flatMap((file) => importsOf(file, fs.readFileSync(file, "utf8")))

describe("import boundaries", () => {
  it("finds a deep import across a door and an import against the layering in a made-up tree", () => {
    const made = [
      { from: "workflows/steps/x.ts", to: "modules/esim/purchase/buy", typeOnly: false },
      { from: "modules/esim/purchase/buy.ts", to: "modules/esim/purchase/plan", typeOnly: false },
      { from: "modules/esim/money/pricing.ts", to: "workflows/steps/y", typeOnly: false },
      { from: "api/route.ts", to: "modules/esim/money", typeOnly: false },
    ]
    expect(violations(made)).toEqual([
      "workflows/steps/x.ts imports modules/esim/purchase/buy: use modules/esim/purchase",
      "modules/esim/money/pricing.ts imports workflows/steps/y: modules may not depend on it",
    ])
  })

  it("reads the imports of every source file under src (more than 200)", () => {
    expect(allImports().length).toBeGreaterThan(200)
  })

  it("no file under src imports a file inside another folder's door; the module and client import no framework glue; routes, jobs and subscribers import no step", () => {
    expect(violations(allImports())).toEqual([])
  })

  it("the admin imports server files only as types, or files with no imports of their own", () => {
    const admin = allImports().filter((i) => inside(i.from, "admin") && !inside(i.to, "admin") && !i.typeOnly)
    const withImports = admin.filter(({ to }) => /^import /m.test(fs.readFileSync(path.join(SRC, `${to}.ts`), "utf8")))
    expect(withImports).toEqual([])
  })
})
