import { FileSink, type Cell, type ColumnType, type SheetWriter } from './sheet-writer';
import { createZipWriter, ZipTooLargeError } from './zip-writer';

// OpenDocument spreadsheet (the format the French interoperability framework recommends), streamed: no npm library
// streams ODS, so this is a small writer on a small zip writer (zip-writer.ts). The package is what ODF 1.2 part 3
// asks: `mimetype` first and stored (uncompressed, no extra field, its size in its header), then the manifest,
// styles and meta, then content.xml written row by row.

const MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const FLUSH_AT = 256 * 1024;

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${MIME}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;

const NS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"`;

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NS} office:version="1.2"><office:styles/></office:document-styles>`;

const META = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${NS} office:version="1.2"><office:meta><meta:generator>Médiane</meta:generator></office:meta></office:document-meta>`;

// The date style (JJ/MM/AAAA) and a bold style for header rows.
const CONTENT_HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} office:version="1.2"><office:automatic-styles>
<number:date-style style:name="Njj"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<style:style style:name="cedate" style:family="table-cell" style:data-style-name="Njj"/>
</office:automatic-styles><office:body><office:spreadsheet>`;
const CONTENT_TAIL = '</office:spreadsheet></office:body></office:document-content>';

const XML_SPECIAL = /[<>&"]/;
// Characters XML 1.0 cannot carry at all (a pasted control character): dropped rather than making the file unreadable.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
export function xmlText(s: string): string {
  const clean = s.replace(XML_INVALID, '');
  if (!XML_SPECIAL.test(clean)) return clean;
  return clean.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
const xmlAttr = xmlText;

function textCell(s: string): string {
  // Line breaks inside a cell are paragraphs in ODF.
  if (s.includes('\n'))
    return `<table:table-cell>${s
      .split(/\r?\n/)
      .map((p) => `<text:p>${xmlText(p)}</text:p>`)
      .join('')}</table:table-cell>`;
  return `<table:table-cell><text:p>${xmlText(s)}</text:p></table:table-cell>`;
}

export class OdsTooLargeError extends Error {}

/** LibreOffice Calc's rows per sheet (as Excel's): past it a table goes on in a new one, under the same header. */
export const ODS_MAX_ROWS = 1_048_576;

export function createOdsWriter(path: string, { maxRows = ODS_MAX_ROWS } = {}): SheetWriter {
  const sink = new FileSink(path);
  const zip = createZipWriter(sink);
  zip.stored('mimetype', MIME);
  zip.stored('META-INF/manifest.xml', MANIFEST);
  zip.stored('styles.xml', STYLES);
  zip.stored('meta.xml', META);
  const content = zip.deflated('content.xml');

  let buffer = CONTENT_HEAD;
  let inTable = false;
  let types: readonly ColumnType[] = [];
  let rowsInTable = 0;
  let lastText: readonly string[] | null = null;
  let header: readonly string[] | null = null;
  let baseName = '';
  let continuation = 1;
  const flush = () => {
    if (!buffer) return;
    try {
      content.push(buffer);
    } catch (e) {
      throw e instanceof ZipTooLargeError ? new OdsTooLargeError('ods: too large') : e;
    }
    buffer = '';
  };
  const add = (xml: string) => {
    buffer += xml;
    if (buffer.length >= FLUSH_AT) flush();
  };

  const startTable = (name: string) => {
    if (inTable) add('</table:table>');
    add(`<table:table table:name="${xmlAttr(name.replace(/[[\]*?:/\\']/g, ' ').slice(0, 100))}">`);
    inTable = true;
    rowsInTable = 0;
  };
  const writeText = (cells: readonly string[]) => {
    let s = '<table:table-row>';
    for (const c of cells) s += c === '' ? '<table:table-cell/>' : textCell(c);
    add(s + '</table:table-row>');
    rowsInTable++;
  };
  const beforeRow = () => {
    if (rowsInTable < maxRows) return;
    startTable(`${baseName.slice(0, 90)} (${++continuation})`);
    if (header) writeText(header);
  };

  return {
    sheet(name) {
      baseName = name;
      continuation = 1;
      header = lastText = null;
      startTable(name);
    },
    text(cells) {
      beforeRow();
      writeText(cells);
      lastText = [...cells];
    },
    columns(t) {
      types = t;
      header = lastText;
    },
    row(cells: readonly Cell[]) {
      beforeRow();
      rowsInTable++;
      let s = '<table:table-row>';
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i];
        if (c === null || c === undefined || c === '') s += '<table:table-cell/>';
        else if (typeof c === 'number')
          s += `<table:table-cell office:value-type="float" office:value="${c}"><text:p>${c}</text:p></table:table-cell>`;
        else if (types[i] === 'date')
          s += `<table:table-cell table:style-name="cedate" office:value-type="date" office:date-value="${c}"><text:p>${c.slice(8, 10)}/${c.slice(5, 7)}/${c.slice(0, 4)}</text:p></table:table-cell>`;
        else s += textCell(c);
      }
      add(s + '</table:table-row>');
    },
    async drain() {
      flush();
      await content.room();
      await sink.drain();
    },
    async finish() {
      if (inTable) add('</table:table>');
      else add('<table:table table:name="Feuille1"/>');
      add(CONTENT_TAIL);
      flush();
      await content.end();
      zip.finish();
      await sink.close();
      return sink.bytes;
    },
    async abort() {
      content.destroy();
      await sink.destroy();
    },
  };
}
