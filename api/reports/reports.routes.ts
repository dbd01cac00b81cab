import type { Response } from 'express';
import { route } from '../http/route';
import { bulletinPdf } from './bulletinReport';
import { projectReportPdf } from './projectReport';
import { readBulletinForPrint, readProjectForReport } from './reports.queries';

const fontNotes =
  'Set in a CJK font (fonts-noto-cjk, or the file REPORT_FONT names); without one the answer is a 503 saying what to install, not a PDF of empty boxes.';

/** Shown in the browser's PDF viewer, where the office prints it; the name keeps to safe characters. */
function sendPdf(res: Response, name: string, pdf: Buffer): void {
  res.setHeader('Content-Disposition', `inline; filename="${name.replace(/[^\w.-]/g, '_')}.pdf"`);
  res.type('application/pdf').send(pdf);
}

/** A4 PDF reports for meetings and files (打印报告). */
export const reportRoutes = [
  route({
    id: 'printProjectReport',
    method: 'get',
    path: '/reports/projects/:id',
    tag: 'exports',
    summary: 'Print a project’s status report (项目实施情况报告) as an A4 PDF',
    access: 'signedIn',
    notes: `Headed with the body the project's jurisdiction reports in the name of (人大常委会, a township's 主席团, a street's 人大工委); the project's responsibility list, progress and warning, funds, latest progress reports, findings and open tasks, times in Beijing time. Whoever may read the project may print it (the county office its townships' too). ${fontNotes}`,
    produces: 'application/pdf',
    ok: { 200: 'The report, inline, named `report-<project>.pdf`.' },
    refusals: [404, 503],
    handler: async ({ res, deps: { db }, user, params }) => {
      const data = await readProjectForReport(db, user, params.id);
      sendPdf(res, `report-${data.project.id}`, await projectReportPdf(data, new Date()));
    },
  }),
  route({
    id: 'printBulletin',
    method: 'get',
    path: '/reports/bulletins/:id',
    tag: 'exports',
    summary: 'Print a monthly bulletin (月通报) as an A4 PDF',
    access: ['coordinator'],
    notes: `The bulletin as the batch workflow wrote it that month, headed with the jurisdiction's issuing body. ${fontNotes}`,
    produces: 'application/pdf',
    ok: { 200: 'The bulletin, inline, named `bulletin-<batch>-<month>.pdf`.' },
    refusals: [404, 503],
    handler: async ({ res, deps: { db }, user, params }) => {
      const data = await readBulletinForPrint(db, user, params.id);
      sendPdf(res, `bulletin-${data.bulletin.batch_id}-${data.bulletin.month}`, await bulletinPdf(data, new Date()));
    },
  }),
];
