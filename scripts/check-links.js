#!/usr/bin/env node
// Checks that every relative link in the project's markdown resolves: the file exists and,
// for a `#fragment`, the target has a heading with that GitHub anchor. Exits 1 on a broken link.
const { existsSync, readdirSync, readFileSync } = require("node:fs")
const { dirname, join, relative } = require("node:path")

const ROOT = join(__dirname, "..")
const FILES = [
  "README.md",
  "CONTRIBUTING.md",
  "sandbox/README.md",
  "demo/README.md",
  ...readdirSync(join(ROOT, "docs")).map((f) => `docs/${f}`),
]

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-")

function anchorsIn(file) {
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "")
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1])))
}

const broken = []
for (const name of FILES.filter((f) => f.endsWith(".md"))) {
  const file = join(ROOT, name)
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "")
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/i.test(target)) continue
    const [path, fragment] = target.split("#")
    const resolved = path ? join(dirname(file), path) : file
    if (!existsSync(resolved)) broken.push(`${name}: ${target} (no such file)`)
    else if (fragment && resolved.endsWith(".md") && !anchorsIn(resolved).has(fragment)) {
      broken.push(`${name}: ${target} (no heading #${fragment} in ${relative(ROOT, resolved)})`)
    }
  }
}
console.log(broken.length ? broken.join("\n") : `links: all relative links in ${FILES.length} files resolve`)
process.exit(broken.length ? 1 : 0)
