import { issuingBody } from '../../domain/contract/labels.zh';
import { chinaDateTime } from '../../domain/workingDays';
import { printer } from './pdf';
import type { BulletinPrintData } from './reports.queries';

type Block =
  | { kind: 'title'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

/**
 * The stored bulletin is the Markdown the batch workflow wrote that month (a heading, paragraphs and one
 * pipe table); it is printed as written, not recomputed, so the paper says what the office sent out.
 */
export function bulletinBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const heading = /^#+\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'title', text: heading[1]! });
      continue;
    }
    if (line.startsWith('|')) {
      if (/^\|[\s:|-]+\|?$/.test(line)) continue; // the header's separator row
      const last = blocks.at(-1);
      if (last?.kind === 'table') last.rows.push(cellsOf(line));
      else blocks.push({ kind: 'table', header: cellsOf(line), rows: [] });
      continue;
    }
    blocks.push({ kind: 'paragraph', text: line });
  }
  return blocks;
}

/** 月通报 on A4, with the red heading of the body it goes out in the name of. */
export function bulletinPdf({ bulletin, jurisdiction }: BulletinPrintData, printedAt: Date): Promise<Buffer> {
  const blocks = bulletinBlocks(bulletin.body);
  const first = blocks[0];
  const title = first?.kind === 'title' ? first.text : `${bulletin.batch_title} ${bulletin.month} 月通报`;
  const pdf = printer({
    issuer: issuingBody(jurisdiction),
    title,
    subtitle: `${bulletin.month} · 生成于 ${chinaDateTime(bulletin.created_at)} · 打印时间 ${chinaDateTime(printedAt)}（北京时间）`,
  });
  for (const block of first?.kind === 'title' ? blocks.slice(1) : blocks) {
    if (block.kind === 'title') pdf.section(block.text);
    else if (block.kind === 'paragraph') pdf.paragraph(block.text);
    else pdf.table(block.header, block.rows);
  }
  return pdf.finish();
}
