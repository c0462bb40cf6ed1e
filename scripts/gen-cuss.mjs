// Generates rules/moderation/data/cuss.tsv from the npm package cuss@2.2.0
// (MIT, Titus Wormer): every word or phrase of its lists with the list's
// rating of how likely the word is meant as profanity (0 unlikely, 1 maybe,
// 2 likely) and its language, sorted by language, then word.
//
// Run once from the repository root, then commit the output:
//   (cd /tmp && npm install --no-save cuss@2.2.0)
//   node scripts/gen-cuss.mjs /tmp/node_modules/cuss > rules/moderation/data/cuss.tsv
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const dir = process.argv[2]
if (!dir) {
  process.stderr.write('usage: node scripts/gen-cuss.mjs PATH/TO/node_modules/cuss\n')
  process.exit(2)
}
const langs = {en: 'index.js', es: 'es.js', fr: 'fr.js', it: 'it.js', pt: 'pt.js', 'pt-pt': 'pt-pt.js', 'ar-latn': 'ar-latn.js'}
const rows = []
for (const [lang, file] of Object.entries(langs)) {
  const mod = await import(pathToFileURL(path.join(dir, file)).href)
  for (const [word, rating] of Object.entries(mod.cuss)) {
    rows.push([lang, word.replace(/\s+/g, ' ').trim(), rating])
  }
}
rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
process.stdout.write('# language\tword\trating (cuss@2.2.0, MIT, Titus Wormer: 0 unlikely, 1 maybe, 2 likely meant as profanity)\n')
for (const r of rows) process.stdout.write(r.join('\t') + '\n')
