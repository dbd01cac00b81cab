import PDFDocument from 'pdfkit';
import { cjkFont } from './font';

/** A4 in points, as pdfkit names it; the margins leave about 2 cm, as an office prints. */
const MARGIN = 56;
const RED = '#c00000';
const GREY = '#555555';

export interface ReportHead {
  /** The body the report goes out in the name of, printed as the red heading (红头). */
  issuer: string;
  title: string;
  /** Under the title: the batch, the month, the time it was printed. */
  subtitle: string;
}

export type Printer = ReturnType<typeof printer>;

/**
 * An A4 report being written with pdfkit in the CJK font: the red heading and title, sections, tables and
 * paragraphs, and on every page its number. `finish()` resolves to the file.
 */
export function printer(head: ReportHead) {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: head.title, Author: head.issuer, Subject: head.subtitle },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', font.regular.src, font.regular.family);
  doc.registerFont('bold', font.bold.src, font.bold.family);
  const width = doc.page.width - 2 * MARGIN;

  /**
   * Column widths by what each column holds: short columns (a date, a percentage, a stage) keep their text
   * on one line, and the long ones (a project's name, a warning's reason) share the rest by their length.
   */
  const fittedWidths = (header: readonly string[], rows: readonly (readonly string[])[]) => {
    const padding = 8;
    const natural = header.map((title, i) => {
      doc.font('bold');
      let widest = doc.widthOfString(title);
      doc.font('body');
      for (const row of rows) widest = Math.max(widest, doc.widthOfString(row[i] ?? ''));
      return widest + padding;
    });
    const short = (w: number) => w <= 72;
    const fixed = natural.filter(short).reduce((a, b) => a + b, 0);
    const flexible = natural.filter((w) => !short(w)).reduce((a, b) => a + b, 0);
    if (fixed + flexible <= width) return natural.map((w) => (w / (fixed + flexible)) * width);
    if (fixed >= width * 0.7) return natural.map((w) => (w / (fixed + flexible)) * width);
    return natural.map((w) => (short(w) ? w : (w / flexible) * (width - fixed)));
  };

  doc.font('bold').fontSize(22).fillColor(RED).text(head.issuer, { align: 'center', width });
  const ruleY = doc.y + 6;
  doc
    .moveTo(MARGIN, ruleY)
    .lineTo(MARGIN + width, ruleY)
    .lineWidth(1.5)
    .strokeColor(RED)
    .stroke();
  doc.y = ruleY + 14;
  doc.font('bold').fontSize(16).fillColor('black').text(head.title, MARGIN, doc.y, { align: 'center', width });
  doc.moveDown(0.3);
  doc.font('body').fontSize(10).fillColor(GREY).text(head.subtitle, { align: 'center', width });
  doc.fillColor('black').moveDown(1);

  const api = {
    section(title: string) {
      // A heading at the foot of a page with its content on the next reads as an empty section.
      if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
      else doc.moveDown(0.6);
      doc.font('bold').fontSize(13).fillColor('black').text(title, MARGIN, doc.y, { width });
      doc.moveDown(0.3);
      return api;
    },
    paragraph(text: string) {
      doc.font('body').fontSize(11).fillColor('black').text(text, MARGIN, doc.y, { width, lineGap: 3 });
      doc.moveDown(0.4);
      return api;
    },
    /** Label and value pairs, two pairs a row. */
    facts(pairs: readonly (readonly [string, string])[]) {
      const rows: string[][] = [];
      for (let i = 0; i < pairs.length; i += 2) {
        const [a, b] = [pairs[i]!, pairs[i + 1]];
        rows.push([a[0], a[1], b?.[0] ?? '', b?.[1] ?? '']);
      }
      doc.font('body').fontSize(10);
      doc.table({
        position: { x: MARGIN, y: doc.y },
        maxWidth: width,
        columnStyles: [80, '*', 80, '*'],
        defaultStyle: { border: 0.5, borderColor: '#999999', padding: 4 },
        data: rows.map((row) =>
          row.map((text, i) => (i % 2 === 0 ? { text, backgroundColor: '#f2f2f2', font: { src: 'bold' } } : text)),
        ),
      });
      doc.x = MARGIN;
      return api;
    },
    /**
     * A table with a header row; a row that does not fit starts the next page. Without given widths each
     * column gets room by what it holds, so a project's name is not squeezed to the width of a percentage.
     */
    table(header: readonly string[], rows: readonly (readonly string[])[], columns?: (number | string)[]) {
      doc.font('body').fontSize(9.5);
      doc.table({
        position: { x: MARGIN, y: doc.y },
        maxWidth: width,
        columnStyles: columns ?? fittedWidths(header, rows),
        defaultStyle: { border: 0.5, borderColor: '#999999', padding: 3 },
        data: [
          header.map((text) => ({ text, backgroundColor: '#e8e8e8', font: { src: 'bold' }, type: 'TH' as const })),
          ...rows.map((row) => [...row]),
        ],
      });
      doc.x = MARGIN;
      return api;
    },
    /** Numbers every page (第 n 页 共 N 页) and ends the file. */
    finish(): Promise<Buffer> {
      const { start, count } = doc.bufferedPageRange();
      for (let i = start; i < start + count; i += 1) {
        doc.switchToPage(i);
        // Written inside the bottom margin: with the margin in place pdfkit would start a new page for it.
        const bottom = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc
          .font('body')
          .fontSize(9)
          .fillColor(GREY)
          .text(`第 ${i + 1} 页  共 ${count} 页`, MARGIN, doc.page.height - MARGIN / 2 - 9, {
            width,
            align: 'center',
            lineBreak: false,
          });
        doc.page.margins.bottom = bottom;
      }
      doc.end();
      return ended;
    },
  };
  return api;
}
