import { inflateSync } from 'node:zlib';

/**
 * Reads back what a test needs from a PDF that pdfkit wrote: each page's size and text. The text is
 * recovered as a viewer's copy-and-paste does, through each font's ToUnicode map (a CJK font is embedded
 * as a subset, so its content stream holds glyph ids, not characters).
 */
export interface PdfPage {
  mediaBox: number[];
  text: string;
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const dataStart = start + streamAt + 'stream'.length + (text[start + streamAt + 6] === '\r' ? 2 : 1);
    const raw = pdf.subarray(dataStart, dataStart + length);
    objects.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
    header.lastIndex = end;
  }
  return objects;
}

/** A ToUnicode CMap's code → text entries (bfchar and bfrange, as pdfkit writes them). */
function cmapOf(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, to] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(Number.parseInt(code!, 16), utf16(to!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, rest] of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const [lo, hi] = [Number.parseInt(from!, 16), Number.parseInt(to!, 16)];
      if (rest!.startsWith('[')) {
        const targets = [...rest!.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => utf16(m[1]!));
        for (let c = lo; c <= hi; c += 1) map.set(c, targets[c - lo] ?? '');
      } else {
        const base = Number.parseInt(rest!.slice(1, -1), 16);
        for (let c = lo; c <= hi; c += 1) map.set(c, String.fromCharCode(base + c - lo));
      }
    }
  }
  return map;
}

const ref = (dict: string, key: string) => {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return match ? Number(match[1]) : undefined;
};

export function readPdf(pdf: Buffer): { pages: PdfPage[]; info: string } {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF');
  const objects = objectsOf(pdf);
  const toUnicode = (fontObject: number) => {
    const font = objects.get(fontObject);
    const cmap = font && ref(font.dict, 'ToUnicode');
    const stream = cmap === undefined ? undefined : objects.get(cmap)?.stream;
    return stream ? cmapOf(stream.toString('latin1')) : new Map<number, string>();
  };
  // The pages in reading order, as the page tree lists them.
  const tree = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict))?.dict ?? '';
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(tree)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map(([, n]) => Number(n));
  const pages: PdfPage[] = [];
  for (const object of kids.map((n) => objects.get(n)!)) {
    const mediaBox = (/\/MediaBox \[([^\]]*)\]/.exec(object.dict)?.[1] ?? '').trim().split(/\s+/).map(Number);
    const resources = objects.get(ref(object.dict, 'Resources') ?? -1)?.dict ?? '';
    const fonts = new Map(
      [...(/\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)].map(([, name, n]) => [
        name!,
        toUnicode(Number(n)),
      ]),
    );
    const content = objects.get(ref(object.dict, 'Contents') ?? -1)?.stream?.toString('latin1') ?? '';
    let cmap = new Map<number, string>();
    let text = '';
    for (const [, font, hex, literal] of content.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9a-fA-F]*)>|\((.*?)\)\s*Tj/g)) {
      if (font) cmap = fonts.get(font) ?? new Map();
      else if (hex !== undefined)
        text += (hex.match(/.{4}/g) ?? []).map((code) => cmap.get(Number.parseInt(code, 16)) ?? '').join('');
      else if (literal !== undefined) text += literal;
    }
    pages.push({ mediaBox, text });
  }
  const info = [...objects.values()].map((o) => o.dict).find((d) => d.includes('/Producer')) ?? '';
  return { pages, info };
}
