// The text pdf.js (Firefox, web portals) extracts from a PDF, as its copy gives it: the text
// items in order, a line break where pdf.js ends a line, a form feed after each page.
// node bench/pdfjs/pdfjs_text.mjs FILE.pdf   (after: npm ci --prefix bench/pdfjs)
import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
const out = [];
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  for (const item of content.items) {
    if ("str" in item) out.push(item.str + (item.hasEOL ? "\n" : ""));
  }
  out.push("\f");
}
process.stdout.write(out.join(""));
