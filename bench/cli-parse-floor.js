// The parse floor: the `yaml` package alone reading the same files into plain objects, as the CLI's input step
// must at the least. Run under cli-probe.js like the commands.
const { readFileSync } = require('fs');
const { parseAllDocuments } = require('yaml');
let documents = 0;
for (const file of process.argv.slice(2)) {
  documents += parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJSON()).length;
}
process.stdout.write(`${documents}\n`);
